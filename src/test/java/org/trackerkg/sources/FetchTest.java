package org.trackerkg.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.cli.ExitCode;
import org.trackerkg.cli.Main;
import org.trackerkg.vocab.Iris;

/**
 * {@code tkg fetch} against a Git repository built here with JGit and an εxodus API served here over real HTTP on
 * port 0: it installs a snapshot, asks εxodus conditionally, reports the changes per tracker, and leaves
 * {@code data/sources/} untouched when a download breaks, stalls and is killed, or cannot start.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)  // a hang guard only
class FetchTest {
  @TempDir Path tmp;
  final List<HttpServer> servers = new ArrayList<>();
  final List<String> ifNoneMatch = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  /** Three records of the shipped εxodus database, as its API lays them out. */
  static byte[] exodusJson() throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode all = (ObjectNode) m.readTree(TestRepo.profile("../exodus/trackers.json").toFile());
    ObjectNode some = m.createObjectNode();
    ObjectNode trackers = some.putObject("trackers");
    var it = all.get("trackers").fields();
    for (int i = 0; i < 3 && it.hasNext(); i++) {
      var e = it.next();
      trackers.set(e.getKey(), e.getValue());
    }
    return m.writeValueAsBytes(some);
  }

  /** An εxodus API answering with {@code body} and an ETag, 304 to a matching If-None-Match. */
  String exodus(byte[] body) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/api/trackers", x -> {
      String inm = x.getRequestHeaders().getFirst("If-None-Match");
      synchronized (ifNoneMatch) {
        ifNoneMatch.add(String.valueOf(inm));
      }
      x.getResponseHeaders().add("ETag", "\"v1\"");
      if ("\"v1\"".equals(inm)) {
        x.sendResponseHeaders(304, -1);
      } else {
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream o = x.getResponseBody()) {
          o.write(body);
        }
      }
      x.close();
    });
    s.start();
    servers.add(s);
    return "http://127.0.0.1:" + s.getAddress().getPort() + "/api/trackers";
  }

  /** An εxodus API that promises a large body, sends a little, then waits for {@code release} and hangs up. */
  String broken(CountDownLatch started, CountDownLatch release) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/api/trackers", x -> {
      x.sendResponseHeaders(200, 1_000_000);
      OutputStream o = x.getResponseBody();
      o.write("{\"trackers\": {\"1\": {\"id\": 1, \"name\": \"Te".getBytes());
      o.flush();
      started.countDown();
      try {
        release.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.getHttpContext().getServer();
      x.close();  // the body ends short of its Content-Length
    });
    s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    s.start();
    servers.add(s);
    return "http://127.0.0.1:" + s.getAddress().getPort() + "/api/trackers";
  }

  record Run(int code, String out, String err) {}

  Run fetch(Path data, String repo, String exodus) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("fetch",
        "--data", data.toString(), "--repo", repo, "--exodus", exodus, "--cache", tmp.resolve("cache").toString(),
        "--base", Iris.DEFAULT_BASE);
    return new Run(code, out.toString(), err.toString());
  }

  static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), org.trackerkg.base.Hashes.sha256Hex(p));
      }
    }
    return m;
  }

  static boolean leftovers(Path data) throws IOException {
    try (Stream<Path> s = Files.list(data)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("."));
    }
  }

  /** A repository with two profiles; a fetch from it and a working εxodus: the installed snapshot. */
  Path installed(TestRepo repo, byte[] json) throws Exception {
    repo.copy("mParticle.md").copy("Cifrasoft.md");
    repo.commit("Two profiles");
    Path data = Files.createDirectories(tmp.resolve("data"));
    Run r = fetch(data, repo.dir.toString(), exodus(json));
    assertEquals(ExitCode.OK, r.code(), r.err() + r.out());
    return data;
  }

  @Test
  void installsASnapshotThenReportsWhatChanged() throws Exception {
    byte[] json = exodusJson();
    try (TestRepo repo = new TestRepo(tmp.resolve("repo"))) {
      Path data = installed(repo, json);
      Path sources = data.resolve("sources");
      assertTrue(Files.isRegularFile(sources.resolve("yale-tracker-profiles/mParticle.md")));
      assertTrue(Files.isRegularFile(sources.resolve("yale-tracker-profiles/Cifrasoft.md")));
      assertArrayEquals(json, Files.readAllBytes(sources.resolve("exodus/trackers.json")));
      String commit1 = repo.git.getRepository().resolve("HEAD").getName();
      assertEquals(commit1, Snapshot.read(sources).get(Snapshot.PROFILES_COMMIT).orElseThrow());
      assertFalse(leftovers(data), "no staging folder left");

      // a changed profile: the summary names its tracker; εxodus answers 304 to the recorded ETag
      String mp = Files.readString(TestRepo.profile("mParticle.md"));
      repo.write("mParticle.md", mp.replace("_Data retention:_", "_Data retention:_ Kept forever."));
      repo.delete("Cifrasoft.md");
      repo.commit("Retention changed; Cifrasoft gone");
      String url = servers.get(0).getAddress().getPort() + "";
      Run r = fetch(data, repo.dir.toString(), "http://127.0.0.1:" + url + "/api/trackers");
      assertEquals(ExitCode.OK, r.code(), r.err() + r.out());
      assertTrue(r.out().matches("(?s).*\\n  mparticle +-\\d+ \\+\\d+\\n.*"), r.out());
      assertTrue(r.out().matches("(?s).*\\n  cifrasoft +-\\d+ \\+0\\n.*"), r.out());
      assertTrue(r.out().contains("the same εxodus database; 2 trackers changed"), r.out());
      assertEquals(List.of("null", "\"v1\""), ifNoneMatch);
      assertFalse(Files.exists(sources.resolve("yale-tracker-profiles/Cifrasoft.md")));
      assertArrayEquals(json, Files.readAllBytes(sources.resolve("exodus/trackers.json")));
    }
  }

  @Test
  void aBodyCutShortLeavesTheSnapshotAsItWas() throws Exception {
    try (TestRepo repo = new TestRepo(tmp.resolve("repo"))) {
      Path data = installed(repo, exodusJson());
      Map<String, String> before = tree(data.resolve("sources"));
      repo.write("mParticle.md", "# mParticle\n\nchanged\n");
      repo.commit("changed");
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      String url = broken(started, release);
      release.countDown();  // hang up at once
      Run r = fetch(data, repo.dir.toString(), url);
      assertEquals(ExitCode.BAD_INPUT, r.code(), r.err() + r.out());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("tkg: fetch failed, data/sources left as it was: "), r.err());
      assertEquals(before, tree(data.resolve("sources")));
      assertFalse(leftovers(data), "no staging folder left");
    }
  }

  @Test
  void aFetchKilledMidDownloadLeavesTheSnapshotAsItWas() throws Exception {
    try (TestRepo repo = new TestRepo(tmp.resolve("repo"))) {
      Path data = installed(repo, exodusJson());
      Map<String, String> before = tree(data.resolve("sources"));
      repo.write("mParticle.md", "# mParticle\n\nchanged\n");
      repo.commit("changed");
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      String url = broken(started, release);
      String java = ProcessHandle.current().info().command().orElse(
          Path.of(System.getProperty("java.home"), "bin", "java").toString());
      Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "fetch", "--data", data.toString(), "--repo", repo.dir.toString(), "--exodus", url,
          "--cache", tmp.resolve("cache").toString()).redirectErrorStream(true)
          .redirectOutput(tmp.resolve("child.log").toFile()).start();
      try {
        assertTrue(started.await(2, TimeUnit.MINUTES), "the child reached the download");
        p.destroyForcibly();  // SIGKILL part way through the body
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
      } finally {
        release.countDown();
        p.destroyForcibly();
      }
      assertEquals(before, tree(data.resolve("sources")), Files.readString(tmp.resolve("child.log")));

      // the next run cleans up what the killed one left and installs the new snapshot
      Run r = fetch(data, repo.dir.toString(), exodus(exodusJson()));
      assertEquals(ExitCode.OK, r.code(), r.err() + r.out());
      assertEquals("# mParticle\n\nchanged\n",
          Files.readString(data.resolve("sources/yale-tracker-profiles/mParticle.md")));
      assertFalse(leftovers(data), "no staging folder left");
    }
  }

  @Test
  void anUnreachableServerIsOneLineAndExit2() throws Exception {
    try (TestRepo repo = new TestRepo(tmp.resolve("repo"))) {
      Path data = installed(repo, exodusJson());
      Map<String, String> before = tree(data.resolve("sources"));
      int closed;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Run r = fetch(data, repo.dir.toString(), "http://127.0.0.1:" + closed + "/api/trackers");
      assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      Run g = fetch(data, tmp.resolve("no-such-repo").toString(), exodus(exodusJson()));
      assertEquals(ExitCode.BAD_INPUT, g.code(), g.err());
      assertEquals(1, g.err().strip().lines().count(), g.err());
      assertEquals(before, tree(data.resolve("sources")));
    }
  }
}
