package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trackerkg.cli.ReplicationTest.await;
import static org.trackerkg.cli.ReplicationTest.corpus;
import static org.trackerkg.cli.ReplicationTest.endOffset;
import static org.trackerkg.cli.ReplicationTest.replica;
import static org.trackerkg.cli.ReplicationTest.sameAnswers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.trackerkg.publish.StateSum;
import org.trackerkg.store.replication.KafkaBroker;
import org.trackerkg.store.replication.Replica;
import org.trackerkg.vocab.Iris;

/**
 * Patches split over several records, over a real Kafka broker (a KRaft node in a child JVM): {@code tkg publish
 * --chunk-size} small enough that the snapshot of four profiles takes many records; replicas apply it and the next
 * patch and answer as a fresh serve; a split patch with a chunk missing, or whose state sum does not match, stops the
 * replica with a clear message and nothing of it kept.
 */
@Tag("slow")
class SplitPatchReplicationTest {
  static final int CHUNK = 16_384;
  static final Node S = NodeFactory.createURI("http://example.org/s");
  static final Node P = NodeFactory.createURI("http://example.org/p");
  static final Node G = NodeFactory.createURI("http://example.org/g");

  @Test
  void splitPatchesAreAppliedWholeOrNotAtAll(@TempDir Path tmp) throws Exception {
    long t0 = System.nanoTime();
    Path v1 = corpus(tmp.resolve("v1"), List.of("AppsFlyer.md", "AppNexus.md", "Appodeal.md", "Actv8.md"));
    Path v2 = corpus(tmp.resolve("v2"), List.of("AppsFlyer.md", "AppNexus.md", "Appodeal.md", "AccountKit.md"));
    try (KafkaBroker broker = new KafkaBroker(tmp.resolve("kafka"))) {
      String log = "kafka://" + broker.bootstrap() + "/split";
      PatchLog.Address address = PatchLog.Address.parse(log);
      try (FollowMode.Handle a = replica(log, null, "split-a", tmp.resolve("a-dumps"))) {
        String[] first = publish(v1, log);
        assertEquals(0, Integer.parseInt(first[0]), first[1]);
        assertTrue(first[1].contains("split over"), first[1]);
        PatchHeader h1 = PatchHeader.of(last(address, 0));
        List<ConsumerRecord<String, byte[]>> records = records(address);
        assertTrue(records.size() > 5, "the snapshot takes many records: " + records.size());
        await(() -> a.replica().status().patchId().equals(h1.id()), "replica a applies the split snapshot");
        assertEquals(h1.sha256(), a.server().data().read(() -> PatchLog.stateHash(a.server().dataset())));
        assertEquals(h1.stateSum(), a.server().data().read(() -> StateSum.of(a.server().dataset()).hex()));

        long before = endOffset(address);
        String[] second = publish(v2, log);
        assertEquals(0, Integer.parseInt(second[0]), second[1]);
        PatchHeader h2 = PatchHeader.of(last(address, before));
        assertEquals(h1.id(), h2.previous());
        await(() -> a.replica().status().patchId().equals(h2.id()), "replica a applies the change");
        assertEquals(h2.sha256(), a.server().data().read(() -> PatchLog.stateHash(a.server().dataset())));
        assertEquals(h2.sha256(), PatchLog.stateHash(Pipeline.load(List.of(v2), Iris.DEFAULT_BASE).dataset()));
        sameAnswers(v2, a.server());

        // a replica from the empty data set reads both from the log's start; a publish without change: nothing
        try (FollowMode.Handle b = replica(log, null, "split-b", tmp.resolve("b-dumps"))) {
          await(() -> b.replica().status().patchId().equals(h2.id()), "replica b reads the whole log");
          assertEquals(h2.sha256(), b.server().data().read(() -> PatchLog.stateHash(b.server().dataset())));
        }
        long end = endOffset(address);
        assertTrue(publish(v2, log)[1].contains("nothing to publish"));
        assertEquals(end, endOffset(address));

        // a split patch with its second chunk missing: following stops there, nothing of the first chunk kept
        PatchHeader broken = new PatchHeader("missing-chunk", h2.id(), h2.sha256(), Iris.DEFAULT_BASE, "test",
            StateSum.EMPTY);
        List<ProducerRecord<String, byte[]>> pieces = new ArrayList<>(PatchLog.records(address.topic(), broken,
            List.of(chunk("one"), chunk("two"), chunk("three"))));
        pieces.remove(2);
        append(address, pieces);
        await(() -> !a.replica().status().following(), "replica a stops at the missing chunk");
        String problem = a.replica().status().problem();
        assertTrue(problem.contains("chunk 3 of patch missing-chunk where chunk 2 of 3 was expected: chunks missing"
            + " or out of order"), problem);
        assertEquals(h2.id(), a.replica().status().patchId());
        assertEquals(h2.sha256(), a.server().data().read(() -> PatchLog.stateHash(a.server().dataset())),
            "nothing of the first chunk is kept");
        assertFalse(a.server().data().read(() -> a.server().dataset().contains(G, S, P, Node.ANY)));
        assertTrue(ReplicationTest.get(a.server(), "$/ping").contains("replication: stopped"));
      }

      // a split patch whose chunks all came, but whose state sum is not the data's: refused at its end record
      String log2 = "kafka://" + broker.bootstrap() + "/split-2";
      PatchLog.Address address2 = PatchLog.Address.parse(log2);
      assertEquals(0, Integer.parseInt(publish(v1, log2)[0]));
      PatchHeader g = PatchHeader.of(last(address2, 0));
      append(address2, PatchLog.records(address2.topic(), new PatchHeader("wrong-sum", g.id(), g.sha256(),
          Iris.DEFAULT_BASE, "test", g.stateSum()), List.of(chunk("one"), chunk("two"))));
      try (FollowMode.Handle c = replica(log2, null, "split-c", tmp.resolve("c-dumps"))) {
        await(() -> !c.replica().status().following(), "replica c stops at the patch with a wrong sum");
        String problem = c.replica().status().problem();
        assertTrue(problem.contains("end of patch wrong-sum not applied (nothing of it kept): the data after it"
            + " would have the state sum"), problem);
        assertEquals(Replica.State.STOPPED, c.replica().status().state());
        assertEquals(g.id(), c.replica().status().patchId());
        assertEquals(g.sha256(), c.server().data().read(() -> PatchLog.stateHash(c.server().dataset())));
      }
    }
    System.out.printf("SplitPatchReplicationTest: %d ms in all%n", (System.nanoTime() - t0) / 1_000_000);
  }

  /** A chunk adding one quad (an RDF Patch of its own, as the publisher writes them). */
  static byte[] chunk(String o) {
    return ("TX .\nA <" + S.getURI() + "> <" + P.getURI() + "> \"" + o + "\" <" + G.getURI() + "> .\nTC .\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Runs {@code tkg publish --chunk-size}: exit code and what it printed. */
  static String[] publish(Path input, String log) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("publish", input.toString(),
        "--to", log, "--chunk-size", Integer.toString(CHUNK));
    System.out.println("SplitPatchReplicationTest: publish " + input.getFileName() + ": " + out + err);
    return new String[] {Integer.toString(code), out + "\n" + err};
  }

  static List<ConsumerRecord<String, byte[]>> records(PatchLog.Address a) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(PatchLog.consumerConfig(a, null))) {
      return PatchLog.readAll(c, a, ReplicationTest.WAIT);
    }
  }

  /** The last record, once the log has one at or after {@code from} (commit markers arrive a little later). */
  static ConsumerRecord<String, byte[]> last(PatchLog.Address a, long from) throws InterruptedException {
    while (true) {
      List<ConsumerRecord<String, byte[]>> all = records(a);
      if (!all.isEmpty() && all.get(all.size() - 1).offset() >= from) {
        return all.get(all.size() - 1);
      }
      Thread.sleep(100);
    }
  }

  /** Appends records as a broken publisher would (a plain producer, in the order given). */
  static void append(PatchLog.Address a, List<ProducerRecord<String, byte[]>> records) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a.bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(r).get();
      }
    }
  }
}
