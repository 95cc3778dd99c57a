package org.trackerkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.DumpVerifier;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.vocab.Iris;

/**
 * Faults: a process killed with SIGKILL in the middle of a TDB2 load or of a dump write, and a full disk. Whatever
 * was complete before stays in use; nothing half-written is taken as current.
 */
@Tag("slow")
class FaultTest {
  static final String BASE = Iris.DEFAULT_BASE;
  static final Duration CHILD_WAIT = Duration.ofSeconds(180);

  static DatasetGraph seed() {
    return Pipeline.load(List.of(Path.of("src/test/seed")), BASE).dataset();
  }

  /** The seed's quads, {@code copies} times, each copy under its own IRIs: a bigger, different input. */
  static DatasetGraph replicated(int copies) {
    DatasetGraph seed = seed();
    List<Quad> quads = new ArrayList<>();
    seed.find().forEachRemaining(quads::add);
    DatasetGraph out = DatasetGraphFactory.createTxnMem();
    for (int i = 0; i < copies; i++) {
      String prefix = BASE + "copy" + i + "/";
      for (Quad q : quads) {
        out.add(map(q.getGraph(), prefix), map(q.getSubject(), prefix), map(q.getPredicate(), prefix),
            map(q.getObject(), prefix));
      }
    }
    return out;
  }

  private static Node map(Node n, String prefix) {
    if (n.isURI() && n.getURI().startsWith(BASE)) {
      return NodeFactory.createURI(prefix + n.getURI().substring(BASE.length()));
    }
    return n;
  }

  /** Run in a child JVM: {@code tdb|dump DIR COPIES}; it is meant to be killed before it ends. */
  public static final class FaultChild {
    public static void main(String[] args) throws Exception {
      DatasetGraph big = replicated(Integer.parseInt(args[2]));
      Path dir = Path.of(args[1]);
      System.out.println("child: " + big.stream().count() + " quads, writing " + args[0] + " into " + dir);
      System.out.flush();
      if (args[0].equals("tdb")) {
        TrackerServer.create().dataset(big).base(BASE).port(0).host("127.0.0.1").requestLog(null).messages(null)
            .tdb(dir).build();
      } else {
        DumpWriter.create().base(BASE).write(big, dir);
      }
      System.out.println("child: done");
      System.exit(0);
    }
  }

  static Process child(String mode, Path dir, int copies, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        FaultChild.class.getName(), mode, dir.toString(), Integer.toString(copies))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Polls (bounded) until {@code ready} holds, then kills the child with SIGKILL; fails if it ended first. */
  static void killWhen(Process p, Predicate<Void> ready, Path log, String what) throws Exception {
    long deadline = System.nanoTime() + CHILD_WAIT.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (ready.test(null)) {
          p.destroyForcibly();
          assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not die");
          System.out.println("FaultTest: killed the child " + what + " (exit " + p.exitValue() + ")");
          return;
        }
        if (!p.isAlive()) {
          fail("the child ended (exit " + p.exitValue() + ") before " + what + ":\n" + Files.readString(log));
        }
        Thread.sleep(5);
      }
      fail("the child did not start " + what + " within " + CHILD_WAIT + ":\n" + Files.readString(log));
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  static List<Path> list(Path dir, String glob) {
    List<Path> out = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(dir, glob)) {
      ds.forEach(out::add);
    } catch (IOException e) {
      // not there yet
    }
    return out;
  }

  static boolean hasFiles(Path d) {
    try (Stream<Path> s = Files.walk(d)) {
      return s.anyMatch(Files::isRegularFile);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static String currentName(Path tdb) throws IOException {
    return Files.readAllLines(tdb.resolve("current"), StandardCharsets.UTF_8).get(0).trim();
  }

  static long count(TrackerServer s, String query) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.url() + "sparql?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json")
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    return ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON).next().getLiteral("n").getLong();
  }

  static TrackerServer serve(DatasetGraph dsg, Path tdb) {
    return TrackerServer.create().dataset(dsg).base(BASE).port(0).host("127.0.0.1").requestLog(null)
        .messages(null).tdb(tdb).build().start();
  }

  @Test
  void killDuringTdbLoadKeepsTheLastGoodStore(@TempDir Path tmp) throws Exception {
    Path tdb = tmp.resolve("tdb");
    DatasetGraph seed = seed();
    long triples = seed.getUnionGraph().size();

    // 1. a complete load of the seed
    String good;
    TrackerServer first = serve(seed, tdb);
    try {
      assertTrue(first.loadedFromScratch());
      good = currentName(tdb);
      assertEquals(triples, count(first, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
    } finally {
      first.stop();
    }

    // 2. a child loads a changed, bigger input and is killed once its new database has files
    Process p = child("tdb", tdb, 400, tmp.resolve("child-tdb.log"));
    killWhen(p, v -> list(tdb, "db-*").stream()
        .anyMatch(d -> !d.getFileName().toString().equals(good) && hasFiles(d)), tmp.resolve("child-tdb.log"),
        "while loading into a new TDB2 database");
    assertEquals(good, currentName(tdb), "'current' still names the last complete database");
    assertTrue(list(tdb, "db-*").size() >= 2, "the half-written database is there (and not current)");

    // 3. reopening with the original input reuses the good store and serves its data
    TrackerServer again = serve(seed(), tdb);
    try {
      assertFalse(again.loadedFromScratch(), "the original input: the last good store is reused");
      assertEquals(good, currentName(tdb));
      assertEquals(triples, count(again, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
      assertTrue(count(again, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") >= triples);
      assertEquals(0, count(again, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \""
          + BASE + "copy\")) }"), "nothing of the killed load");
    } finally {
      again.stop();
    }

    // 4. a changed input after the crash loads cleanly into a new store
    DatasetGraph changed = replicated(2);
    TrackerServer third = serve(changed, tdb);
    try {
      assertTrue(third.loadedFromScratch());
      assertEquals(changed.getUnionGraph().size(), count(third, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
    } finally {
      third.stop();
    }
  }

  @Test
  void killDuringDumpWriteKeepsThePreviousDump(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("dumps");
    DatasetGraph seed = seed();
    DumpWriter.create().base(BASE).write(seed, dir);
    byte[] sums = Files.readAllBytes(dir.resolve(DumpWriter.SUMS));

    Process p = child("dump", dir, 400, tmp.resolve("child-dump.log"));
    killWhen(p, v -> !list(dir.resolve("versions"), ".tmp-dump-*").isEmpty(), tmp.resolve("child-dump.log"),
        "while staging a dump");

    DumpVerifier.Report r = DumpVerifier.verify(dir, seed, BASE);
    assertTrue(r.ok(), () -> "the previous dump after the kill:\n" + String.join("\n", r.problems()));
    assertTrue(java.util.Arrays.equals(sums, Files.readAllBytes(dir.resolve(DumpWriter.SUMS))));

    DumpWriter.create().base(BASE).write(seed, dir);
    assertEquals(List.of(), list(dir.resolve("versions"), ".tmp-dump-*"), "the next run removes the staging folder");
    DumpVerifier.Report r2 = DumpVerifier.verify(dir, seed, BASE);
    assertTrue(r2.ok(), () -> String.join("\n", r2.problems()));
  }

  @Test
  void fullDiskGivesAClearError(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("small"));
    String mounted = run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", dir.toString());
    if (mounted != null) {
      Assumptions.abort("cannot mount a tmpfs here: " + mounted);
    }
    try {
      DatasetGraph big = replicated(50);
      // DumpWriter.write declares IOException, but a full disk met inside Jena's writer surfaces as Jena's
      // unchecked RuntimeIOException wrapping it: accept either, as long as the IOException is in the chain.
      Exception e = assertThrows(Exception.class, () -> DumpWriter.create().base(BASE).write(big, dir));
      System.out.println("FaultTest: full disk: " + e);
      IOException io = null;
      for (Throwable t = e; t != null && io == null; t = t.getCause()) {
        if (t instanceof IOException x) {
          io = x;
        }
      }
      assertNotNull(io, () -> "no IOException in the chain of " + e);
      assertNotNull(io.getMessage());
      assertTrue(io.getMessage().toLowerCase(java.util.Locale.ROOT).contains("space")
          || io instanceof java.nio.file.FileSystemException, io.toString());
      assertEquals(List.of(), list(dir, ".tmp-dump-*"), "no staging folder left behind");
      assertFalse(Files.exists(dir.resolve(DumpWriter.SUMS)), "no SHA256SUMS of a failed dump");
    } finally {
      String un = run("umount", dir.toString());
      assertEquals(null, un, "umount");
    }
  }

  /** Runs a command (bounded); null when it succeeded, otherwise its output and exit code. */
  static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", cmd) + ": timed out";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 ? null : String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + out;
    } catch (IOException e) {
      return String.join(" ", cmd) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
