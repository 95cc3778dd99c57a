package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: each query's deadline task leaves the clock's queue when the query ends, answered or failed. Before, a
 * task stayed queued for the whole time limit, so the queue held rate × limit entries (here the limit is long, so
 * every task of this test would still be there).
 */
class QueryDeadlinesTest {
  static final String JSON = "application/sparql-results+json";
  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = Fixture.server(Fixture.seed()).timeout(Duration.ofMinutes(10)).resultCache(0).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void endedQueriesLeaveNoDeadlineQueued() throws Exception {
    int before = QueryGuard.pendingDeadlines();
    int queries = 0;
    for (int i = 0; i < 10; i++) {
      // a new text each time: the protocol as a form, as a body and as GET; the HTML page; a canned query
      String q = "SELECT ?s WHERE { ?s ?p ?o } LIMIT " + (i + 1);
      assertEquals(200, Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
          "query=" + Fixture.enc(q), "Accept", JSON).statusCode());
      assertEquals(200, Fixture.post(server, "/sparql", "application/sparql-query", "ASK { ?s ?p " + i + " }",
          "Accept", JSON).statusCode());
      assertEquals(200, Fixture.get(server, "/sparql?query=" + Fixture.enc(q + " OFFSET 1"), "Accept", JSON)
          .statusCode());
      assertEquals(200, Fixture.get(server, "/sparql?format=html&query=" + Fixture.enc(q + " OFFSET 2"))
          .statusCode());
      assertEquals(200, Fixture.get(server, "/queries/tracker-profile?tracker=mparticle&format=json")
          .statusCode());
      // failed while running (a string too long), and refused before running (a syntax error)
      HttpResponse<String> tooLong = Fixture.post(server, "/sparql", "application/sparql-query",
          "SELECT (STRLEN(REPLACE(\"" + "a".repeat(5000) + "\", \"a\", \"" + "b".repeat(1000) + "\")) AS ?n) {}"
              + " # " + i, "Accept", JSON);
      assertEquals(400, tooLong.statusCode(), tooLong.body());
      assertEquals(400, Fixture.post(server, "/sparql", "application/sparql-query", "SELECT { " + i,
          "Accept", JSON).statusCode());
      queries += 6;
    }
    // a response can reach the client just before its thread closes the deadline: wait a little for that
    for (int n = 0; n < 100 && QueryGuard.pendingDeadlines() > before; n++) {
      Thread.sleep(100);
    }
    int after = QueryGuard.pendingDeadlines();
    assertTrue(after <= before, after + " deadlines queued after " + queries + " ended queries (" + before
        + " before)");
    String metrics = Fixture.get(server, "/$/metrics").body();
    assertTrue(metrics.matches("(?s).*\\ntkg_query_deadlines(\\{[^}]*\\})? [0-9.E]+\\n.*"), metrics);
  }
}
