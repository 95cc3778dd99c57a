package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.query.QueryCatalogue;
import org.trackerkg.query.QueryParam;

/** /queries and /queries/{name} over real HTTP: the list, every results format, errors, injection, /sparql parity. */
class QueriesEndpointTest {
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  static final String JSON = "application/sparql-results+json";
  /** Values for the parameters that have no default. */
  static final Map<String, String> EXAMPLES = Map.of("tracker", "mparticle", "host", "api.mparticle.com",
      "class", "com.mparticle.MParticle", "organisation", "https://w3id.org/tracker-kg/id/org/mparticle");

  static TrackerServer server;
  static QueryCatalogue catalogue;

  @BeforeAll
  static void start() {
    server = Fixture.server(Fixture.seed()).build().start();
    catalogue = QueryCatalogue.load();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Set<Map<String, String>> rows(String body, Lang lang) {
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
    Set<Map<String, String>> out = new HashSet<>();
    while (rs.hasNext()) {
      QuerySolution s = rs.next();
      Map<String, String> row = new TreeMap<>();
      for (Iterator<String> it = s.varNames(); it.hasNext(); ) {
        String v = it.next();
        RDFNode n = s.get(v);
        row.put(v, n.isAnon() ? "_:blank" : n.asNode().toString());
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void listAsJson() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/queries", "Accept", "application/json");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept"));
    JsonNode list = new ObjectMapper().readTree(r.body());
    assertEquals(catalogue.list().size(), list.size());
    JsonNode profile = null;
    for (JsonNode q : list) {
      assertTrue(q.has("name") && q.has("title") && q.has("description") && q.has("params") && q.has("url"), q
          .toString());
      if (q.get("name").asText().equals("tracker-profile")) {
        profile = q;
      }
    }
    assertNotNull(profile);
    assertEquals(server.url() + "queries/tracker-profile", profile.get("url").asText());
    JsonNode p = profile.get("params").get(0);
    assertEquals("tracker", p.get("name").asText());
    assertEquals("tracker", p.get("type").asText());
    assertTrue(p.get("default").isNull(), "required: no default");
    assertEquals(r.body(), Fixture.get(server, "/queries?format=json").body());
  }

  @Test
  void listAsHtmlWithAFormPerQuery() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/queries", "Accept", BROWSER);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String b = r.body();
    for (QueryCatalogue.Entry e : catalogue.list()) {
      assertTrue(b.contains("action=\"/queries/" + e.name() + "\""), "a form for " + e.name());
      for (QueryParam p : e.params()) {
        assertTrue(b.contains("name=\"" + p.name() + "\""), e.name() + " " + p.name());
      }
    }
    assertTrue(b.contains("<form class=\"query-form\" method=\"get\""), "GET forms, no JavaScript needed");
    assertTrue(b.contains(">tracker<"), "parameter types are shown");
    assertEquals(200, Fixture.get(server, "/queries/", "Accept", BROWSER).statusCode());
  }

  @ParameterizedTest
  @CsvSource({"json, application/sparql-results+json, RS_JSON", "xml, application/sparql-results+xml, RS_XML",
      "csv, text/csv, RS_CSV", "tsv, text/tab-separated-values, RS_TSV"})
  void trackerProfileInEveryFormat(String format, String mediaType, String langName) throws Exception {
    Lang lang = SparqlEndpointTest.lang(format);
    HttpResponse<String> byAccept = Fixture.get(server, "/queries/tracker-profile?tracker=mparticle",
        "Accept", mediaType);
    assertEquals(200, byAccept.statusCode(), byAccept.body());
    assertTrue(byAccept.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
    assertTrue(byAccept.headers().firstValue("Vary").orElse("").contains("Accept"));
    Set<Map<String, String>> rows = rows(byAccept.body(), lang);
    assertTrue(rows.size() > 5, "statements about mParticle: " + rows.size());
    assertTrue(byAccept.body().contains("mParticle"), byAccept.body());
    HttpResponse<String> byParam = Fixture.get(server, "/queries/tracker-profile?tracker=mparticle&format="
        + format);
    assertEquals(200, byParam.statusCode());
    assertEquals(rows, rows(byParam.body(), lang));
  }

  @Test
  void trackerProfileAsHtml() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/queries/tracker-profile?tracker=mparticle", "Accept", BROWSER);
    assertEquals(200, r.statusCode(), r.body());
    String b = r.body();
    assertTrue(b.contains("id=\"results-table\""), b);
    assertTrue(b.contains("mParticle"));
    assertTrue(b.contains("href=\"/doc/"), "the data's IRIs link to local pages");
    assertTrue(b.contains("value=\"mparticle\""), "the form keeps the value");
    assertTrue(b.contains("format=csv"), "links to the other formats");
    assertEquals(200, Fixture.get(server, "/queries/tracker-profile?tracker=mparticle&format=html").statusCode());
  }

  @Test
  void everyQueryGivesTheSameRowsAsSparql() throws Exception {
    String base = server.base();
    for (QueryCatalogue.Entry e : catalogue.list()) {
      Map<String, String> values = new HashMap<>();
      StringBuilder qs = new StringBuilder();
      for (QueryParam p : e.params()) {
        if (p.required()) {
          values.put(p.name(), EXAMPLES.get(p.name()));
          qs.append(qs.length() == 0 ? "?" : "&").append(p.name()).append('=')
              .append(Fixture.enc(EXAMPLES.get(p.name())));
        }
      }
      String text = CannedQuery.bind(e, values, base).substituted().serialize();
      HttpResponse<String> viaSparql = Fixture.post(server, "/sparql", "application/sparql-query", text,
          "Accept", JSON);
      HttpResponse<String> viaQueries = Fixture.get(server, "/queries/" + e.name() + qs, "Accept", JSON);
      assertEquals(200, viaSparql.statusCode(), e.name() + ": " + viaSparql.body());
      assertEquals(200, viaQueries.statusCode(), e.name() + ": " + viaQueries.body());
      Set<Map<String, String>> a = rows(viaSparql.body(), SparqlEndpointTest.lang("json"));
      Set<Map<String, String>> b = rows(viaQueries.body(), SparqlEndpointTest.lang("json"));
      assertEquals(a, b, e.name());
    }
  }

  @Test
  void unknownQueryIs404() throws Exception {
    assertEquals(404, Fixture.get(server, "/queries/no-such-query", "Accept", JSON).statusCode());
    assertEquals(404, Fixture.get(server, "/queries/no-such-query", "Accept", BROWSER).statusCode());
    assertEquals(404, Fixture.get(server, "/queries/tracker-profile/x").statusCode());
  }

  @Test
  void badOrMissingParameterIs400WithTheReason() throws Exception {
    String evil = "x\" } ; DROP ALL ; #";
    HttpResponse<String> r = Fixture.get(server, "/queries/tracker-profile?tracker=" + Fixture.enc(evil),
        "Accept", JSON);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(r.body().contains("parameter 'tracker'"), r.body());
    HttpResponse<String> html = Fixture.get(server, "/queries/tracker-profile?tracker=" + Fixture.enc(evil),
        "Accept", BROWSER);
    assertEquals(400, html.statusCode());
    assertTrue(html.body().contains("id=\"error\""), html.body());
    assertTrue(html.body().contains("parameter &#39;tracker&#39;") || html.body().contains("parameter 'tracker'"),
        html.body());
    assertTrue(html.body().contains("DROP ALL"), "the message names the value");
    HttpResponse<String> missing = Fixture.get(server, "/queries/tracker-profile", "Accept", JSON);
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("needs parameter 'tracker'"), missing.body());
    HttpResponse<String> unknown = Fixture.get(server, "/queries/trackers?nope=1", "Accept", JSON);
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("no parameter 'nope'"), unknown.body());
    assertEquals(400, Fixture.get(server, "/queries/trackers?format=pdf").statusCode());
  }

  @Test
  void injectionInAStringParameterMatchesNothing() throws Exception {
    HttpResponse<String> good = Fixture.get(server, "/queries/match-host?host=api.mparticle.com", "Accept", JSON);
    assertEquals(200, good.statusCode(), good.body());
    assertFalse(rows(good.body(), SparqlEndpointTest.lang("json")).isEmpty(), "a real host matches");
    HttpResponse<String> r = Fixture.get(server, "/queries/match-host?host=" + Fixture.enc("\") || true || (\""),
        "Accept", JSON);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(rows(r.body(), SparqlEndpointTest.lang("json")).isEmpty(), r.body());
  }

  @Test
  void valuesAreEscapedInThePage() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/queries/match-host?host="
        + Fixture.enc("<script>alert(1)</script>"), "Accept", BROWSER);
    assertEquals(200, r.statusCode());
    assertFalse(r.body().contains("<script>alert"), r.body());
    assertTrue(r.body().contains("&lt;script"), r.body());
  }

  @Test
  void corsAsForSparql() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/queries/tracker-profile?tracker=mparticle", "Accept", JSON,
        "Origin", "https://example.org");
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().toString());
    HttpResponse<String> l = Fixture.get(server, "/queries", "Accept", "application/json",
        "Origin", "https://example.org");
    assertTrue(l.headers().firstValue("Access-Control-Allow-Origin").isPresent(), l.headers().toString());
  }

  @Test
  void sparqlPageOffersTheCannedQueries() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/sparql", "Accept", BROWSER);
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("href=\"/queries/tracker-profile\""), "link to the query's parameters");
    assertTrue(r.body().contains("class=\"canned\""));
  }
}
