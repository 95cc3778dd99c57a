package org.trackerkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.graph.NodeTransformLib;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** The catalogue's files and headers, parameter checking, and that no value can change a query's structure. */
class QueryCatalogueTest {
  static final String BASE = Iris.DEFAULT_BASE;
  static final List<String> MALICIOUS = List.of("x\" } ; DROP ALL ; #", "<http://evil.example/>", "\") || true || (\"",
      "' } UNION { ?s ?p ?o } #", ".*", "x\n} SELECT * WHERE { ?s ?p ?o }", "$host", "?pattern");

  static QueryCatalogue catalogue;
  static Dataset seed;

  @BeforeAll
  static void load() {
    catalogue = QueryCatalogue.load();
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    seed = CannedQuery.unionView(Pipeline.load(List.of(Path.of(basedir, "src/test/seed")), BASE).dataset());
  }

  @Test
  void everyQueryHasAHeaderAnOrderAndParsesAsSelect() {
    assertTrue(catalogue.list().size() >= 18, "at least 18 canned queries: " + catalogue.entries().keySet());
    for (QueryCatalogue.Entry e : catalogue.list()) {
      assertNotEquals(e.name(), e.title(), e.name() + ": # title:");
      assertFalse(e.description().isBlank(), e.name() + ": # description:");
      assertTrue(e.query().isSelectType(), e.name());
      assertTrue(e.query().hasOrderBy(), e.name() + ": ORDER BY something deterministic");
      // the past versions of `tkg history` are named graphs outside the default graph: their queries must say GRAPH
      boolean history = e.name().equals("history-of") || e.name().equals("policy-changes");
      assertEquals(history, e.text().toUpperCase().matches("(?s).*\\bGRAPH\\s*[?<].*"), e.name() + ": GRAPH clauses");
    }
    assertEquals(List.of("tracker"), names(catalogue.get("tracker-profile")));
    assertEquals(List.of("host"), names(catalogue.get("match-host")));
    assertEquals(List.of("class"), names(catalogue.get("match-class")));
    assertEquals(List.of("tracker"), names(catalogue.get("claims-with-sources")));
  }

  private static List<String> names(Optional<QueryCatalogue.Entry> e) {
    return e.orElseThrow().params().stream().map(QueryParam::name).toList();
  }

  @Test
  void headerParsing() {
    QueryCatalogue.Entry e = QueryCatalogue.parse("t", """
        # title: A test
        # description: first line
        # description: second line
        # param: n (integer, 5) how many
        # param: who (iri) someone
        # just a comment
        SELECT ?who ?n WHERE { ?who ?p ?n } ORDER BY ?who
        """);
    assertEquals("A test", e.title());
    assertEquals("first line second line", e.description());
    assertEquals(new QueryParam("n", ParamType.INTEGER, Optional.of("5"), "how many"), e.params().get(0));
    assertEquals(new QueryParam("who", ParamType.IRI, Optional.empty(), "someone"), e.params().get(1));
    assertThrows(IllegalArgumentException.class,
        () -> QueryCatalogue.parse("t", "# param: x (colour)\nSELECT ?x WHERE { ?x ?p ?o }"));
    assertThrows(IllegalArgumentException.class,
        () -> QueryCatalogue.parse("t", "# param: y (string)\nSELECT ?x WHERE { ?x ?p ?o }"));
    assertThrows(IllegalArgumentException.class,
        () -> QueryCatalogue.parse("t", "# param: x (integer, many)\nSELECT ?x WHERE { ?x ?p ?o }"));
    assertThrows(IllegalArgumentException.class, () -> QueryCatalogue.parse("t", "CONSTRUCT WHERE { ?s ?p ?o }"));
    assertThrows(IllegalArgumentException.class, () -> QueryCatalogue.parse("t", "SELECT WHERE {"));
  }

  @Test
  void parameterTypesAreChecked() {
    QueryCatalogue.Entry e = QueryCatalogue.parse("t", """
        # param: n (integer, 5)
        # param: who (iri, https://example.org/x)
        # param: tracker (tracker, mparticle)
        SELECT ?who ?n ?tracker WHERE { ?who ?n ?tracker } ORDER BY ?who
        """);
    CannedQuery q = CannedQuery.bind(e, Map.of(), BASE);
    assertEquals(NodeFactory.createURI(BASE + "id/tracker/mparticle"), q.bindings().get("tracker"));
    assertEquals("5", q.bindings().get("n").getLiteralLexicalForm());
    assertEquals(NodeFactory.createURI(BASE + "id/tracker/appsflyer"),
        CannedQuery.bind(e, Map.of("tracker", BASE + "id/tracker/appsflyer"), BASE).bindings().get("tracker"));
    for (Map<String, String> bad : List.of(Map.of("n", "five"), Map.of("n", "1.5"), Map.of("who", "relative/iri"),
        Map.of("who", "ftp://example.org/"), Map.of("who", "http://exa mple.org/"), Map.of("tracker", "MParticle"),
        Map.of("tracker", "https://example.org/not-a-tracker"), Map.of("nope", "1"))) {
      ParameterException x = assertThrows(ParameterException.class, () -> CannedQuery.bind(e, bad, BASE), bad::toString);
      assertTrue(x.getMessage().contains(bad.keySet().iterator().next()), x.getMessage());
    }
    ParameterException missing = assertThrows(ParameterException.class,
        () -> CannedQuery.bind(catalogue.get("match-host").orElseThrow(), Map.of(), BASE));
    assertTrue(missing.getMessage().contains("needs parameter 'host'"), missing.getMessage());
  }

  /** Malicious values stay terms: the algebra after substitution has the same shape as with a benign value. */
  @Test
  void valuesCannotChangeAQuery() {
    for (QueryCatalogue.Entry e : catalogue.list()) {
      for (QueryParam p : e.params()) {
        String benign = p.type() == ParamType.TRACKER ? "mparticle"
            : p.type() == ParamType.IRI ? BASE + "id/org/google" : "api.mparticle.com";
        Op reference = shape(CannedQuery.bind(e, Map.of(p.name(), benign), BASE), p.name());
        for (String evil : MALICIOUS) {
          if (p.type() == ParamType.TRACKER || p.type() == ParamType.IRI) {
            assertThrows(ParameterException.class, () -> CannedQuery.bind(e, Map.of(p.name(), evil), BASE));
            continue;
          }
          CannedQuery bound = CannedQuery.bind(e, Map.of(p.name(), evil), BASE);
          assertEquals(evil, bound.bindings().get(p.name()).getLiteralLexicalForm());
          assertEquals(reference, shape(bound, p.name()), e.name() + " with " + p.name() + "=" + evil);
          assertEquals(0, bound.execute(seed, Duration.ofSeconds(30)).size(),
              e.name() + ": a malicious " + p.name() + " matches nothing");
        }
      }
    }
  }

  /** What is sent to an endpoint is the substituted query as text: it must be valid SPARQL. */
  @Test
  void substitutedQueriesAreValidSparql() {
    for (QueryCatalogue.Entry e : catalogue.list()) {
      Map<String, String> values = new java.util.HashMap<>();
      for (QueryParam p : e.params()) {
        values.put(p.name(), switch (p.type()) {
          case TRACKER -> "mparticle";
          case INTEGER -> "3";
          case IRI -> "https://example.org/x";
          case STRING -> "api.mparticle.com";
        });
      }
      String text = CannedQuery.bind(e, values, BASE).substituted().toString();
      org.apache.jena.query.QueryFactory.create(text);
    }
  }

  /** The substituted query's algebra, with the bound term replaced by a marker. */
  private static Op shape(CannedQuery q, String param) {
    Node bound = q.bindings().get(param);
    Node marker = NodeFactory.createURI("urn:marker");
    Query substituted = q.substituted();
    return NodeTransformLib.transform(n -> n.equals(bound) ? marker : n, Algebra.compile(substituted));
  }

  @Test
  void benignValuesFindTheirTrackers() {
    QueryCatalogue.Entry host = catalogue.get("match-host").orElseThrow();
    assertEquals(1, CannedQuery.bind(host, Map.of("host", "api.mparticle.com"), BASE)
        .execute(seed, Duration.ofSeconds(30)).size());
    QueryCatalogue.Entry cls = catalogue.get("match-class").orElseThrow();
    assertEquals(1, CannedQuery.bind(cls, Map.of("class", "com.mparticle.MParticle"), BASE)
        .execute(seed, Duration.ofSeconds(30)).size());
  }
}
