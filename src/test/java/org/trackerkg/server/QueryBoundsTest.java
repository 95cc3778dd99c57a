package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, items 1–4: every query stops within its limit whatever other queries do (a huge OFFSET over a cross
 * product used to stall Jena's one timeout thread), a disconnected client's query stops too, backtracking regexes stop,
 * deep operator chains are a 400 "too complex", and a query cannot build a string without bound.
 */
class QueryBoundsTest {
  /** The default limit, as in the report. */
  static final Duration LIMIT = TrackerServer.DEFAULT_TIMEOUT;
  static final Duration SHORT = Duration.ofSeconds(2);
  static TrackerServer server;
  static TrackerServer quick;

  @BeforeAll
  static void start() {
    DatasetGraph dsg = Fixture.seed();
    server = Fixture.server(dsg).timeout(LIMIT).build().start();
    quick = Fixture.server(dsg).timeout(SHORT).resultCache(0).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    quick.stop();
  }

  static HttpResponse<String> query(TrackerServer s, String q) throws Exception {
    return Fixture.post(s, "/sparql", "application/sparql-query", q, "Accept", "application/sparql-results+json");
  }

  static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  static final String PRODUCT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

  @Test
  void aHugeOffsetDoesNotSwitchTheTimeLimitOffForOthers() throws Exception {
    CompletableFuture<HttpResponse<String>> offset = CompletableFuture.supplyAsync(() -> {
      try {
        return query(server, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 2000000000 LIMIT 1");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(1000);
    long t1 = System.nanoTime();
    HttpResponse<String> product = query(server, PRODUCT);
    long productMs = millis(t1);
    assertEquals(503, product.statusCode(), product.body());
    assertTrue(productMs <= 12_000, "the cross product ran " + productMs + " ms");
    HttpResponse<String> first = offset.get(); // stopped by its own limit too (the client would give up at 60 s)
    assertEquals(503, first.statusCode(), first.body());
  }

  @Test
  void aDisconnectedClientsQueryStopsWithinTheLimit() throws Exception {
    String body = PRODUCT;
    byte[] req = ("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    try (Socket s = new Socket("127.0.0.1", quick.port())) {
      OutputStream out = s.getOutputStream();
      out.write(req);
      out.flush();
      Thread.sleep(300);
    }
    // the query's thread is in Jena's engine until the deadline; give it the limit and a margin
    while (runningQueries() > 0 && millis(t0) < SHORT.toMillis() + 5_000) {
      Thread.sleep(100);
    }
    assertEquals(0, runningQueries(), "a query still runs " + millis(t0) + " ms after its client left");
  }

  /** Threads evaluating a query: Jena's engine iterators on their stack. */
  static long runningQueries() {
    return Thread.getAllStackTraces().values().stream().filter(st -> {
      for (StackTraceElement e : st) {
        if (e.getClassName().startsWith("org.apache.jena.sparql.engine.iterator")) {
          return true;
        }
      }
      return false;
    }).count();
  }

  @Test
  void aBacktrackingRegexStopsWithinTheLimit() throws Exception {
    String x = "a".repeat(120) + "b";
    long t0 = System.nanoTime();
    HttpResponse<String> r = query(quick, "SELECT * { BIND(\"" + x + "\" AS ?x) FILTER(REGEX(?x, \"^(.*a){12}$\")) }");
    long ms = millis(t0);
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(ms <= SHORT.toMillis() + 5_000, "the regex ran " + ms + " ms");
    t0 = System.nanoTime();
    r = query(quick, "SELECT (REPLACE(\"" + x + "\", \"(.*a){25}$\", \"z\") AS ?y) {}");
    ms = millis(t0);
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(ms <= SHORT.toMillis() + 5_000, "REPLACE ran " + ms + " ms");
  }

  @Test
  void aBacktrackingRegexOnTheHtmlPageStopsToo() throws Exception {
    String x = "a".repeat(120) + "b";
    String q = "SELECT * { BIND(\"" + x + "\" AS ?x) FILTER(REGEX(?x, \"(.*a){25}$\")) }";
    long t0 = System.nanoTime();
    HttpResponse<String> r = Fixture.get(quick, "/sparql?format=html&query=" + Fixture.enc(q));
    long ms = millis(t0);
    assertEquals(503, r.statusCode());
    assertTrue(ms <= SHORT.toMillis() + 5_000, "the regex ran " + ms + " ms");
  }

  static void assertTooComplex(HttpResponse<String> r, String what) {
    assertEquals(400, r.statusCode(), what + ": " + r.body());
    assertTrue(r.body().contains("too complex"), what + ": " + r.body());
    HostileHttpTest.assertNoTrace(r.body(), what);
  }

  @Test
  void longOperatorChainsAreTooComplex() throws Exception {
    assertTooComplex(query(quick, "SELECT * { " + "{ ?s ?p ?o } UNION ".repeat(5000) + "{ ?s ?p ?o } }"), "UNIONs");
    assertTooComplex(query(quick, "SELECT (" + "1+".repeat(10_000) + "1 AS ?x) {}"), "1+1+…");
    assertTooComplex(query(quick, "ASK { FILTER(" + "true&&".repeat(10_000) + "true) }"), "true&&…");
    assertTooComplex(query(quick, "SELECT (" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + " AS ?x) {}"),
        "nested parentheses");
    assertTooComplex(query(quick, "SELECT * { " + "{ ".repeat(20_000) + "?s ?p ?o" + " }".repeat(20_000) + " }"),
        "nested groups");
    // the page shows the query back in its form: a long page, with the message
    HttpResponse<String> page = Fixture.post(quick, "/sparql", "application/x-www-form-urlencoded", "format=html&query="
        + Fixture.enc("SELECT * { " + "{ ?s ?p ?o } UNION ".repeat(5000) + "{ ?s ?p ?o } }"));
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("too complex"));
    // a reasonable query is still fine
    assertEquals(200, query(quick, "SELECT * { " + "{ ?s ?p ?o } UNION ".repeat(20) + "{ ?s ?p ?o } } LIMIT 1")
        .statusCode());
  }

  @Test
  void aQueryCannotBuildAStringWithoutBound() throws Exception {
    StringBuilder q = new StringBuilder("SELECT (STRLEN(?v30) AS ?n) { BIND(\"ab\" AS ?v0) ");
    for (int i = 1; i <= 30; i++) {
      q.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
    }
    q.append("}");
    HttpResponse<String> r = query(quick, q.toString());
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("too long a string"), r.body());
    r = query(quick, "SELECT (STRLEN(REPLACE(\"" + "a".repeat(5000) + "\", \"a\", \"" + "b".repeat(1000)
        + "\")) AS ?n) {}");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(200, Fixture.get(quick, "/$/ping").statusCode());
  }

  @Test
  void groupConcatCannotBuildAStringWithoutBound() throws Exception {
    // every pair of the seed's triples' objects, 80 characters each: far over 1 Mi characters in one group
    String q = "SELECT (STRLEN(GROUP_CONCAT(?x; separator=\",\")) AS ?n) { ?a ?b ?c . ?d ?e ?f "
        + "BIND(\"" + "x".repeat(80) + "\" AS ?x) }";
    HttpResponse<String> r = query(quick, q);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("too long a string: GROUP_CONCAT"), r.body());
    r = query(quick, q.replace("GROUP_CONCAT(", "GROUP_CONCAT(DISTINCT ").replace("BIND(\"", "BIND(CONCAT(STR(?c), STR(?f), \"")
        .replace("\" AS ?x)", "\") AS ?x)"));
    assertEquals(400, r.statusCode(), r.body());
    // a small one is still answered, and DISTINCT still counts each value once
    r = query(quick, "SELECT (GROUP_CONCAT(DISTINCT ?x; separator=\"|\") AS ?g) { VALUES ?x { \"a\" \"b\" \"a\" } }");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"a|b\"") || r.body().contains("\"b|a\""), r.body());
  }
}
