package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Protocol corners real clients hit, over real HTTP (java.net.http): SERVICE refused in plain words however the
 * query arrives, and a query POSTed as {@code application/sparql-query} gets the same HTML page as GET and forms
 * when the client asks for HTML, and the protocol answer otherwise.
 */
class ProtocolCornersTest {
  static final String SELECT = "PREFIX tkg: <https://w3id.org/tracker-kg/ontology#> "
      + "SELECT ?t ?name WHERE { ?t a tkg:Tracker ; <http://schema.org/name> ?name }";
  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = Fixture.server(Fixture.seed()).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void serviceIsRefusedInPlainWordsByGetFormAndBody() throws Exception {
    String service = "SELECT * { SERVICE <" + server.url() + "sparql> { ?s ?p ?o } }";
    String inExists = "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }";
    String inSubQuery = "SELECT * { { SELECT ?s { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } } }";
    for (String q : new String[] {service, inExists, inSubQuery}) {
      HttpResponse<String> get = Fixture.get(server, "/sparql?query=" + Fixture.enc(q), "Accept",
          "application/sparql-results+json");
      HttpResponse<String> form = Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
          "query=" + Fixture.enc(q), "Accept", "application/sparql-results+json");
      HttpResponse<String> body = Fixture.post(server, "/sparql", "application/sparql-query", q,
          "Accept", "application/sparql-results+json");
      for (HttpResponse<String> r : java.util.List.of(get, form, body)) {
        assertEquals(400, r.statusCode(), q + ": " + r.body());
        assertTrue(r.body().contains("SERVICE is not allowed on this endpoint"), r.body());
        assertFalse(r.body().contains("httpServiceAllowed") || r.body().contains("\"bindings\""), r.body());
      }
      HttpResponse<String> page = Fixture.get(server, "/sparql?query=" + Fixture.enc(q), "Accept", "text/html");
      assertTrue(page.body().contains("SERVICE is not allowed on this endpoint"), page.body());
    }
    // the word alone (in a literal or an IRI) is no SERVICE call
    String word = "SELECT ?x { BIND (\"SERVICE\" AS ?x) }";
    HttpResponse<String> ok = Fixture.post(server, "/sparql", "application/sparql-query", word,
        "Accept", "application/sparql-results+json");
    assertEquals(200, ok.statusCode(), ok.body());
  }

  @Test
  void aQueryPostedAsTheBodyGetsHtmlLikeGetAndForms() throws Exception {
    HttpResponse<String> get = Fixture.get(server, "/sparql?query=" + Fixture.enc(SELECT), "Accept", "text/html");
    HttpResponse<String> form = Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
        "query=" + Fixture.enc(SELECT), "Accept", "text/html");
    HttpResponse<String> body = Fixture.post(server, "/sparql", "application/sparql-query", SELECT,
        "Accept", "text/html");
    for (HttpResponse<String> r : java.util.List.of(get, form, body)) {
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
      assertTrue(r.body().contains("mParticle"), r.body());
    }
    // the same body without text/html is the protocol answer, the body handed on to Fuseki intact
    HttpResponse<String> json = Fixture.post(server, "/sparql", "application/sparql-query", SELECT,
        "Accept", "application/sparql-results+json");
    assertEquals(200, json.statusCode(), json.body());
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON);
    assertTrue(rs.hasNext(), json.body());
  }

  @Test
  void theLandingPageSendsEveryRdfFormatToVoidAndListsWhatItOffersIn406() throws Exception {
    for (String type : RdfFormat.offers(false)) {
      HttpResponse<String> r = Fixture.get(server, "/", "Accept", type);
      assertEquals(303, r.statusCode(), type);
      assertEquals("/void", r.headers().firstValue("Location").orElse(null), type);
      assertEquals("Accept", r.headers().firstValue("Vary").orElse(null), type);
      HttpResponse<String> v = Fixture.get(server, "/void", "Accept", type);
      assertEquals(200, v.statusCode(), "what / sends on to /void is served there: " + type);
    }
    assertEquals(200, Fixture.get(server, "/", "Accept", "*/*").statusCode());
    HttpResponse<String> none = Fixture.get(server, "/", "Accept", "image/png");
    assertEquals(406, none.statusCode());
    assertTrue(none.body().contains("text/html") && none.body().contains("application/trig"), none.body());
    assertEquals("Accept", none.headers().firstValue("Vary").orElse(null));
  }

  @Test
  void resultsCutAtTheRowCapSaySoInAHeader() throws Exception {
    TrackerServer small = Fixture.server(Fixture.seed()).maxRows(3).build().start();
    try {
      String all = "SELECT * { ?s ?p ?o }";
      // GET, form and body; the second GET is answered from the result cache and must say it too
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> get = Fixture.get(small, "/sparql?query=" + Fixture.enc(all),
            "Accept", "application/sparql-results+json");
        assertEquals("3", get.headers().firstValue("X-SPARQL-MaxRows").orElse(null), get.headers().toString());
        assertEquals(3, count(get.body()));
      }
      HttpResponse<String> form = Fixture.post(small, "/sparql", "application/x-www-form-urlencoded",
          "query=" + Fixture.enc(all), "Accept", "text/csv");
      assertEquals("3", form.headers().firstValue("X-SPARQL-MaxRows").orElse(null));
      HttpResponse<String> body = Fixture.post(small, "/sparql", "application/sparql-query", all,
          "Accept", "application/sparql-results+xml");
      assertEquals("3", body.headers().firstValue("X-SPARQL-MaxRows").orElse(null));
      HttpResponse<String> page = Fixture.get(small, "/sparql?query=" + Fixture.enc(all), "Accept", "text/html");
      assertEquals("3", page.headers().firstValue("X-SPARQL-MaxRows").orElse(null));
      HttpResponse<String> canned = Fixture.get(small, "/queries/tracker-profile?tracker=mparticle",
          "Accept", "application/sparql-results+json");
      assertEquals(200, canned.statusCode(), canned.body());
      assertEquals("3", canned.headers().firstValue("X-SPARQL-MaxRows").orElse(null));
      // not cut: fewer rows than the cap, or the client's own LIMIT
      for (String q : new String[] {"SELECT * { ?s ?p ?o } LIMIT 2", "SELECT * { ?s ?p ?o } LIMIT 3",
          "SELECT * { ?s a <https://w3id.org/tracker-kg/ontology#Tracker> }", "ASK { ?s ?p ?o }"}) {
        HttpResponse<String> r = Fixture.get(small, "/sparql?query=" + Fixture.enc(q),
            "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("X-SPARQL-MaxRows").isEmpty(), q + ": " + r.headers());
      }
    } finally {
      small.stop();
    }
  }

  private static int count(String json) {
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON);
    int n = 0;
    while (rs.hasNext()) {
      rs.next();
      n++;
    }
    return n;
  }

  @Test
  void theJsonLdContextIsServedAsTheDumpCarriesIt() throws Exception {
    HttpResponse<byte[]> r = Fixture.getBytes(server, "/context.jsonld");
    assertEquals(200, r.statusCode());
    assertEquals("application/ld+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip());
    String served = new String(r.body(), StandardCharsets.UTF_8);
    // the JSON-LD dump of the same data starts with exactly these bytes (its inline context), then its @graph
    java.io.ByteArrayOutputStream dump = new java.io.ByteArrayOutputStream();
    org.trackerkg.publish.RdfOutput.write(Fixture.seed(), org.trackerkg.publish.RdfOutput.Format.JSONLD,
        org.trackerkg.vocab.Iris.DEFAULT_BASE, dump);
    String head = served.substring(0, served.lastIndexOf("\n}"));
    assertTrue(dump.toString(StandardCharsets.UTF_8).startsWith(head + ","), served);
    // and it works as a context: a document using its prefixes reads back to full IRIs (Jena's JSON-LD parser)
    String doc = head + ",\n  \"@id\" : \"tracker:mparticle\",\n  \"tkg:company\" : {\"@id\" : \"orgs:mparticle\"}\n}";
    org.apache.jena.graph.Graph g = org.apache.jena.riot.RDFParser.fromString(doc, org.apache.jena.riot.Lang.JSONLD11)
        .toGraph();
    assertTrue(g.contains(org.apache.jena.graph.NodeFactory.createURI(org.trackerkg.vocab.Iris.DEFAULT_BASE
        + "id/tracker/mparticle"), org.apache.jena.graph.NodeFactory.createURI(
        "https://w3id.org/tracker-kg/ontology#company"), org.apache.jena.graph.NodeFactory.createURI(
        org.trackerkg.vocab.Iris.DEFAULT_BASE + "id/org/mparticle")), g.toString());
    HttpResponse<byte[]> again = Fixture.getBytes(server, "/context.jsonld", "If-None-Match",
        r.headers().firstValue("ETag").orElseThrow());
    assertEquals(304, again.statusCode());
  }
}
