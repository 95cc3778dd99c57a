package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/**
 * Issue 21: hostile data, not hostile clients. A dossier with a backtracking network signature, read by the real
 * pipeline and served by a real server: every route that runs its regex stops within the query limit.
 */
class HostileDataTest {
  static final Duration LIMIT = Duration.ofSeconds(2);
  /** A tracker name a spreadsheet would run (OWASP's CSV injection example). */
  static final String FORMULA = "=cmd|' /C calc'!A0";
  static final String LONG_ORG = "Evil " + "x".repeat(50_000);
  /** Text with a right-to-left override: unisolated, it reverses what follows it on the page. */
  static final String RTL = "\u202Egnp.exe";
  @TempDir static Path dir;
  static TrackerServer server;

  @BeforeAll
  static void start() throws Exception {
    String seed = Files.readString(Path.of("data/dossiers/mparticle.md"));
    Files.writeString(dir.resolve("hostile.md"), seed.replace("# Tracker Name\nmParticle", "# Tracker Name\nHostile")
        .replace("`mparticle\\.com`", "`(.*a){25}$`").replace("`com.mparticle`", "`com.hostile`"));
    Files.writeString(dir.resolve("mparticle.md"), seed);
    Files.writeString(dir.resolve("evil.md"), seed.replace("# Tracker Name\nmParticle", "# Tracker Name\n" + FORMULA)
        .replace("## Ownership\nmParticle", "## Ownership\n" + LONG_ORG)
        .replace("## About\n", "## About\nBell \u0007, escape \u001b and start \u0001; " + RTL + ". ")
        .replace("`mparticle\\.com`", "`evil\\.example`").replace("`com.mparticle`", "`com.evil`"));
    Pipeline.Loaded l = Pipeline.load(List.of(dir), Iris.DEFAULT_BASE);
    server = Fixture.server(l.dataset()).timeout(LIMIT).resultCache(0).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void aBacktrackingSignatureStopsWithinTheLimit() throws Exception {
    String host = "a".repeat(120) + "b";
    long t0 = System.nanoTime();
    HttpResponse<String> r = Fixture.get(server, "/queries/match-host?host=" + host, "Accept",
        "application/sparql-results+json");
    long ms = millis(t0);
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(ms <= LIMIT.toMillis() + 5_000, "match-host ran " + ms + " ms");
    t0 = System.nanoTime();
    r = Fixture.get(server, "/match?q=" + host + "&q=api.mparticle.com", "Accept", "application/json");
    ms = millis(t0);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(ms <= LIMIT.toMillis() + 5_000, "/match ran " + ms + " ms");
    assertTrue(r.body().contains("\"mparticle\""), r.body());
    assertTrue(!r.body().contains("\"hostile\""), r.body());
    // the hostile tracker is there
    r = Fixture.get(server, "/match?q=com.hostile.Sdk", "Accept", "application/json");
    assertTrue(r.body().contains("\"hostile\""), r.body());
    // the server is still free for everyone else
    assertEquals(200, Fixture.get(server, "/queries/match-host?host=api.mparticle.com", "Accept",
        "application/sparql-results+json").statusCode());
  }

  @Test
  void aFiftyThousandCharacterOrganisationNameGivesNormalPages() throws Exception {
    String slug = Iris.slug(LONG_ORG);
    assertTrue(slug.length() <= Iris.MAX_SLUG_CHARS && slug.startsWith("evil-xxxx"), slug);
    HttpResponse<String> id = Fixture.get(server, "/id/org/" + slug);
    assertEquals(303, id.statusCode(), id.body());
    assertEquals("/doc/org/" + slug, java.net.URI.create(id.headers().firstValue("Location").orElseThrow()).getPath());
    for (String suffix : List.of("", ".ttl", ".rdf", ".jsonld", ".nt")) {
      HttpResponse<String> doc = Fixture.get(server, "/doc/org/" + slug + suffix);
      assertEquals(200, doc.statusCode(), suffix + ": " + doc.body().substring(0, Math.min(500, doc.body().length())));
      assertTrue(doc.body().contains("x".repeat(50_000)), "the whole name is still there: " + suffix);
    }
    assertEquals(200, Fixture.get(server, "/doc/tracker/" + Iris.slug(FORMULA)).statusCode());
  }

  /** Parses XML strictly (XML 1.0, no DTDs): throws on anything not well-formed. */
  static org.w3c.dom.Document xml(String body) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void controlCharactersBecomeReplacementCharactersAndXmlIsWellFormed() throws Exception {
    String slug = Iris.slug(FORMULA);
    HttpResponse<String> rdf = Fixture.get(server, "/doc/tracker/" + slug + ".rdf");
    assertEquals(200, rdf.statusCode(), rdf.body());
    xml(rdf.body());
    assertTrue(rdf.body().contains("Bell \uFFFD, escape \uFFFD and start \uFFFD"), rdf.body());
    org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
    org.apache.jena.riot.RDFParser.fromString(rdf.body(), org.apache.jena.riot.Lang.RDFXML).parse(m);
    assertTrue(m.size() > 10);
    // the source document's graph, as RDF/XML
    HttpResponse<String> graphs = QueryBoundsTest.query(server, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o "
        + "FILTER(CONTAINS(STR(?o), \"Bell\")) } }");
    String g = new com.fasterxml.jackson.databind.ObjectMapper().readTree(graphs.body()).path("results")
        .path("bindings").path(0).path("g").path("value").asText();
    String path = java.net.URI.create(g).getPath().replaceFirst("^/tracker-kg", "");
    assertTrue(path.startsWith("/graph/"), g);
    HttpResponse<String> graph = Fixture.get(server, path + ".rdf");
    assertEquals(200, graph.statusCode(), path);
    xml(graph.body());
    // SPARQL XML results carry U+FFFD, not &#1;
    HttpResponse<String> sx = Fixture.post(server, "/sparql", "application/sparql-query",
        "SELECT ?o { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"Bell\")) }", "Accept", "application/sparql-results+xml");
    assertEquals(200, sx.statusCode());
    xml(sx.body());
    assertTrue(sx.body().contains("\uFFFD") && !sx.body().contains("&#1;"), sx.body());
  }

  @Test
  void csvDownloadsNeutraliseFormulasButSparqlCsvStaysStandard() throws Exception {
    HttpResponse<String> csv = Fixture.get(server, "/queries/trackers?format=csv");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().contains("\"'" + FORMULA + "\""), csv.body());
    assertTrue(!csv.body().contains("\n" + FORMULA) && !csv.body().contains("," + FORMULA), csv.body());
    csv = Fixture.get(server, "/queries/trackers", "Accept", "text/csv");
    assertTrue(csv.body().contains("\"'" + FORMULA + "\""), csv.body());
    // SPARQL's own CSV results: the value exactly as it is
    HttpResponse<String> sparql = Fixture.post(server, "/sparql", "application/sparql-query",
        "SELECT ?l { ?t a <https://w3id.org/tracker-kg/ontology#Tracker> ; <http://www.w3.org/2000/01/rdf-schema#label>"
            + " ?l FILTER(STRSTARTS(?l, \"=\")) }", "Accept", "text/csv");
    assertEquals("l\r\n" + FORMULA + "\r\n", sparql.body());
  }

  @Test
  void rightToLeftOverridesStayInsideTheirValue() throws Exception {
    String slug = Iris.slug(FORMULA);
    HttpResponse<String> page = Fixture.get(server, "/doc/tracker/" + slug, "Accept", "text/html");
    assertEquals(200, page.statusCode());
    String body = page.body();
    int at = body.indexOf(RTL, body.indexOf("<body")); // (the head's JSON-LD is data, not shown)
    assertTrue(at > 0, "the text is on the page");
    // every occurrence sits inside a <bdi> that closes before the next markup
    for (int i = at; i >= 0; i = body.indexOf(RTL, i + 1)) {
      int open = body.lastIndexOf("<bdi>", i);
      int close = body.indexOf("</bdi>", i);
      assertTrue(open >= 0 && close > i && body.lastIndexOf('<', i) == open, body.substring(Math.max(0, i - 200), i));
    }
    // the tracker's name too, on its page and in the list of trackers
    assertTrue(body.contains("<h1><bdi>=cmd|"), body.substring(body.indexOf("<body")));
    // the query form's textarea and the title stay plain text
    HttpResponse<String> form = Fixture.get(server, "/sparql?query=" + Fixture.enc("ASK {}") + "&format=html");
    assertTrue(!form.body().contains("<textarea id=\"query\" name=\"query\" rows=\"12\" cols=\"100\" spellcheck=\"false\"><bdi>"),
        form.body());
    assertTrue(!body.contains("<title><bdi>"), body.substring(0, 500));
  }
}
