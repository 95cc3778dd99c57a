package org.trackerkg.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.cli.FollowMode;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.publish.Publisher;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.store.replication.KafkaBroker;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * Replication figures (issue 20), by hand (not a BenchHarness section yet): a real KRaft broker, the synthetic corpus
 * of N dossiers published as a snapshot, then a 1% change (every 100th dossier left out) published as one patch.
 * Measures the patch's apply time on a replica and the replica lag (publish committed → replica serving the new
 * state), beside the full reload of the new state that a replica without patches would do (parse its N-Quads dump
 * and build the server, as a restart from dumps does); then the per-replica query throughput with one and with two
 * replicas answering at once (a SPARQL lookup of one tracker's label, a different tracker each request, result cache
 * off), from a Java load generator in the same JVM. Prints markdown rows for bench/results.md, with the load average.
 *
 * <p>Usage: {@code ReplicationBenchmark N [--corpus DIR] [--work DIR] [--seconds S] [--connections C] [--reloads R]
 * [--chunk-size BYTES] [--bootstrap-a]}. With {@code --bootstrap-a}, replica A starts from the dumps of the snapshot
 * (as {@code publish --dumps} writes them) instead of applying the snapshot patch from the empty data set, which
 * costs about half a millisecond per quad in the in-memory store's write transaction.
 */
public final class ReplicationBenchmark {
  private static final long SEED = 42;
  private static final String BASE = Iris.DEFAULT_BASE;

  private ReplicationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path corpus = Path.of("../shared/corpus");
    Path work = Path.of("/tmp/tkg-bench-replication");
    int seconds = 10;
    int connections = 4;
    int reloadRuns = 3;
    int chunkBytes = PatchLog.DEFAULT_CHUNK_BYTES;
    boolean bootstrapA = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--reloads" -> reloadRuns = Integer.parseInt(args[++i]);
        case "--chunk-size" -> chunkBytes = Integer.parseInt(args[++i]);
        case "--bootstrap-a" -> bootstrapA = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // the per-request action log would be written to this JVM's output from every request
    org.apache.jena.atlas.logging.LogCtl.setLevel("org.apache.jena.fuseki.Fuseki", "WARN");
    org.apache.jena.atlas.logging.LogCtl.setLevel("org.apache.jena.fuseki.Server", "WARN");
    String loadStart = loadavg();
    log("load average at start: %s", loadStart);
    Path v1 = work.resolve("corpus-" + n);
    SyntheticCorpus.generate(corpus, v1, n, SEED);
    Path v2 = work.resolve("corpus-" + n + "-changed");
    int left = changed(v1, v2);
    int total;
    try (Stream<Path> s = Files.walk(v1)) {
      total = (int) s.filter(p -> p.toString().endsWith(".md")).count();
    }
    long t = System.nanoTime();
    DatasetGraph d1 = Pipeline.load(List.of(v1), BASE).dataset();
    long q1 = count(d1);
    log("v1 %,d quads (%d dossiers) read in %.1f s", q1, total, (System.nanoTime() - t) / 1e9);

    Path kafkaDir = Files.createTempDirectory(Files.createDirectories(work), "kafka-");
    List<String> rows = new ArrayList<>();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (KafkaBroker broker = new KafkaBroker(kafkaDir)) {
      String log = "kafka://" + broker.bootstrap() + "/bench-" + n;
      PatchLog.Address address = PatchLog.Address.parse(log);
      t = System.nanoTime();
      Publisher.Outcome o1 = Publisher.publish(address, d1, BASE, "bench", chunkBytes);
      double publishSnapshot = (System.nanoTime() - t) / 1e9;
      log("snapshot published in %.1f s over %d records", publishSnapshot, o1.records());
      String aBootstrap = null;
      if (bootstrapA) {
        Path published = Files.createTempDirectory(work, "published-");
        t = System.nanoTime();
        org.trackerkg.store.replication.ReplicaDumps.write(d1, BASE, o1.header(), published);
        log("dumps of the snapshot written (as publish --dumps) in %.1f s", (System.nanoTime() - t) / 1e9);
        aBootstrap = published.toString();
      }
      d1 = null;  // the heap is shared with two replicas
      Path aDumps = Files.createTempDirectory(work, "replica-a-");
      t = System.nanoTime();
      FollowMode.Handle a = replica(log, aBootstrap, "a", aDumps, quiet);
      FollowMode.Handle b = null;
      try {
        await(() -> a.replica().status().patchId().equals(o1.header().id())
            && a.replica().status().state() == org.trackerkg.store.replication.Replica.State.FOLLOWING,
            Duration.ofMinutes(60));
        double snapshotApply = (System.nanoTime() - t) / 1e9;
        log("replica a at the snapshot in %.2f s (%s; its own apply time %.2f s)", snapshotApply,
            bootstrapA ? "bootstrapped from the dumps" : "applied the snapshot patch",
            a.replica().status().applyMillis() / 1e3);
        // steady state before the change: A's background dump rewrite of the snapshot done (it would compete)
        awaitDumps(aDumps, o1.header().id());
        log("replica a's dumps of the snapshot written after %.1f s", (System.nanoTime() - t) / 1e9);
        DatasetGraph d2 = Pipeline.load(List.of(v2), BASE).dataset();
        long q2 = count(d2);
        log("v2 (%d left out) %,d quads", total - left, q2);

        t = System.nanoTime();
        Publisher.Outcome o2 = Publisher.publish(address, d2, BASE, "bench", chunkBytes);
        long committed = System.nanoTime();
        double cpu0 = cpu();
        double publishPatch = (committed - t) / 1e9;
        await(() -> a.replica().status().patchId().equals(o2.header().id()), Duration.ofMinutes(30));
        double lag = (System.nanoTime() - committed) / 1e9;
        double lagCpu = cpu() - cpu0;  // this JVM's CPU while the replica fetched and applied (the publisher is done)
        double apply = a.replica().status().applyMillis() / 1e3;
        log("patch -%d +%d quads: published in %.2f s, applied in %.3f s, lag %.3f s", o2.removed(), o2.added(),
            publishPatch, apply, lag);

        // the full reload of the new state: parse its N-Quads dump and build the server (median of 3)
        Path nq = work.resolve("changed-" + n + ".nq");
        try (OutputStream out = Files.newOutputStream(nq)) {
          RdfOutput.write(d2, RdfOutput.Format.NQ, BASE, out);
        }
        List<String> trackers = trackers(d2);
        d2 = null;
        double[] reloads = new double[reloadRuns];
        double[] reloadCpus = new double[reloadRuns];
        for (int i = 0; i < reloads.length; i++) {
          long r0 = System.nanoTime();
          double c0 = cpu();
          DatasetGraph fresh = DatasetGraphFactory.create();
          RDFParser.source(nq).lang(Lang.NQUADS).parse(fresh);
          TrackerServer.create().dataset(fresh).port(0).host("127.0.0.1").requestLog(null).messages(null).build();
          reloads[i] = (System.nanoTime() - r0) / 1e9;
          reloadCpus[i] = cpu() - c0;
          log("reload %d: %.1f s, %.1f CPU s", i + 1, reloads[i], reloadCpus[i]);
        }
        double reload = BenchHarness.median(reloads);
        double reloadCpu = BenchHarness.median(reloadCpus);
        String scale = String.format(Locale.ROOT, "%,d dossiers, %,d quads; 1%% change: %d dossiers left out, -%,d"
            + " +%,d quads", total, q1, total - left, o2.removed(), o2.added());
        String reloadWhat = "full reload of the new state (parse its N-Quads dump + TrackerServer build)"
            + (reloadRuns > 1 ? ", median of " + reloadRuns : ", one run");
        rows.add(row("patch apply on a replica (one write transaction + incremental state-sum check); " + scale,
            apply, "s", reloadWhat, reload));
        rows.add(row("replica lag: publish committed → replica serving the new state; " + scale, lag, "s",
            "full reload of the new state, as above", reload));
        rows.add(row("CPU time of the benchmark JVM during the lag (replica fetching and applying; less affected by"
            + " the other users of the machine than wall time)", lagCpu, "CPU s", "CPU time of the full reload",
            reloadCpu));
        rows.add(row(bootstrapA ? "replica A bootstrapped from the snapshot's dumps (parse the N-Quads, check, serve;"
            + " find its patch on the log, compute the state sum)" : String.format(Locale.ROOT, "snapshot apply on a"
            + " replica from the empty data set (%d records of at most %,d bytes of patch text, one write"
            + " transaction)", o1.records(), chunkBytes), snapshotApply, "s", "full reload of the new state, as above",
            reload));
        rows.add(row("publish of the 1% change (read the log back, diff, append; not on the replica's path)",
            publishPatch, "s", "publish of the snapshot (the whole data set)", publishSnapshot));

        // a's dumps of the new state (written in the background after the patch: not during the throughput)
        awaitDumps(aDumps, o2.header().id());
        // per-replica throughput: one replica, then two answering at once (b bootstrapped from a's dumps)
        double one = throughput(List.of(a.server()), trackers, connections, seconds)[0];
        t = System.nanoTime();
        b = replica(log, a.server().url() + "dumps/", "b", Files.createTempDirectory(work, "replica-b-"), quiet);
        FollowMode.Handle bb = b;
        await(() -> bb.replica().status().patchId().equals(o2.header().id()), Duration.ofMinutes(30));
        log("replica b bootstrapped from a's /dumps/ in %.2f s", (System.nanoTime() - t) / 1e9);
        double[] two = throughput(List.of(a.server(), b.server()), trackers, connections, seconds);
        rows.add(row(String.format(Locale.ROOT, "query throughput, 1 replica (%d connections, SPARQL lookup, result"
            + " cache off, %d s)", connections, seconds), one, "req/s", "-", Double.NaN));
        rows.add(row(String.format(Locale.ROOT, "query throughput per replica, 2 replicas on the same 2 cores (%d"
            + " connections each): %.0f and %.0f", connections, two[0], two[1]), (two[0] + two[1]) / 2, "req/s",
            "1 replica alone", one));
        rows.add(row("query throughput, 2 replicas together (the 2 cores are the cap: replicas, load generator and"
            + " broker share them)", two[0] + two[1], "req/s", "1 replica alone", one));
      } finally {
        a.close();
        if (b != null) {
          b.close();
        }
      }
    }
    String loadEnd = loadavg();
    System.out.println();
    System.out.printf("Load average %s at start, %s at end; %d cores.%n%n", loadStart, loadEnd,
        Runtime.getRuntime().availableProcessors());
    System.out.println("| section | what | ours | unit | baseline | baseline value | ratio |");
    System.out.println("| --- | --- | ---: | --- | --- | ---: | ---: |");
    rows.forEach(System.out::println);
  }

  /** v2: v1 without every 100th dossier (sorted by path): a 1% change. Returns how many dossiers v2 has. */
  private static int changed(Path v1, Path v2) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(v1)) {
      files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    if (Files.isDirectory(v2)) {
      org.trackerkg.base.AtomicFile.deleteRecursively(v2);
    }
    int kept = 0;
    for (int i = 0; i < files.size(); i++) {
      if (i % 100 != 50) {
        Path to = v2.resolve(v1.relativize(files.get(i)).toString());
        Files.createDirectories(to.getParent());
        Files.copy(files.get(i), to);
        kept++;
      }
    }
    return kept;
  }

  /** CPU seconds this JVM has used (all its threads). */
  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static void awaitDumps(Path dumps, String patchId) throws InterruptedException {
    Path record = dumps.resolve(org.trackerkg.store.replication.ReplicaDumps.RECORD);
    await(() -> {
      try {
        return Files.readString(record).contains(patchId);
      } catch (java.io.IOException e) {
        return false;
      }
    }, Duration.ofMinutes(60));
  }

  private static FollowMode.Handle replica(String log, String bootstrap, String name, Path dumps, PrintStream quiet)
      throws Exception {
    TrackerServer.Builder options = TrackerServer.create().port(0).host("127.0.0.1").requestLog(null)
        .messages(null).resultCache(0);
    return FollowMode.start(log, bootstrap, "bench-replica-" + name + "-" + System.nanoTime(), dumps, options,
        new PrintWriter(new StringWriter()), quiet);
  }

  /** Requests per second each server answered while all were loaded at once. */
  private static double[] throughput(List<TrackerServer> servers, List<String> trackers, int connections,
      int seconds) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong[] done = new AtomicLong[servers.size()];
    AtomicLong failed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long warmEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    long end = warmEnd + Duration.ofSeconds(seconds).toNanos();
    for (int s = 0; s < servers.size(); s++) {
      done[s] = new AtomicLong();
      String url = servers.get(s).url() + "sparql";
      AtomicLong counter = done[s];
      for (int c = 0; c < connections; c++) {
        int offset = c * 7919;
        Thread th = new Thread(() -> {
          int i = offset;
          while (System.nanoTime() < end) {
            String iri = trackers.get(Math.floorMod(i++, trackers.size()));
            String q = "SELECT ?l WHERE { <" + iri + "> <" + Vocab.RDFS + "label> ?l }";
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build();
            try {
              HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
              if (System.nanoTime() > warmEnd && System.nanoTime() < end) {
                (r.statusCode() == 200 ? counter : failed).incrementAndGet();
              }
            } catch (Exception e) {
              failed.incrementAndGet();
            }
          }
        });
        th.start();
        threads.add(th);
      }
    }
    for (Thread th : threads) {
      th.join();
    }
    if (failed.get() > 0) {
      log("%d requests failed", failed.get());
    }
    double[] rps = new double[servers.size()];
    for (int s = 0; s < rps.length; s++) {
      rps[s] = done[s].get() / (double) seconds;
    }
    log("throughput with %d replica(s): %s req/s", servers.size(), java.util.Arrays.toString(rps));
    return rps;
  }

  private static List<String> trackers(DatasetGraph d) {
    TreeSet<String> out = new TreeSet<>();
    d.find(Node.ANY, Node.ANY, Vocab.type, TKG.Tracker.asNode()).forEachRemaining(q -> {
      if (q.getSubject().isURI()) {
        out.add(q.getSubject().getURI());
      }
    });
    return List.copyOf(out);
  }

  private static long count(DatasetGraph d) {
    long[] n = {0};
    d.find().forEachRemaining(q -> n[0]++);
    return n[0];
  }

  private static String row(String what, double ours, String unit, String baseline, double base) {
    double ratio = Double.isNaN(base) ? Double.NaN : ours / base;
    return "| replication | " + what + " | " + BenchHarness.fmt(ours) + " | " + unit + " | " + baseline + " | "
        + BenchHarness.fmt(base) + " | " + (Double.isNaN(ratio) ? "" : BenchHarness.fmt(ratio) + "×") + " |";
  }

  private static void await(BooleanSupplier condition, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + max);
      }
      Thread.sleep(5);
    }
  }

  private static String loadavg() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0] + " "
          + Files.readString(Path.of("/proc/loadavg")).strip().split(" ")[1] + " "
          + Files.readString(Path.of("/proc/loadavg")).strip().split(" ")[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static void log(String fmt, Object... args) {
    BenchHarness.log(fmt, args);
  }
}
