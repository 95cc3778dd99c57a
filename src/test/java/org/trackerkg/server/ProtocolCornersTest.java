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
}
