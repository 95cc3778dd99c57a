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
  @TempDir static Path dir;
  static TrackerServer server;

  @BeforeAll
  static void start() throws Exception {
    String seed = Files.readString(Path.of("data/dossiers/mparticle.md"));
    Files.writeString(dir.resolve("hostile.md"), seed.replace("# Tracker Name\nmParticle", "# Tracker Name\nHostile")
        .replace("`mparticle\\.com`", "`(.*a){25}$`").replace("`com.mparticle`", "`com.hostile`"));
    Files.writeString(dir.resolve("mparticle.md"), seed);
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
}
