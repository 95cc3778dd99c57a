package org.trackerkg.server;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;

/**
 * Fuseki's SPARQL query operation, bounded: a row cap (a query asking for more than the cap, or for everything, gets
 * {@code LIMIT cap}), and {@link QueryGuard}'s time limit, nesting limit, bounded regexes and string sizes. The ban on
 * {@code SERVICE} comes from the dataset's context. A query refused for its shape or size is a 400.
 */
final class BoundedQuery extends SPARQL_QueryDataset {
  /** Request attribute: the row cap set or lowered this SELECT's LIMIT. */
  private static final String CAPPED = BoundedQuery.class.getName() + ".capped";
  private final QueryLimits limits;

  BoundedQuery(QueryLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void execute(String queryString, HttpAction action) {
    try {
      if (queryString != null) {
        QueryGuard.parse(queryString, Syntax.syntaxARQ); // too deep for the parser: 400 too complex, below
      }
    } catch (QueryParseException e) {
      // a plain syntax error: Fuseki's own answer, below
    } catch (QueryGuard.TooComplex e) {
      ServletOps.errorBadRequest(e.getMessage());
    }
    try {
      super.execute(queryString, action);
    } catch (QueryGuard.TooComplex e) {
      ServletOps.errorBadRequest(e.getMessage());
    } catch (StackOverflowError e) {
      // the fallback: a shape the nesting count does not foresee
      ServletOps.errorBadRequest(QueryGuard.tooDeep().getMessage());
    }
  }

  @Override
  protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
    Pair<DatasetGraph, Query> p = super.decideDataset(action, query, queryStringLog);
    Query q = p.getRight() == null ? query : p.getRight();
    if (q.isSelectType() && limits.caps(q)) {
      action.getRequest().setAttribute(CAPPED, Boolean.TRUE);
    }
    return Pair.create(p.getLeft(), QueryGuard.bounded(limits.cap(q), limits.timeoutMillis()));
  }

  /**
   * A SELECT whose LIMIT the cap set or lowered is read whole before its answer starts (at most the cap's rows), so
   * that a result cut at the cap can say so in a header, {@link QueryLimits#MAX_ROWS_HEADER}.
   */
  @Override
  protected QueryExecResult executeQuery(HttpAction action, QueryExec qExec, Query query, String queryStringLog) {
    QueryExecResult result = super.executeQuery(action, qExec, query, queryStringLog);
    if (!result.isRowSet() || action.getRequest().getAttribute(CAPPED) == null) {
      return result;
    }
    RowSetRewindable rows = RowSetMem.create(result.rowSet());
    if (rows.size() >= limits.maxRows()) {
      action.setResponseHeader(QueryLimits.MAX_ROWS_HEADER, Long.toString(limits.maxRows()));
    }
    return new QueryExecResult(rows);
  }

  /** The protocol's {@code timeout} parameter (seconds) may shorten the limit, never lengthen it. */
  @Override
  protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
    long millis = limits.timeoutMillis();
    String asked = action.getRequestParameter("timeout");
    if (asked != null) {
      try {
        double s = Double.parseDouble(asked.strip());
        if (s > 0) {
          millis = Math.max(1, Math.min(millis, (long) (s * 1000)));
        }
      } catch (NumberFormatException e) {
        ServletOps.errorBadRequest("timeout: not a number of seconds");
      }
    }
    return QueryExec.newBuilder().dataset(dataset).query(query)
        .context(QueryGuard.deadline(action.getContext(), millis)).build();
  }
}
