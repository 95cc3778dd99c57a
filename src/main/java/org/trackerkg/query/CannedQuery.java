package org.trackerkg.query;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.trackerkg.base.UnionGraph;

/**
 * A canned query with its parameters bound. Values are checked against their types and become RDF terms that
 * replace the query's variables in the parsed query (Jena's substitution), so no value can change the structure
 * of a query: a host name stays a string literal whatever characters it holds.
 *
 * <pre>
 * CannedQuery q = CannedQuery.bind(catalogue.get("match-host").orElseThrow(), Map.of("host", "api.mparticle.com"), base);
 * ResultSetRewindable rows = q.execute(CannedQuery.unionView(dsg), Duration.ofSeconds(30));
 * </pre>
 */
public final class CannedQuery {
  /** Used only to turn nodes into RDFNodes for the builders' substitution. */
  private static final Model TERMS = ModelFactory.createDefaultModel();

  private final QueryCatalogue.Entry entry;
  private final Map<String, Node> bindings;

  private CannedQuery(QueryCatalogue.Entry entry, Map<String, Node> bindings) {
    this.entry = entry;
    this.bindings = Collections.unmodifiableMap(bindings);
  }

  /**
   * Binds the given values (by parameter name) and the defaults of the others. Throws {@link ParameterException}
   * for an unknown parameter, a missing required one, or a value that does not fit its type.
   *
   * @param base the data's IRI base, for tracker slugs
   */
  public static CannedQuery bind(QueryCatalogue.Entry entry, Map<String, String> values, String base) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(base, "base");
    for (String name : values.keySet()) {
      if (entry.param(name).isEmpty()) {
        List<String> known = entry.params().stream().map(QueryParam::name).toList();
        throw new ParameterException("query '" + entry.name() + "' has no parameter '" + name + "'"
            + (known.isEmpty() ? " (it takes none)" : " (its parameters: " + String.join(", ", known) + ")"));
      }
    }
    Map<String, Node> bindings = new LinkedHashMap<>();
    for (QueryParam p : entry.params()) {
      String v = values.get(p.name());
      if (v == null) {
        v = p.defaultValue().orElseThrow(() -> new ParameterException("query '" + entry.name()
            + "' needs parameter '" + p.name() + "' (" + p.type().label() + ")"
            + (p.description().isEmpty() ? "" : ": " + p.description())));
      }
      bindings.put(p.name(), ParamValues.node(p, v, base));
    }
    return new CannedQuery(entry, bindings);
  }

  public QueryCatalogue.Entry entry() {
    return entry;
  }

  /** The RDF term bound to each parameter, in header order. */
  public Map<String, Node> bindings() {
    return bindings;
  }

  /** The parsed query with the bound terms in place of the variables (what is executed). */
  public Query substituted() {
    Map<Var, Node> map = new LinkedHashMap<>();
    bindings.forEach((k, v) -> map.put(Var.alloc(k), v));
    return QueryTransformOps.transform(entry.query().cloneQuery(), map);
  }

  /**
   * A dataset whose default graph is the union of the named graphs (and the default graph), as the server serves
   * it. The union is copied into one in-memory graph: a live union view of hundreds of named graphs answers each
   * triple pattern by asking every graph, which makes joins orders of magnitude slower.
   */
  public static Dataset unionView(DatasetGraph dsg) {
    return DatasetFactory.wrap(DatasetGraphFactory.wrap(UnionGraph.copyOf(dsg)));
  }

  /** Runs in-process over {@code dataset} (use {@link #unionView} for a dataset of named graphs). */
  public ResultSetRewindable execute(Dataset dataset, Duration timeout) {
    QueryExecutionBuilder b = QueryExecution.dataset(dataset).query(entry.query().cloneQuery());
    bindings.forEach((k, v) -> b.substitution(k, TERMS.asRDFNode(v)));
    b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (QueryExecution qe = b.build()) {
      return ResultSetFactory.copyResults(qe.execSelect());
    }
  }

  /**
   * Runs against a SPARQL endpoint (query URL); the values are substituted before the query is sent. A long query
   * goes as an HTML form POST ({@code query=…}), which every SPARQL 1.1 endpoint takes, not as an
   * {@code application/sparql-query} body (Jena's default): Virtuoso 7.2 never answers that one.
   */
  public ResultSetRewindable executeRemote(String endpoint, Duration timeout) {
    QueryExecutionBuilder b = QueryExecutionHTTP.service(endpoint).sendMode(QuerySendMode.asGetWithLimitForm)
        .query(entry.query().cloneQuery());
    bindings.forEach((k, v) -> b.substitution(k, TERMS.asRDFNode(v)));
    b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (QueryExecution qe = b.build()) {
      return ResultSetFactory.copyResults(qe.execSelect());
    }
  }
}
