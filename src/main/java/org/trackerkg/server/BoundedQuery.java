package org.trackerkg.server;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Fuseki's SPARQL query operation with a row cap: a query asking for more than the cap (or for everything) gets
 * {@code LIMIT cap}. The time limit and the ban on {@code SERVICE} come from the dataset's context.
 */
final class BoundedQuery extends SPARQL_QueryDataset {
  private final QueryLimits limits;

  BoundedQuery(QueryLimits limits) {
    this.limits = limits;
  }

  @Override
  protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
    Pair<DatasetGraph, Query> p = super.decideDataset(action, query, queryStringLog);
    return Pair.create(p.getLeft(), limits.cap(p.getRight()));
  }
}
