package org.trackerkg.server;

import java.util.function.Function;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;

/**
 * The bounds on every query: a time limit and a row cap, plus {@link QueryGuard}'s. SPARQL {@code SERVICE} is always
 * refused.
 */
record QueryLimits(long timeoutMillis, long maxRows) {
  /**
   * The response header that says a result was cut at the row cap, with the cap as its value (Virtuoso's name for
   * it): sent when a SELECT that asked for more rows than the cap, or for all of them, got exactly the cap.
   */
  static final String MAX_ROWS_HEADER = "X-SPARQL-MaxRows";

  /** Whether {@link #cap} lowers or sets this query's LIMIT. */
  boolean caps(Query query) {
    return !query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows);
  }

  /** Caps the query's LIMIT at {@link #maxRows} (SELECT, CONSTRUCT, DESCRIBE: solutions, not triples). */
  Query cap(Query query) {
    if (caps(query)) {
      query.setLimit(maxRows);
    }
    return query;
  }

  /**
   * Runs {@code body} over a bounded execution, for the server's own pages: capped, checked and stopped by
   * {@link QueryGuard} (a query too deep or building too long a string is {@link QueryGuard.TooComplex}, a
   * {@code QueryException}). The execution and its deadline end with {@code body}: read the results inside it.
   */
  <T> T run(Query query, DatasetGraph dsg, Function<QueryExec, T> body) {
    Query bounded = QueryGuard.bounded(cap(query), timeoutMillis);
    try (QueryGuard.Alarm alarm = QueryGuard.deadline(dsg.getContext(), timeoutMillis);
        QueryExec qe = QueryExec.dataset(dsg).query(bounded).context(serviceOff(alarm.context())).build()) {
      return body.apply(qe);
    }
  }

  private static Context serviceOff(Context cxt) {
    cxt.set(ARQ.httpServiceAllowed, false);
    return cxt;
  }
}
