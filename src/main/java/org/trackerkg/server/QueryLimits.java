package org.trackerkg.server;

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
   * A bounded execution for the server's own pages: capped, checked and stopped by {@link QueryGuard} (a query too
   * deep or building too long a string is {@link QueryGuard.TooComplex}, a {@code QueryException}).
   */
  QueryExec exec(Query query, DatasetGraph dsg) {
    Context cxt = QueryGuard.deadline(dsg.getContext(), timeoutMillis);
    cxt.set(ARQ.httpServiceAllowed, false);
    return QueryExec.dataset(dsg).query(QueryGuard.bounded(cap(query), timeoutMillis)).context(cxt).build();
  }
}
