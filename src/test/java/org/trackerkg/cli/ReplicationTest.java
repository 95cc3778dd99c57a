package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.publish.PatchLog.PatchHeader;
import org.trackerkg.query.QueryCatalogue;
import org.trackerkg.query.QueryParam;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.store.replication.KafkaBroker;
import org.trackerkg.store.replication.Replica;
import org.trackerkg.store.replication.ReplicaDumps;
import org.trackerkg.vocab.Iris;

/**
 * Read replicas over a real Kafka broker (a KRaft node in a child JVM): {@code tkg publish} of a corpus and of a
 * changed corpus, two replicas (one from the empty data set, one bootstrapped from the other's /dumps/ URL) that end
 * exactly as a fresh serve of the new input, a publish without change appending nothing, the broker stopped and
 * started during follow, and damaged or out-of-order patches that stop a replica with nothing of them applied.
 */
@Tag("slow")
class ReplicationTest {
  static final Duration WAIT = Duration.ofSeconds(120);
  static final Path PROFILES = Path.of("data/sources/yale-tracker-profiles");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void replicasFollowThePatchLog(@TempDir Path tmp) throws Exception {
    long t0 = System.nanoTime();
    Path v1 = corpus(tmp.resolve("v1"), List.of("AppsFlyer.md", "AppNexus.md", "Appodeal.md", "Actv8.md"));
    Path v2 = corpus(tmp.resolve("v2"), List.of("AppsFlyer.md", "AppNexus.md", "Appodeal.md", "AccountKit.md"));
    try (KafkaBroker broker = new KafkaBroker(tmp.resolve("kafka"))) {
      System.out.printf("ReplicationTest: broker up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      String log = "kafka://" + broker.bootstrap() + "/tracker-kg";
      PatchLog.Address address = PatchLog.Address.parse(log);

      // a replica from the empty data set, before anything is published
      FollowMode.Handle a = replica(log, null, "a", tmp.resolve("a-dumps"));
      FollowMode.Handle b = null;
      try {
        String[] first = publish(v1, log);
        assertEquals(0, Integer.parseInt(first[0]), first[1]);
        assertTrue(first[1].contains("snapshot"), first[1]);
        PatchHeader h1 = lastHeader(address, 1);
        await(() -> a.replica().status().patchId().equals(h1.id()), "replica a applies the snapshot");
        await(() -> Files.exists(tmp.resolve("a-dumps/" + ReplicaDumps.RECORD)), "replica a writes its dumps");
        String served = get(a.server(), "dumps/" + ReplicaDumps.RECORD);
        assertTrue(served.contains("\"patch\" : \"" + h1.id() + "\"") && served.contains(h1.sha256()), served);

        // a second replica bootstrapped from the first one's /dumps/ over HTTP: it starts at the recorded patch
        b = replica(log, a.server().url() + "dumps/", "b", tmp.resolve("b-dumps"));
        FollowMode.Handle bb = b;
        assertEquals(h1.id(), b.replica().status().patchId(), "b starts at the patch a's dumps record");
        assertEquals(h1.sha256(), b.server().data().read(() -> PatchLog.stateHash(bb.server().dataset())));
        await(() -> Files.exists(tmp.resolve("b-dumps/" + ReplicaDumps.RECORD)),
            "replica b writes its own dumps at once (to bootstrap the next)");

        // a third from a folder: the dumps `tkg publish --dumps` wrote of the state it published
        Path published = tmp.resolve("published-dumps");
        String[] republished = publishWithDumps(v1, log, published);
        assertEquals(0, Integer.parseInt(republished[0]), republished[1]);
        assertTrue(republished[1].contains("nothing to publish"), republished[1]);
        try (FollowMode.Handle f = replica(log, published.toString(), "f", tmp.resolve("f-dumps"))) {
          assertEquals(h1.id(), f.replica().status().patchId());
          await(() -> f.replica().status().state() == Replica.State.FOLLOWING, "replica f finds its patch and follows");
        }
        // damaged bootstrap dumps: refused with a clear message, nothing served
        Files.writeString(published.resolve("tracker-kg.nq"), "\n", java.nio.file.StandardOpenOption.APPEND);
        var refused = assertThrows(UsageException.class,
            () -> replica(log, published.toString(), "g", tmp.resolve("g-dumps")));
        assertTrue(refused.getMessage().contains("hashes to"), refused.getMessage());

        String[] second = publish(v2, log);
        assertEquals(0, Integer.parseInt(second[0]), second[1]);
        PatchHeader h2 = lastHeader(address, 2);
        assertEquals(h1.id(), h2.previous());
        for (FollowMode.Handle r : List.of(a, bb)) {
          await(() -> r.replica().status().patchId().equals(h2.id()), "a replica applies the change");
          assertEquals(h2.sha256(), r.server().data().read(() -> PatchLog.stateHash(r.server().dataset())));
          assertTrue(get(r.server(), "$/replication").contains("\"patchId\":\"" + h2.id() + "\""));
          assertTrue(get(r.server(), "$/metrics").matches("(?s).*\\ntkg_replication_following\\{[^}]*\\} 1\\.0\\n.*"));
        }
        assertEquals(h2.sha256(), PatchLog.stateHash(Pipeline.load(List.of(v2), Iris.DEFAULT_BASE).dataset()));
        sameAnswers(v2, a.server(), bb.server());

        // unchanged input: nothing appended
        long end = endOffset(address);
        String[] again = publish(v2, log);
        assertEquals(0, Integer.parseInt(again[0]), again[1]);
        assertTrue(again[1].contains("nothing to publish"), again[1]);
        assertEquals(end, endOffset(address));

        // the broker goes away during follow and comes back: the replica resumes
        long t1 = System.nanoTime();
        broker.stop();
        Thread.sleep(2000);
        assertTrue(a.replica().status().following());
        broker.start();
        String[] back = publish(v1, log);
        assertEquals(0, Integer.parseInt(back[0]), back[1]);
        PatchHeader h3 = lastHeader(address, 3);
        await(() -> a.replica().status().patchId().equals(h3.id()), "replica a resumes after the broker restart");
        assertEquals(h3.sha256(), a.server().data().read(() -> PatchLog.stateHash(a.server().dataset())));
        System.out.printf("ReplicationTest: broker restart and resume in %d ms%n",
            (System.nanoTime() - t1) / 1_000_000);

        // a damaged patch, then one out of order: following stops, nothing of either applied
        append(address, new PatchHeader("damaged", h3.id(), h2.sha256(), Iris.DEFAULT_BASE, "test"),
            "TX .\nA <http://example.org/s> <http://example.org/p> \"unterminated .\nTC .\n");
        await(() -> !a.replica().status().following(), "replica a stops at the damaged patch");
        assertTrue(a.replica().status().problem().contains("damaged"), a.replica().status().problem());
        assertEquals(h3.id(), a.replica().status().patchId());
        assertEquals(h3.sha256(), a.server().data().read(() -> PatchLog.stateHash(a.server().dataset())));
        String ping = get(a.server(), "$/ping");
        assertTrue(ping.contains("replication: stopped"), ping);
        assertTrue(get(a.server(), "$/metrics").matches("(?s).*\\ntkg_replication_following\\{[^}]*\\} 0\\.0\\n.*"));
        await(() -> !bb.replica().status().following(), "replica b stops at the damaged patch");
        assertEquals(Replica.State.STOPPED, bb.replica().status().state());
      } finally {
        a.close();
        if (b != null) {
          b.close();
        }
      }

      // out of order: a patch that does not follow the replica's, and a hash that does not match
      String log2 = "kafka://" + broker.bootstrap() + "/tracker-kg-2";
      PatchLog.Address address2 = PatchLog.Address.parse(log2);
      assertEquals(0, Integer.parseInt(publish(v1, log2)[0]));
      PatchHeader h = lastHeader(address2, 1);
      append(address2, new PatchHeader("wrong-hash", h.id(), h.sha256(), Iris.DEFAULT_BASE, "test"),
          "TX .\nA <http://example.org/s> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\nTC .\n");
      try (FollowMode.Handle c = replica(log2, null, "c", tmp.resolve("c-dumps"))) {
        await(() -> !c.replica().status().following(), "replica c stops at the patch with a wrong hash");
        assertTrue(c.replica().status().problem().contains("hash"), c.replica().status().problem());
        assertEquals(h.id(), c.replica().status().patchId());
        assertEquals(h.sha256(), c.server().data().read(() -> PatchLog.stateHash(c.server().dataset())),
            "nothing of the refused patch is kept");
      }
      String log3 = "kafka://" + broker.bootstrap() + "/tracker-kg-3";
      PatchLog.Address address3 = PatchLog.Address.parse(log3);
      assertEquals(0, Integer.parseInt(publish(v1, log3)[0]));
      PatchHeader g = lastHeader(address3, 1);
      append(address3, new PatchHeader("out-of-order", "some-other-patch", g.sha256(), Iris.DEFAULT_BASE, "test"),
          "TX .\nTC .\n");
      try (FollowMode.Handle d = replica(log3, null, "d", tmp.resolve("d-dumps"))) {
        await(() -> !d.replica().status().following(), "replica d stops at the patch out of order");
        assertTrue(d.replica().status().problem().contains("out of order"), d.replica().status().problem());
        assertEquals(g.id(), d.replica().status().patchId());
      }

      // kill -9 a replica (a child JVM) while it applies a patch, restart it: it ends at the same state
      String log4 = "kafka://" + broker.bootstrap() + "/tracker-kg-4";
      PatchLog.Address address4 = PatchLog.Address.parse(log4);
      assertEquals(0, Integer.parseInt(publish(v1, log4)[0]));
      assertEquals(0, Integer.parseInt(publish(v2, log4)[0]));
      PatchHeader last = lastHeader(address4, 2);
      Path dumps = tmp.resolve("e-dumps");
      Files.createDirectories(dumps);
      Path childLog = tmp.resolve("child.log");
      Process child = serveChild(log4, dumps, childLog);
      try {
        await(() -> {
          try {
            return Files.readString(childLog).contains("applying offset");
          } catch (java.io.IOException e) {
            return false;
          }
        }, "the child replica starts applying a patch");
        child.destroyForcibly();
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        System.out.println("ReplicationTest: killed the replica while:\n" + Files.readString(childLog).lines()
            .filter(l -> l.contains("replica:")).collect(Collectors.joining("\n")));
        Path childLog2 = tmp.resolve("child2.log");
        child = serveChild(log4, dumps, childLog2);
        Process c2 = child;
        await(() -> {
          try {
            return Files.exists(dumps.resolve(ReplicaDumps.RECORD))
                && Files.readString(dumps.resolve(ReplicaDumps.RECORD)).contains("\"" + last.id() + "\"");
          } catch (java.io.IOException | RuntimeException e) {
            return false;
          }
        }, "the restarted replica reaches the last patch and writes its dumps");
        assertTrue(c2.isAlive());
        assertEquals(last.sha256(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dumps.resolve("tracker-kg.nq")))), "the dump of its state hashes as published");
      } finally {
        child.destroyForcibly();
        child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
    System.out.printf("ReplicationTest: %d ms in all%n", (System.nanoTime() - t0) / 1_000_000);
  }

  static Process serveChild(String log, Path dumps, Path out) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--follow", log, "--port", "0", "--dumps", dumps.toString(), "--group",
        "test-replica-e").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .start();
  }

  static Path corpus(Path dir, List<String> files) throws Exception {
    Files.createDirectories(dir);
    for (String f : files) {
      Files.copy(PROFILES.resolve(f), dir.resolve(f));
    }
    return dir;
  }

  static FollowMode.Handle replica(String log, String bootstrap, String name, Path dumps) throws Exception {
    Files.createDirectories(dumps);
    TrackerServer.Builder options = TrackerServer.create().port(0).host("127.0.0.1").requestLog(null)
        .messages(null);
    return FollowMode.start(log, bootstrap, "test-replica-" + name, dumps, options,
        new PrintWriter(new StringWriter()), new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Runs {@code tkg publish --dumps DIR}: exit code and what it printed. */
  static String[] publishWithDumps(Path input, String log, Path dumps) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("publish", input.toString(),
        "--to", log, "--dumps", dumps.toString());
    return new String[] {Integer.toString(code), out + "\n" + err};
  }

  /** Runs {@code tkg publish}: exit code and what it printed. */
  static String[] publish(Path input, String log) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("publish", input.toString(),
        "--to", log);
    System.out.println("ReplicationTest: publish " + input.getFileName() + ": " + out + err);
    return new String[] {Integer.toString(code), out + "\n" + err};
  }

  /**
   * The header of the {@code n}th record, once the log has it: the commit markers of a transaction reach the
   * partition shortly after {@code commitTransaction} returns, and only then do {@code read_committed} readers see it.
   */
  static PatchHeader lastHeader(PatchLog.Address a, int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(PatchLog.consumerConfig(a, null))) {
        var all = PatchLog.readAll(c, a, WAIT);
        if (all.size() >= n) {
          return PatchHeader.of(all.get(n - 1));
        }
      }
      if (System.nanoTime() > deadline) {
        fail("the log " + a + " has fewer than " + n + " records");
      }
      Thread.sleep(100);
    }
  }

  static long endOffset(PatchLog.Address a) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(PatchLog.consumerConfig(a, null))) {
      return c.endOffsets(List.of(a.partition()), WAIT).get(a.partition());
    }
  }

  /** Appends a record as a broken or hostile publisher would (a plain producer, headers as given). */
  static void append(PatchLog.Address a, PatchHeader h, String body) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a.bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      ProducerRecord<String, byte[]> r = new ProducerRecord<>(a.topic(), 0, h.id(),
          body.getBytes(StandardCharsets.UTF_8));
      h.writeTo(r.headers());
      producer.send(r).get();
    }
  }

  /** Every canned query answers the same on each replica as on a fresh serve of {@code input}. */
  static void sameAnswers(Path input, TrackerServer... replicas) throws Exception {
    TrackerServer fresh = TrackerServer.create().dataset(Pipeline.load(List.of(input), Iris.DEFAULT_BASE).dataset())
        .port(0).host("127.0.0.1").requestLog(null).messages(null).build().start();
    try {
      int n = 0;
      for (QueryCatalogue.Entry e : QueryCatalogue.load().list()) {
        StringBuilder path = new StringBuilder("queries/" + e.name() + "?format=csv");
        for (QueryParam p : e.params()) {
          path.append('&').append(p.name()).append('=').append(URLEncoder.encode("appsflyer", StandardCharsets.UTF_8));
        }
        HttpResponse<String> expected = send(fresh, path.toString());
        for (TrackerServer r : replicas) {
          HttpResponse<String> actual = send(r, path.toString());
          assertEquals(expected.statusCode(), actual.statusCode(), e.name());
          assertEquals(sorted(expected.body()), sorted(actual.body()), e.name());
        }
        n++;
      }
      assertTrue(n > 5, "canned queries compared: " + n);
      for (TrackerServer r : replicas) {
        assertEquals(send(fresh, "").body().length() > 0, true);
        assertEquals(fresh.data().trackers(), r.data().trackers(), "the landing page's tracker list");
      }
    } finally {
      fresh.stop();
    }
  }

  /**
   * The rows in order, and within a cell the names a GROUP_CONCAT joined with " | " in order: SPARQL leaves the
   * order of GROUP_CONCAT to the store's iteration order, which differs between a fresh load and a patched dataset
   * holding the very same quads (dpv-summary).
   */
  static String sorted(String body) {
    return body.lines().map(l -> java.util.Arrays.stream(l.split(",", -1))
        .map(c -> java.util.Arrays.stream(c.split(" \\| ")).sorted().collect(Collectors.joining(" | ")))
        .collect(Collectors.joining(","))).sorted().collect(Collectors.joining("\n"));
  }

  static HttpResponse<String> send(TrackerServer s, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + path)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String get(TrackerServer s, String path) throws Exception {
    HttpResponse<String> r = send(s, path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return r.body();
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + WAIT + ": " + what);
      }
      Thread.sleep(50);
    }
  }

}
