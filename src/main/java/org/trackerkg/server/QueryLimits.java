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

  /** Caps the query's LIMIT at {@link #maxRows} (SELECT, CONSTRUCT, DESCRIBE: solutions, not triples). */
  Query cap(Query query) {
    if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
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
