package org.trackerkg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.base.Hashes;
import org.trackerkg.server.TrackerServer;

/**
 * kill -9 of {@code tkg dump}'s writer at every step of publishing a version: while staging, right after the new
 * version folder is complete, after the switch, half-way through the links of the older paths, while removing an old
 * version, and at the end. After each kill the folder serves (over HTTP, from a real server) either the whole old
 * version or the whole new one, every file matching the {@code SHA256SUMS} of the same version; and the next run
 * publishes cleanly.
 */
@Tag("slow")
class DumpSwitchKillTest {
  static final String BASE = Fixtures.BASE;

  /** Run in a child JVM: {@code DIR N STEP}; writes variant N into DIR and stops for ever at the first STEP. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      int n = Integer.parseInt(args[1]);
      String at = args[2];
      DumpWriter w = DumpWriter.create().base(BASE).version("v" + n);
      w.hook((name, count) -> stop(at, "staged " + name));
      w.steps(step -> stop(at, step));
      w.write(DumpVersionsTest.variant(n), dir);
      System.out.println("done");
      System.out.flush();
      System.exit(0);
    }

    private static void stop(String at, String step) {
      if (step.startsWith(at)) {
        System.out.println("at " + step);
        System.out.flush();
        try {
          Thread.sleep(600_000); // killed here
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Starts the child and kills it with SIGKILL once it says it stopped at {@code step}. */
  static String killAt(Path dir, int n, String step, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        Child.class.getName(), dir.toString(), Integer.toString(n), step)
        .redirectError(log.toFile()).start();
    Thread guard = new Thread(() -> {
      try {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
          p.destroyForcibly(); // a hang guard: the read below then ends
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    guard.setDaemon(true);
    guard.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("at ")) {
          p.destroyForcibly(); // SIGKILL
          assertTrue(p.waitFor(60, TimeUnit.SECONDS));
          return line.substring(3);
        }
      }
    } finally {
      p.destroyForcibly();
    }
    fail("the child never reached " + step + " (exit " + p.waitFor() + "):\n" + Files.readString(log));
    return null;
  }

  /** The SHA256SUMS of variant {@code n}, written in a folder of its own (the bytes are deterministic). */
  static String expectedSums(Path tmp, int n) throws IOException {
    Path d = tmp.resolve("expected-" + n);
    DumpManifest m = DumpWriter.create().base(BASE).version("v" + n).write(DumpVersionsTest.variant(n), d);
    return Files.readString(m.dir().resolve(DumpWriter.SUMS));
  }

  /** Every file of the served version, fetched over HTTP, with the version each answer names. */
  static String servedSums(Path dir) throws Exception {
    TrackerServer server = TrackerServer.create().dataset(DumpVersionsTest.variant(0)).base(BASE).port(0)
        .host("127.0.0.1").requestLog(null).messages(null).dumpsDir(dir).build().start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> sums = http.send(HttpRequest.newBuilder(URI.create(server.url() + "dumps/SHA256SUMS"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, sums.statusCode(), "SHA256SUMS is served");
      String version = sums.headers().firstValue(DumpFolder.VERSION_HEADER).orElseThrow();
      Map<String, String> listed = new TreeMap<>();
      for (String l : sums.body().split("\n")) {
        listed.put(l.substring(66), l.substring(0, 64));
      }
      assertEquals(DumpWriter.create().fileNames().size() - 1, listed.size(), "every file listed");
      for (var e : listed.entrySet()) {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "dumps/" + e.getKey()))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), e.getKey());
        assertEquals(version, r.headers().firstValue(DumpFolder.VERSION_HEADER).orElseThrow(), e.getKey());
        assertEquals(e.getValue(), Hashes.sha256Hex(r.body()), e.getKey() + " matches SHA256SUMS");
      }
      return sums.body();
    } finally {
      server.stop();
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 15, unit = TimeUnit.MINUTES) // a hang guard only
  void aKillAtAnyStepOfPublishingLeavesOneWholeVersionServed(@TempDir Path tmp) throws Exception {
    List<String> steps = List.of("staged tracker-kg.nq.gz", "version", "switched", "linked tracker-kg.nt",
        "linked", "removed", "pruned");
    List<String> report = new ArrayList<>();
    int n = 0;
    for (String step : steps) {
      Path dir = tmp.resolve("dumps-" + report.size());
      if (step.startsWith("linked ")) {
        // the older layout: plain files (the links are made after the first switch)
        Path plain = DumpWriter.create().base(BASE).version("v" + n).write(DumpVersionsTest.variant(n),
            tmp.resolve("plain")).dir();
        Files.createDirectories(dir);
        for (String f : DumpWriter.create().fileNames()) {
          Files.copy(plain.resolve(f), dir.resolve(f));
        }
      } else {
        // three versions where publishing a fourth is to remove the oldest, else one
        for (int i = step.equals("removed") ? 0 : 2; i < 3; i++) {
          DumpWriter.create().base(BASE).version("v" + n).write(DumpVersionsTest.variant(n), dir);
        }
      }
      String old = Files.readString(DumpFolder.current(dir).file(DumpWriter.SUMS));
      String fresh = expectedSums(tmp, n + 1);
      String where = killAt(dir, n + 1, step, tmp.resolve("child-" + report.size() + ".log"));
      String served = servedSums(dir);
      boolean isNew = served.equals(fresh);
      assertTrue(isNew || served.equals(old), "killed at " + where + ": the old version or the new, whole");
      boolean expectNew = !step.startsWith("staged") && !step.equals("version");
      assertEquals(expectNew, isNew, "killed at " + where + ": switched exactly when the new version was complete");
      DumpFolder.Version v = DumpFolder.current(dir);
      assertNotNull(v);
      DumpVersionsTest.assertWhole(v.dir());
      report.add(where + " -> " + (isNew ? "new" : "old"));

      // the next run publishes cleanly over whatever the kill left
      DumpManifest next = DumpWriter.create().base(BASE).version("v" + (n + 2)).write(DumpVersionsTest.variant(n + 2),
          dir);
      assertEquals(next.id(), DumpFolder.current(dir).id());
      assertTrue(DumpVerifier.verify(dir, DumpVersionsTest.variant(n + 2), BASE).ok());
      try (var s = Files.list(dir.resolve(DumpFolder.VERSIONS))) {
        List<String> left = s.map(p -> p.getFileName().toString()).toList();
        assertTrue(left.stream().noneMatch(x -> x.startsWith(".")), "no staging folder left: " + left);
        assertTrue(left.size() <= DumpFolder.KEEP_PREVIOUS + 1, "old versions removed: " + left);
      }
      for (String f : DumpWriter.create().fileNames()) {
        assertTrue(Files.isSymbolicLink(dir.resolve(f)), f + " links through current");
      }
      n += 3;
    }
    System.out.println("DumpSwitchKillTest: " + String.join("; ", report));
  }
}
