package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/** Dereferencing: 303, negotiation, suffixes, 404, 406, ETags, the pages for people. */
class LinkedDataTest {
  static final String BASE = Iris.DEFAULT_BASE;
  static final String MPARTICLE = BASE + "id/tracker/mparticle";
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = Fixture.server(Fixture.seed()).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Graph parse(String body, Lang lang) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(body, lang).parse(g);
    return g;
  }

  @Test
  void idAnswers303ToDoc() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/id/tracker/mparticle", "Accept", "text/turtle");
    assertEquals(303, r.statusCode());
    assertEquals("/doc/tracker/mparticle", r.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> o = Fixture.get(server, "/id/org/safegraph");
    assertEquals(303, o.statusCode());
    assertEquals("/doc/org/safegraph", o.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void turtleParsesWithJenaAndRio() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/doc/tracker/mparticle", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
    Graph g = parse(r.body(), Lang.TURTLE);
    Node t = ViewBuilder.uri(MPARTICLE);
    assertTrue(g.contains(t, Vocab.schemaName, org.apache.jena.graph.NodeFactory.createLiteralString("mParticle")));
    assertTrue(g.contains(t, TKG.signature.asNode(), Node.ANY), "signatures");
    // owned nodes come along: each signature's pattern is in the document
    assertTrue(g.contains(Node.ANY, TKG.pattern.asNode(), Node.ANY), "owned nodes");
    Model m = Rio.parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.TURTLE);
    assertEquals(g.size(), m.size());
    var vf = SimpleValueFactory.getInstance();
    assertTrue(m.contains(vf.createIRI(MPARTICLE), vf.createIRI(Vocab.SCHEMA + "name"), vf.createLiteral("mParticle")));
  }

  @Test
  void organisationDocument() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/doc/org/safegraph", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Graph g = parse(r.body(), Lang.TURTLE);
    assertTrue(g.contains(Node.ANY, Node.ANY, ViewBuilder.uri(BASE + "id/org/safegraph")), "incoming links");
    Model m = Rio.parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.TURTLE);
    assertEquals(g.size(), m.size());
    HttpResponse<String> html = Fixture.get(server, "/doc/org/safegraph", "Accept", BROWSER);
    assertTrue(html.body().contains("href=\"/doc/tracker/mparticle\""), "named by mParticle");
  }

  @ParameterizedTest
  @CsvSource({"application/n-triples, N-Triples, nt", "application/ld+json, JSON-LD, jsonld",
      "application/rdf+xml, RDF/XML, rdf", "text/turtle, Turtle, ttl"})
  void everyFormatByAcceptAndSuffix(String mediaType, String langName, String ext) throws Exception {
    Lang lang = org.apache.jena.riot.RDFLanguages.nameToLang(langName);
    HttpResponse<String> r = Fixture.get(server, "/doc/tracker/mparticle", "Accept", mediaType);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
    Graph byAccept = parse(r.body(), lang);
    HttpResponse<String> s = Fixture.get(server, "/doc/tracker/mparticle." + ext);
    assertEquals(200, s.statusCode());
    assertTrue(s.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
    assertTrue(byAccept.isIsomorphicWith(parse(s.body(), lang)));
    assertTrue(byAccept.size() > 20);
  }

  @Test
  void qValuesAreHonoured() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/doc/tracker/mparticle", "Accept",
        "text/turtle;q=0.5, application/ld+json;q=0.9, text/html;q=0.1");
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    HttpResponse<String> h = Fixture.get(server, "/doc/tracker/mparticle", "Accept",
        "application/rdf+xml;q=0.2, text/*;q=0.3, text/turtle;q=0");
    assertTrue(h.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "text/* but not turtle");
    HttpResponse<String> any = Fixture.get(server, "/doc/tracker/mparticle", "Accept", "*/*");
    assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
  }

  @Test
  void nothingAcceptableIs406AndUnknownIs404() throws Exception {
    assertEquals(406, Fixture.get(server, "/doc/tracker/mparticle", "Accept", "image/png").statusCode());
    assertEquals(406, Fixture.get(server, "/doc/tracker/mparticle", "Accept", "text/turtle;q=0").statusCode());
    assertEquals(404, Fixture.get(server, "/id/tracker/no-such-tracker").statusCode());
    assertEquals(404, Fixture.get(server, "/doc/tracker/no-such-tracker", "Accept", "text/turtle").statusCode());
    assertEquals(404, Fixture.get(server, "/doc/tracker/no-such-tracker.ttl").statusCode());
    assertEquals(404, Fixture.get(server, "/nowhere").statusCode());
  }

  @Test
  void etagAndNotModified() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/doc/tracker/mparticle", "Accept", "text/turtle");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = Fixture.get(server, "/doc/tracker/mparticle", "Accept", "text/turtle",
        "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    HttpResponse<String> html = Fixture.get(server, "/doc/tracker/mparticle", "Accept", BROWSER,
        "If-None-Match", etag);
    assertEquals(200, html.statusCode(), "another representation, another ETag");
  }

  @Test
  void trackerPage() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/doc/tracker/mparticle", "Accept", BROWSER);
    assertEquals(200, r.statusCode());
    String html = r.body();
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(html.contains("<h1><bdi>mParticle</bdi></h1>"), html);
    assertTrue(html.contains("mparticle\\.com"), "network signature");
    assertTrue(html.contains("com.mparticle"), "code signature");
    assertTrue(html.contains("href=\"/doc/org/airbnb\""), "customer Airbnb links to its page");
    assertTrue(html.contains("application/ld+json"));
    assertEquals(Http.CSP, r.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
    assertNoForeignResources(html);
    assertJsonLdParses(html);
    HttpResponse<String> airbnb = Fixture.get(server, "/doc/org/airbnb", "Accept", BROWSER);
    assertEquals(200, airbnb.statusCode());
    assertTrue(airbnb.body().contains("Customer of"), airbnb.body());
  }

  static void assertNoForeignResources(String html) {
    Matcher m = Pattern.compile("<(script|link|img|iframe)[^>]*(src|href)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      assertTrue(m.group(3).startsWith("/"), "loads only from this server: " + m.group());
    }
    assertFalse(html.contains("javascript:"), "no javascript: links");
  }

  static void assertJsonLdParses(String html) {
    Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find(), "a JSON-LD block");
    Graph g = GraphFactory.createDefaultGraph();
    // the schema.org context is not fetched: read the JSON as plain JSON
    try {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.group(1));
    } catch (Exception e) {
      throw new AssertionError("JSON-LD is not JSON: " + m.group(1), e);
    }
    assertTrue(g.isEmpty());
  }

  @Test
  void genericPageAndGraphDocuments() throws Exception {
    HttpResponse<String> sig = Fixture.get(server, "/doc/tracker/mparticle", "Accept", "application/n-triples");
    Matcher m = Pattern.compile("<(" + Pattern.quote(MPARTICLE) + "/signature/[^>]+)>").matcher(sig.body());
    assertTrue(m.find());
    String path = m.group(1).substring(BASE.length() + 2);
    HttpResponse<String> page = Fixture.get(server, "/doc" + path, "Accept", BROWSER);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("tkg:pattern"), page.body());
    HttpResponse<String> graph = Fixture.get(server, "/graph/profiles/mparticle", "Accept", "text/turtle");
    assertEquals(200, graph.statusCode(), "the source document describes itself");
  }

  @Test
  void landingOntologyQueriesAndStatic() throws Exception {
    HttpResponse<String> home = Fixture.get(server, "/", "Accept", BROWSER);
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("href=\"/doc/tracker/mparticle\""));
    for (String link : new String[] {"/sparql", "/dumps/", "/void", "/ontology", "/queries"}) {
      assertTrue(home.body().contains("href=\"" + link + "\""), link);
    }
    assertNoForeignResources(home.body());
    HttpResponse<String> none = Fixture.get(server, "/?q=zzzz-none", "Accept", BROWSER);
    assertFalse(none.body().contains("href=\"/doc/tracker/mparticle\""), "server-side filter");
    HttpResponse<String> some = Fixture.get(server, "/?q=PART", "Accept", BROWSER);
    assertTrue(some.body().contains("href=\"/doc/tracker/mparticle\""));

    HttpResponse<String> onto = Fixture.get(server, "/ontology", "Accept", BROWSER);
    assertEquals(200, onto.statusCode());
    assertTrue(onto.body().contains("id=\"Tracker\""), "classes with anchors");
    assertTrue(onto.body().contains("id=\"company\""), "properties with anchors");
    HttpResponse<String> ttl = Fixture.get(server, "/ontology", "Accept", "text/turtle");
    assertTrue(parse(ttl.body(), Lang.TURTLE).contains(TKG.Tracker.asNode(), Node.ANY, Node.ANY));

    assertEquals(200, Fixture.get(server, "/queries").statusCode());
    HttpResponse<String> js = Fixture.get(server, "/static/app.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertEquals(200, Fixture.get(server, "/static/style.css").statusCode());
    assertEquals(404, Fixture.get(server, "/static/../pom.xml").statusCode());
  }

  @Test
  void otherBaseKeepsDataIrisAndLinksLocally() throws Exception {
    String base = "https://example.org/kg/";
    TrackerServer other = Fixture.server(Fixture.seed(base)).base(base).build().start();
    try {
      HttpResponse<String> r = Fixture.get(other, "/doc/tracker/mparticle", "Accept", "text/turtle");
      assertEquals(200, r.statusCode());
      assertTrue(parse(r.body(), Lang.TURTLE).contains(ViewBuilder.uri(base + "id/tracker/mparticle"), Node.ANY,
          Node.ANY));
      HttpResponse<String> html = Fixture.get(other, "/doc/tracker/mparticle", "Accept", BROWSER);
      assertTrue(html.body().contains("href=\"/doc/org/airbnb\""));
    } finally {
      other.stop();
    }
  }
}
