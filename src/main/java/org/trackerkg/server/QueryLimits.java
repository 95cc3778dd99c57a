package org.trackerkg.server;

import java.util.concurrent.TimeUnit;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/** The bounds on every query: a time limit and a row cap. SPARQL {@code SERVICE} is always refused. */
record QueryLimits(long timeoutMillis, long maxRows) {

  /** Caps the query's LIMIT at {@link #maxRows} (SELECT, CONSTRUCT, DESCRIBE: solutions, not triples). */
  Query cap(Query query) {
    if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
      query.setLimit(maxRows);
    }
    return query;
  }

  /** A bounded execution for the server's own pages. */
  QueryExec exec(Query query, DatasetGraph dsg) {
    return QueryExec.dataset(dsg).query(cap(query))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .set(ARQ.httpServiceAllowed, false)
        .build();
  }
}
