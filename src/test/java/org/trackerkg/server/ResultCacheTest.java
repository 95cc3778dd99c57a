package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPARQL protocol responses kept while the data stays the same: same bytes, ETags, bounds, and writes. */
class ResultCacheTest {
  static final String JSON = "application/sparql-results+json";
  static final String TRACKERS = "PREFIX tkg: <https://trackers.example.org/ontology#> "
      + "SELECT ?t WHERE { ?t a ?c } ORDER BY ?t LIMIT 50";
  static TrackerServer server;

  @BeforeAll
  static void start() throws Exception {
    server = Fixture.server(Fixture.seed()).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static HttpResponse<byte[]> get(String query, String accept, String... more) throws Exception {
    String[] headers = new String[2 + more.length];
    headers[0] = "Accept";
    headers[1] = accept;
    System.arraycopy(more, 0, headers, 2, more.length);
    return Fixture.getBytes(server, "/sparql?query=" + Fixture.enc(query), headers);
  }

  @Test
  void aRepeatedQueryGetsTheSameBytesWithAnETagAnd304() throws Exception {
    HttpResponse<byte[]> first = get(TRACKERS, JSON);
    HttpResponse<byte[]> second = get(TRACKERS, JSON);
    assertEquals(200, first.statusCode());
    assertEquals(200, second.statusCode());
    assertArrayEquals(first.body(), second.body());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
    assertTrue(second.headers().firstValue("Content-Type").orElse("").startsWith(JSON));
    ResultSet rs = ResultSetFactory.fromJSON(new ByteArrayInputStream(second.body()));
    assertTrue(ResultSetFormatter.consume(rs) > 0, "rows");
    HttpResponse<byte[]> revalidated = get(TRACKERS, JSON, "If-None-Match", etag);
    assertEquals(304, revalidated.statusCode());
    assertEquals(0, revalidated.body().length);
    // the same query as a POSTed form gets the same answer
    HttpResponse<String> posted = Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
        "query=" + Fixture.enc(TRACKERS), "Accept", JSON);
    assertEquals(200, posted.statusCode());
    assertEquals(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8), posted.body());
  }

  @Test
  void aCannedQueryIsKeptPerParameterAndFormat() throws Exception {
    String mp = "/queries/tracker-profile?tracker=mparticle";
    String before = server.site().results().stats();
    HttpResponse<byte[]> first = Fixture.getBytes(server, mp, "Accept", JSON);
    HttpResponse<byte[]> second = Fixture.getBytes(server, mp, "Accept", JSON);
    assertEquals(200, first.statusCode());
    assertArrayEquals(first.body(), second.body());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
    assertNotEquals(before, server.site().results().stats(), "kept in the result cache");
    assertTrue(ResultSetFormatter.consume(ResultSetFactory.fromJSON(new ByteArrayInputStream(second.body()))) > 0);
    assertEquals(304, Fixture.getBytes(server, mp, "Accept", JSON, "If-None-Match", etag).statusCode());
    // another format: another answer
    HttpResponse<byte[]> csv = Fixture.getBytes(server, mp + "&format=csv", "Accept", JSON);
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    // a bad parameter is not kept: still 400 the second time
    assertEquals(400, Fixture.getBytes(server, "/queries/tracker-profile?tracker=%20", "Accept", JSON).statusCode());
    assertEquals(400, Fixture.getBytes(server, "/queries/tracker-profile?tracker=%20", "Accept", JSON).statusCode());
  }

  @Test
  void eachFormatIsKeptApart() throws Exception {
    HttpResponse<byte[]> json = get(TRACKERS, JSON);
    HttpResponse<byte[]> csv = get(TRACKERS, "text/csv");
    HttpResponse<byte[]> again = get(TRACKERS, JSON);
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertNotEquals(json.headers().firstValue("ETag").orElseThrow(), csv.headers().firstValue("ETag").orElseThrow());
    assertArrayEquals(json.body(), again.body());
    assertTrue(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("t\r\n"));
  }

  @Test
  void queriesWhoseAnswerIsNotAFunctionOfTheDataAreNotKept() throws Exception {
    HttpResponse<byte[]> r = get("SELECT (STRUUID() AS ?u) WHERE {}", JSON);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("ETag").isEmpty(), "no ETag on an uncached answer");
    assertNotEquals(new String(r.body()), new String(get("SELECT (STRUUID() AS ?u) WHERE {}", JSON).body()));
    assertFalse(ResultCache.cacheable("SELECT (NOW() AS ?n) {}"));
    assertFalse(ResultCache.cacheable("select (rand () as ?n) {}"));
    assertTrue(ResultCache.cacheable("SELECT ?random { ?random ?p ?o }"));
  }

  @Test
  void errorsAreNotKept() throws Exception {
    HttpResponse<byte[]> bad = get("SELECT ?x WHERE { ?x ", JSON);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.headers().firstValue("ETag").isEmpty());
    assertEquals(400, get("SELECT ?x WHERE { ?x ", JSON).statusCode());
  }

  @Test
  void aResponseOverTheEntryLimitStreamsThroughWhole() throws Exception {
    // 9 000 rows of two triples each: well over 1 MiB of JSON
    String q = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } LIMIT 9000";
    HttpResponse<byte[]> big = get(q, JSON);
    assertEquals(200, big.statusCode());
    assertTrue(big.body().length > ResultCache.MAX_ENTRY_BYTES, "body of " + big.body().length + " bytes");
    assertTrue(big.headers().firstValue("ETag").isEmpty(), "not kept");
    int rows = ResultSetFormatter.consume(ResultSetFactory.fromJSON(new ByteArrayInputStream(big.body())));
    HttpResponse<byte[]> again = get(q, JSON);
    assertArrayEquals(big.body(), again.body());
    assertEquals(9000, rows);
  }

  @Test
  void aWriteMakesKeptAnswersStale() throws Exception {
    TrackerServer s = Fixture.server(Fixture.seed()).updatePassword("pw-cache").build().start();
    try {
      assertFalse(WritesTest.written(s));
      assertFalse(WritesTest.written(s));  // now from the cache
      HttpResponse<String> u = WritesTest.send(s, "POST", "/update", "application/sparql-update", WritesTest.UPDATE,
          "admin:pw-cache");
      assertTrue(u.statusCode() / 100 == 2, "update: " + u.statusCode());
      assertTrue(WritesTest.written(s));
    } finally {
      s.stop();
    }
  }

  /** Both caches (Caffeine) report hits, misses, evictions and weight on /$/metrics. */
  @Test
  void cacheStatisticsAreOnTheMetricsPage() throws Exception {
    String q = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3";
    get(q, JSON);
    get(q, JSON);
    Fixture.get(server, "/ontology", "Accept", "text/turtle");
    Fixture.get(server, "/ontology", "Accept", "text/turtle");
    String m = Fixture.get(server, "/$/metrics").body();
    for (String cache : new String[] {"tkg_result_cache", "tkg_page_cache"}) {
      java.util.regex.Matcher hits = java.util.regex.Pattern.compile(
          "cache_gets_total\\{[^}]*cache=\"" + cache + "\",[^}]*result=\"hit\"[^}]*\\} ([0-9.E]+)").matcher(m);
      assertTrue(hits.find(), cache + " hits in\n" + m);
      assertTrue(Double.parseDouble(hits.group(1)) >= 1, hits.group());
      assertTrue(m.matches("(?s).*cache_evictions_total\\{[^}]*cache=\"" + cache + "\".*"), cache + " evictions");
    }
  }
}
