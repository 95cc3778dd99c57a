package org.trackerkg.base;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The union of a dataset's graphs (named and default) copied into one in-memory graph. A live union view over
 * hundreds of named graphs answers each triple pattern by asking every graph, which makes SHACL validation and
 * query joins several times (up to orders of magnitude) slower than over a copy.
 */
public final class UnionGraph {
  private UnionGraph() {}

  public static Graph copyOf(DatasetGraph dsg) {
    Graph union = GraphFactory.createDefaultGraph();
    dsg.find().forEachRemaining(q -> union.add(q.asTriple()));
    return union;
  }
}
