package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPARQL protocol over real HTTP: formats, read-only, bounds, SERVICE, CORS, service description. */
class SparqlEndpointTest {
  static final String SELECT = "PREFIX tkg: <https://w3id.org/tracker-kg/ontology#> "
      + "SELECT ?t ?name WHERE { ?t a tkg:Tracker ; <http://schema.org/name> ?name }";
  static final String ASK = "PREFIX tkg: <https://w3id.org/tracker-kg/ontology#> ASK { ?t a tkg:Tracker }";
  static final String CONSTRUCT = "CONSTRUCT { ?t ?p ?o } WHERE { ?t a <https://w3id.org/tracker-kg/ontology#Tracker>"
      + " ; ?p ?o }";
  static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = Fixture.server(Fixture.seed()).timeout(Duration.ofSeconds(1)).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Lang lang(String name) {
    return switch (name) {
      case "json" -> ResultSetLang.RS_JSON;
      case "xml" -> ResultSetLang.RS_XML;
      case "csv" -> ResultSetLang.RS_CSV;
      default -> ResultSetLang.RS_TSV;
    };
  }

  static void assertMparticle(HttpResponse<String> r, String format) {
    assertEquals(200, r.statusCode(), r.body());
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
        lang(format));
    boolean found = false;
    while (rs.hasNext()) {
      var row = rs.next();
      if (row.get("name").toString().contains("mParticle")) {
        found = true;
      }
    }
    assertTrue(found, "mParticle in the " + format + " results");
  }

  @ParameterizedTest
  @CsvSource({"json, application/sparql-results+json", "xml, application/sparql-results+xml",
      "csv, text/csv", "tsv, text/tab-separated-values"})
  void selectByGetAndPostInEveryFormat(String format, String mediaType) throws Exception {
    assertMparticle(Fixture.get(server, "/sparql?query=" + Fixture.enc(SELECT), "Accept", mediaType), format);
    assertMparticle(Fixture.get(server, "/sparql?format=" + format + "&query=" + Fixture.enc(SELECT)), format);
    assertMparticle(Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
        "query=" + Fixture.enc(SELECT), "Accept", mediaType), format);
    assertMparticle(Fixture.post(server, "/sparql", "application/sparql-query", SELECT, "Accept", mediaType),
        format);
  }

  @ParameterizedTest
  @CsvSource({"json, application/sparql-results+json", "xml, application/sparql-results+xml"})
  void askByGetAndPost(String format, String mediaType) throws Exception {
    HttpResponse<String> g = Fixture.get(server, "/sparql?query=" + Fixture.enc(ASK), "Accept", mediaType);
    assertEquals(200, g.statusCode());
    assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(g.body().getBytes(StandardCharsets.UTF_8)),
        lang(format)));
    HttpResponse<String> p = Fixture.post(server, "/sparql", "application/sparql-query", ASK, "Accept", mediaType);
    assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(p.body().getBytes(StandardCharsets.UTF_8)),
        lang(format)));
  }

  @ParameterizedTest
  @CsvSource({"text/turtle, TTL", "application/n-triples, NT", "application/ld+json, JSONLD",
      "application/rdf+xml, RDFXML"})
  void constructByGetAndPost(String mediaType, String langName) throws Exception {
    Lang lang = switch (langName) {
      case "TTL" -> Lang.TURTLE;
      case "NT" -> Lang.NTRIPLES;
      case "JSONLD" -> Lang.JSONLD;
      default -> Lang.RDFXML;
    };
    for (HttpResponse<String> r : new HttpResponse[] {
        Fixture.get(server, "/sparql?query=" + Fixture.enc(CONSTRUCT), "Accept", mediaType),
        Fixture.post(server, "/sparql", "application/sparql-query", CONSTRUCT, "Accept", mediaType)}) {
      assertEquals(200, r.statusCode(), r.body());
      Graph g = GraphFactory.createDefaultGraph();
      RDFParser.fromString(r.body(), lang).parse(g);
      assertTrue(g.size() > 5, "triples of mParticle in " + mediaType);
    }
  }

  @Test
  void defaultGraphIsTheUnionAndNamedGraphsStayQueryable() throws Exception {
    HttpResponse<String> all = Fixture.get(server, "/sparql?query="
        + Fixture.enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
    HttpResponse<String> named = Fixture.get(server, "/sparql?query="
        + Fixture.enc("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"),
        "Accept", "application/sparql-results+json");
    long n = ResultSetMgr.read(new ByteArrayInputStream(all.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON).next().getLiteral("n").getLong();
    long g = ResultSetMgr.read(new ByteArrayInputStream(named.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON).next().getLiteral("n").getLong();
    assertEquals(server.dataset().getUnionGraph().size(), n);
    assertTrue(g >= 1, "at least one named graph");
  }

  @Test
  void updatesAreRefused() throws Exception {
    String update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }";
    HttpResponse<String> form = Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
        "update=" + Fixture.enc(update));
    assertTrue(form.statusCode() >= 400 && form.statusCode() < 500, "update form: " + form.statusCode());
    HttpResponse<String> body = Fixture.post(server, "/sparql", "application/sparql-update", update);
    assertTrue(body.statusCode() >= 400 && body.statusCode() < 500, "update body: " + body.statusCode());
    HttpResponse<String> put = Fixture.send(HttpRequest.newBuilder(URI.create(server.url() + "sparql?default"))
        .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:a> <urn:x:b> <urn:x:c> ."))
        .header("Content-Type", "application/n-triples").build());
    assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, "graph store PUT: " + put.statusCode());
    HttpResponse<String> ask = Fixture.get(server, "/sparql?query=" + Fixture.enc("ASK { <urn:x:a> ?p ?o }"),
        "Accept", "application/sparql-results+json");
    assertFalse(ResultSetMgr.readBoolean(new ByteArrayInputStream(ask.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON));
  }

  @Test
  void serviceIsRefused() throws Exception {
    String q = "SELECT * { SERVICE <" + server.url() + "sparql> { ?s ?p ?o } }";
    HttpResponse<String> r = Fixture.get(server, "/sparql?query=" + Fixture.enc(q), "Accept",
        "application/sparql-results+json");
    assertTrue(r.statusCode() >= 400, "SERVICE: " + r.statusCode() + " " + r.body());
    assertFalse(r.body().contains("\"bindings\""));
  }

  @Test
  void slowQueryIsStoppedAndServerStillAnswers() throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = Fixture.get(server, "/sparql?query=" + Fixture.enc(SLOW), "Accept",
        "application/sparql-results+json");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(r.statusCode() >= 500 || r.statusCode() == 408 || r.statusCode() == 400,
        "timeout status: " + r.statusCode());
    assertTrue(ms < 8000, "stopped after about a second, not " + ms + " ms");
    assertEquals(200, Fixture.get(server, "/$/ping").statusCode());
  }

  @Test
  void rowsAreCapped() throws Exception {
    TrackerServer small = Fixture.server(Fixture.seed()).maxRows(3).build().start();
    try {
      HttpResponse<String> r = Fixture.get(small, "/sparql?query=" + Fixture.enc("SELECT * { ?s ?p ?o }"),
          "Accept", "application/sparql-results+json");
      ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
          ResultSetLang.RS_JSON);
      int n = 0;
      while (rs.hasNext()) {
        rs.next();
        n++;
      }
      assertEquals(3, n);
    } finally {
      small.stop();
    }
  }

  @Test
  void corsForAnyOriginIncludingPreflight() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/sparql?query=" + Fixture.enc(ASK), "Origin",
        "https://example.org", "Accept", "application/sparql-results+json");
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().toString());
    HttpResponse<String> pre = Fixture.send(HttpRequest.newBuilder(URI.create(server.url() + "sparql"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type").build());
    assertTrue(pre.statusCode() < 300, "preflight " + pre.statusCode());
    assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    assertTrue(pre.headers().firstValue("Access-Control-Allow-Origin").isPresent());
  }

  @Test
  void serviceDescriptionWithoutQuery() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/sparql", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
    String sd = Descriptions.SD;
    assertTrue(g.contains(null, ViewBuilder.uri(sd + "endpoint"), ViewBuilder.uri(server.url() + "sparql")),
        r.body());
    assertTrue(g.contains(null, ViewBuilder.uri(sd + "supportedLanguage"), ViewBuilder.uri(sd + "SPARQL11Query")));
    assertTrue(g.contains(null, ViewBuilder.uri(sd + "defaultDataset"), null));
  }

  @Test
  void queryPageForBrowsers() throws Exception {
    String html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    HttpResponse<String> page = Fixture.get(server, "/sparql", "Accept", html);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<textarea"), page.body());
    HttpResponse<String> results = Fixture.get(server, "/sparql?query=" + Fixture.enc(SELECT), "Accept", html);
    assertEquals(200, results.statusCode());
    assertTrue(results.body().contains("id=\"results-table\""));
    assertTrue(results.body().contains("href=\"/doc/tracker/mparticle\""), results.body());
    HttpResponse<String> bad = Fixture.get(server, "/sparql?format=html&query=" + Fixture.enc("SELECT nonsense"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Syntax error"));
  }

  @Test
  void pingAndMetrics() throws Exception {
    assertEquals(200, Fixture.get(server, "/$/ping").statusCode());
    HttpResponse<String> m = Fixture.get(server, "/$/metrics");
    assertEquals(200, m.statusCode());
    assertTrue(m.body().contains("# TYPE"), "Prometheus text format");
  }

  /** Fuseki 5.6.0 asks Jetty for a 5 MiB buffer per response: the GC stalls (DESIGN.md, known traps). */
  @Test
  void outputBufferIsSmallOnEveryConnector() {
    assertFalse(server.outputBufferSizes().isEmpty());
    server.outputBufferSizes().forEach(s -> assertEquals(TrackerServer.OUTPUT_BUFFER_SIZE, s));
    assertNotNull(server.fuseki().getJettyServer());
  }
}
