package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, "no response anywhere lacks the security headers": every route family, its successes and its errors
 * (redirects, 4xx of each kind, limits, writes refused), over a raw socket.
 */
class SecurityHeadersSweepTest {
  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = Fixture.server(Fixture.seed()).updatePassword("pw").resultCache(0).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  record Req(String method, String target, String body, String... headers) {}

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    String ask = Fixture.enc("ASK {}");
    List<Req> reqs = new ArrayList<>(List.of(
        new Req("GET", "/", null), new Req("HEAD", "/", null), new Req("GET", "/?x=<script>", null),
        new Req("GET", "/sparql", null), new Req("GET", "/sparql?query=" + ask, null),
        new Req("GET", "/sparql?query=" + ask + "&format=html", null),
        new Req("GET", "/sparql?query=" + Fixture.enc("SELECT * {"), null),
        new Req("GET", "/sparql?query=" + Fixture.enc("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"), null),
        new Req("POST", "/sparql", "ASK {}", "Content-Type: application/sparql-query"),
        new Req("POST", "/sparql", "x".repeat(2 << 20), "Content-Type: application/sparql-query"),
        new Req("PUT", "/sparql", "x", "Content-Type: text/plain"),
        new Req("GET", "/id/tracker/mparticle", null), new Req("GET", "/doc/tracker/mparticle", null),
        new Req("GET", "/doc/tracker/mparticle", null, "Accept: text/turtle"),
        new Req("GET", "/doc/tracker/mparticle", null, "Accept: image/png"),
        new Req("GET", "/doc/tracker/mparticle.rdf", null), new Req("GET", "/doc/tracker/nobody", null),
        new Req("GET", "/id/nothing/here", null), new Req("GET", "/graph/nowhere", null),
        new Req("GET", "/ontology", null), new Req("GET", "/ontology", null, "Accept: text/turtle"),
        new Req("GET", "/void", null), new Req("GET", "/.well-known/void", null),
        new Req("GET", "/dumps/", null), new Req("GET", "/dumps/nothing.nt", null), new Req("GET", "/dumps/..", null),
        new Req("GET", "/dumps/%2e%2e/x", null), new Req("GET", "/queries", null), new Req("GET", "/queries/", null),
        new Req("GET", "/queries/trackers", null), new Req("GET", "/queries/trackers?format=csv", null),
        new Req("GET", "/queries/nothing", null), new Req("GET", "/queries/trackers?format=bogus", null),
        new Req("GET", "/reconcile", null), new Req("GET", "/reconcile?queries=%7Bbad", null),
        new Req("GET", "/match?q=api.mparticle.com", null), new Req("GET", "/match?q=", null),
        new Req("GET", "/$/ping", null), new Req("GET", "/$/metrics", null), new Req("GET", "/static/style.css", null),
        new Req("GET", "/static/nothing.css", null), new Req("GET", "/nothing", null),
        new Req("TRACE", "/", null), new Req("OPTIONS", "/sparql", null, "Origin: http://example.org",
            "Access-Control-Request-Method: POST"),
        new Req("DELETE", "/doc/tracker/mparticle", null),
        new Req("GET", "/" + "a".repeat(70_000), null),
        new Req("GET", "/", null, "X-Big: " + "b".repeat(70_000)),
        new Req("GET", "/", null, "Accept: ;;;,,,;q="),
        new Req("POST", "/update", "update=x", "Content-Type: application/x-www-form-urlencoded"),
        new Req("POST", "/update", "update=x", "Content-Type: application/x-www-form-urlencoded",
            "Authorization: Basic !!!"),
        new Req("POST", "/update", "update=x", "Content-Type: application/x-www-form-urlencoded",
            "Origin: http://evil.example", HostileClientsTest.basic("admin:pw")),
        new Req("POST", "/update", "update=" + Fixture.enc("NOT SPARQL"),
            "Content-Type: application/x-www-form-urlencoded", HostileClientsTest.basic("admin:pw")),
        new Req("GET", "/data?default", null), new Req("GET", "/data?default", null,
            HostileClientsTest.basic("admin:pw")),
        new Req("POST", "/scan", "not an app", "Content-Type: application/octet-stream")));
    List<String> missing = new ArrayList<>();
    for (Req q : reqs) {
      HostileClientsTest.Raw r = HostileClientsTest.raw(server, q.method(), q.target(), q.body(), q.headers());
      String what = q.method() + " " + (q.target().length() > 60 ? q.target().substring(0, 60) + "…" : q.target())
          + " → " + r.status();
      if (r.header("Content-Security-Policy") == null || !"nosniff".equals(r.header("X-Content-Type-Options"))
          || !"no-referrer".equals(r.header("Referrer-Policy"))) {
        missing.add(what);
      }
      assertTrue(r.status() < 500 || r.status() == 503, what + "\n" + r.body());
    }
    assertTrue(missing.isEmpty(), "responses without the security headers: " + missing);
  }
}
