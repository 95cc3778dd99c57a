package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;

/** /reconcile (W3C Reconciliation API 0.2, as OpenRefine calls it) and /match over real HTTP. */
class ReconcileMatchEndpointTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EVIL = "Evil <script>alert(1)</script> & 'Co\"";
  static TrackerServer server;

  @BeforeAll
  static void start() {
    DatasetGraph dsg = Fixture.seed();
    // an organisation whose name must be escaped in the preview
    var g = NodeFactory.createURI(Iris.DEFAULT_BASE + "graph/test-evil");
    var s = NodeFactory.createURI(Iris.DEFAULT_BASE + "id/org/evil-co");
    dsg.add(g, s, RDF.type.asNode(), TKG.Organization.asNode());
    dsg.add(g, s, RDFS.label.asNode(), NodeFactory.createLiteralString(EVIL));
    server = Fixture.server(dsg).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static String root() {
    String u = server.url();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
    return JSON.readTree(r.body());
  }

  @Test
  void manifest() throws Exception {
    JsonNode m = json(Fixture.get(server, "/reconcile"));
    assertEquals("0.2", m.path("versions").get(0).asText());
    assertFalse(m.path("name").asText().isEmpty());
    assertEquals("https://w3id.org/tracker-kg/id/", m.path("identifierSpace").asText());
    assertEquals(TKG.NS, m.path("schemaSpace").asText());
    assertEquals("Tracker", m.path("defaultTypes").get(0).path("id").asText());
    assertEquals("Organization", m.path("defaultTypes").get(1).path("id").asText());
    assertEquals(root() + "/id/{{id}}", m.path("view").path("url").asText());
    assertEquals(root() + "/reconcile/preview?id={{id}}", m.path("preview").path("url").asText());
    assertTrue(m.path("preview").path("width").asInt() > 0 && m.path("preview").path("height").asInt() > 0);
    // the view template resolves to a page of this server
    String view = m.path("view").path("url").asText().replace("{{id}}", "tracker/mparticle");
    HttpResponse<String> page = Fixture.get(server, view.substring(root().length()), "Accept", "text/html");
    assertTrue(page.statusCode() == 200 || page.statusCode() == 303, page.statusCode() + "");
  }

  static final String BATCH = "{\"q0\":{\"query\":\"mparticle\",\"type\":\"Tracker\",\"limit\":3},"
      + "\"q1\":{\"query\":\"mparticle.com\"},\"q2\":{\"query\":\"Walmart\",\"type\":\"Organization\"}}";

  static void checkBatch(JsonNode res) {
    for (String q : new String[] {"q0", "q1"}) {
      JsonNode first = res.path(q).path("result").get(0);
      assertEquals("tracker/mparticle", first.path("id").asText(), res.toString());
      assertEquals("mParticle", first.path("name").asText());
      assertTrue(first.path("score").isNumber());
      assertTrue(first.path("match").asBoolean(), res.toString());
      assertEquals("Tracker", first.path("type").get(0).path("id").asText());
      assertEquals("Tracker", first.path("type").get(0).path("name").asText());
    }
    assertTrue(res.path("q0").path("result").size() <= 3);
    JsonNode w = res.path("q2").path("result").get(0);
    assertEquals("org/walmart", w.path("id").asText(), res.toString());
    assertEquals("Organization", w.path("type").get(0).path("id").asText());
  }

  @Test
  void batchByGet() throws Exception {
    checkBatch(json(Fixture.get(server, "/reconcile?queries=" + Fixture.enc(BATCH))));
  }

  @Test
  void batchByPostForm() throws Exception {
    checkBatch(json(Fixture.post(server, "/reconcile", "application/x-www-form-urlencoded",
        "queries=" + Fixture.enc(BATCH))));
  }

  @Test
  void batchByPostJson() throws Exception {
    checkBatch(json(Fixture.post(server, "/reconcile", "application/json", BATCH)));
  }

  @Test
  void badJsonIs400() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/reconcile?queries=" + Fixture.enc("{\"q0\":"));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("not JSON"), r.body());
    r = Fixture.post(server, "/reconcile", "application/x-www-form-urlencoded", "queries=" + Fixture.enc("[1]"));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("object"), r.body());
    r = Fixture.post(server, "/reconcile", "application/json", "{\"q0\":{\"limit\":3}}");
    assertEquals(400, r.statusCode());
    r = Fixture.post(server, "/reconcile", "application/x-www-form-urlencoded", "other=1");
    assertEquals(400, r.statusCode());
  }

  @Test
  void previewEscapes() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/reconcile/preview?id=tracker/mparticle");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("mParticle"));
    assertFalse(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"));
    r = Fixture.get(server, "/reconcile/preview?id=org/evil-co");
    assertEquals(200, r.statusCode(), r.body());
    assertFalse(r.body().contains("<script"), r.body());
    assertTrue(r.body().contains("Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;Co&quot;"), r.body());
    // an unknown id is not reflected as HTML
    r = Fixture.get(server, "/reconcile/preview?id=" + Fixture.enc("<script>x</script>"));
    assertEquals(404, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertEquals(400, Fixture.get(server, "/reconcile/preview").statusCode());
  }

  @Test
  void cors() throws Exception {
    String origin = "http://127.0.0.1:3333";
    HttpResponse<String> r = Fixture.get(server, "/reconcile", "Origin", origin);
    assertEquals(200, r.statusCode());
    String allow = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
    assertTrue(allow.equals("*") || allow.equals(origin), r.headers().toString());
    r = Fixture.post(server, "/reconcile", "application/x-www-form-urlencoded", "queries=" + Fixture.enc(BATCH),
        "Origin", origin);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().toString());
    r = Fixture.get(server, "/match?q=api.mparticle.com", "Origin", origin);
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().toString());
    // preflight (a JSON POST from a browser)
    HttpRequest pre = HttpRequest.newBuilder(URI.create(root() + "/reconcile"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
        .timeout(Duration.ofSeconds(30)).build();
    r = Fixture.send(pre);
    assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.headers());
    String a = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
    assertTrue(a.equals("*") || a.equals(origin), r.headers().toString());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"),
        r.headers().toString());
  }

  @Test
  void matchByGet() throws Exception {
    JsonNode res = json(Fixture.get(server, "/match?q=api.mparticle.com&q=com.mparticle.MParticle&q="
        + Fixture.enc("no.such.thing.example")));
    JsonNode results = res.path("results");
    assertEquals(3, results.size());
    for (int i = 0; i < 2; i++) {
      JsonNode t = results.get(i).path("trackers").get(0);
      assertEquals("mparticle", t.path("id").asText(), res.toString());
      assertEquals("mParticle", t.path("name").asText());
      assertEquals("https://w3id.org/tracker-kg/id/tracker/mparticle", t.path("iri").asText());
    }
    assertEquals("api.mparticle.com", results.get(0).path("query").asText());
    assertEquals(0, results.get(2).path("trackers").size());
    assertEquals(400, Fixture.get(server, "/match").statusCode());
    assertEquals(400, Fixture.get(server, "/match?q=").statusCode());
  }

  @Test
  void matchAsHtml() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/match?q=" + Fixture.enc("<b>api.mparticle.com"),
        "Accept", QueriesEndpointTest.BROWSER);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertFalse(r.body().contains("<b>api"), r.body());
    r = Fixture.get(server, "/match?q=api.mparticle.com", "Accept", QueriesEndpointTest.BROWSER);
    assertTrue(r.body().contains("><bdi>mParticle</bdi></a>"), r.body());
  }

  @Test
  void matchBulk() throws Exception {
    String body = "api.mparticle.com\ncom.mparticle.MParticle\nno.such.thing.example\n";
    HttpResponse<String> r = Fixture.post(server, "/match", "text/plain", body, "Accept",
        "text/tab-separated-values");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));
    String[] lines = r.body().split("\n");
    assertEquals(3, lines.length, r.body());
    assertEquals("api.mparticle.com\tmparticle\tmParticle", lines[0]);
    assertEquals("com.mparticle.MParticle\tmparticle\tmParticle", lines[1]);
    assertEquals("no.such.thing.example\t-\t-", lines[2]);
    JsonNode res = json(Fixture.post(server, "/match", "text/plain", body));
    assertEquals(3, res.path("results").size());
    // too many lines
    String many = "a.example\n".repeat(MatchServlet.MAX_LINES + 1);
    r = Fixture.post(server, "/match", "text/plain", many);
    assertEquals(413, r.statusCode());
  }

  /** `tkg match` and /match over the same data: the same TSV bytes and the same JSON (one formatter). */
  @Test
  void cliAndHttpMatchAgree() throws Exception {
    DatasetGraph dsg = Fixture.seed();
    TrackerServer seedOnly = Fixture.server(dsg).build().start();
    try {
      String[] names = {"api.mparticle.com", "com.mparticle.MParticle", "no.such.thing.example"};
      String body = String.join("\n", names) + "\n";
      for (String format : new String[] {"tsv", "json"}) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("match", "--format", format));
        args.addAll(java.util.List.of(names));
        args.add("src/test/seed");
        assertEquals(0, org.trackerkg.cli.Main.commandLine(new java.io.PrintWriter(out),
            new java.io.PrintWriter(new java.io.StringWriter())).execute(args.toArray(String[]::new)));
        HttpResponse<String> r = Fixture.post(seedOnly, "/match", "text/plain", body, "Accept",
            format.equals("tsv") ? "text/tab-separated-values" : "application/json");
        assertEquals(200, r.statusCode());
        if (format.equals("tsv")) {
          assertEquals(out.toString(), r.body());
        } else {
          assertEquals(JSON.readTree(out.toString()), JSON.readTree(r.body()));
        }
      }
    } finally {
      seedOnly.stop();
    }
  }
}
