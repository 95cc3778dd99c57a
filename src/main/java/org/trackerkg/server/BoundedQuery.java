package org.trackerkg.server;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
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
  /** Request attribute: this query's {@link QueryGuard.Alarm}, closed when the query ends. */
  private static final String ALARM = BoundedQuery.class.getName() + ".alarm";
  private final QueryLimits limits;

  BoundedQuery(QueryLimits limits) {
    this.limits = limits;
  }

  /**
   * Fuseki's query flow ({@code SPARQLQueryProcessor.execute}: parse, choose the dataset, run, send the results) with
   * the text parsed once, by {@link QueryGuard#parse}, with Fuseki's base and syntax. Fuseki's own flow parsed it
   * again after our check and printed the parsed query back for its log line even when that log is off: together
   * about a third of an uncached lookup's CPU (bench/README.md, Findings). A missing, empty or blank text gets
   * Fuseki's own answer.
   */
  @Override
  protected void execute(String queryString, HttpAction action) {
    if (queryString == null || queryString.isBlank()) {
      super.execute(queryString, action);
      return;
    }
    String queryStringLog = ServletOps.formatForLog(queryString);
    if (action.log.isInfoEnabled()) { // Fuseki's action log (tkg serve --log-queries)
      action.log.info(String.format("[%d] Query = %s", action.id, action.verbose ? queryString : queryStringLog));
    }
    Query query = null;
    try {
      query = QueryGuard.parse(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
      validateQuery(action, query);
    } catch (QueryGuard.TooComplex e) { // too deep for the parser
      ServletOps.errorBadRequest(e.getMessage());
    } catch (QueryParseException e) {
      String msg = SPARQLProtocol.messageForParseException(e);
      action.log.warn(String.format("[%d] %s", action.id, msg));
      ServletOps.errorBadRequest(msg);
    } catch (QueryException e) {
      action.log.warn(String.format("[%d] %s", action.id, SPARQLProtocol.messageForException(e)));
      ServletOps.errorBadRequest("Error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
    }
    try {
      action.beginRead();
      Pair<DatasetGraph, Query> p = decideDataset(action, query, queryStringLog);
      Query q = p.getRight() == null ? query : p.getRight();
      try (QueryExec qExec = createQueryExec(action, q, p.getLeft())) {
        QueryExecResult result = executeQuery(action, qExec, query, queryStringLog);
        sendResults(action, result, query.getPrologue());
      }
    } catch (QueryParseException e) { // a late static error, as in Fuseki
      action.abortSilent();
      ServletOps.errorBadRequest("Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
    } catch (QueryCancelledException e) {
      action.abortSilent();
      ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
      throw e;
    } catch (QueryGuard.TooComplex e) {
      ServletOps.errorBadRequest(e.getMessage());
    } catch (StackOverflowError e) {
      // the fallback: a shape the nesting count does not foresee
      ServletOps.errorBadRequest(QueryGuard.tooDeep().getMessage());
    } finally {
      action.endRead();
      // the query has ended, answered or not (its client may be gone): its deadline leaves the clock
      if (action.getRequest().getAttribute(ALARM) instanceof QueryGuard.Alarm alarm) {
        alarm.close();
      }
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
    QueryGuard.Alarm alarm = QueryGuard.deadline(action.getContext(), millis);
    action.getRequest().setAttribute(ALARM, alarm);
    return QueryExec.newBuilder().dataset(dataset).query(query).context(alarm.context()).build();
  }
}
