package org.trackerkg.publish;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.trackerkg.publish.PatchLog.Address;
import org.trackerkg.publish.PatchLog.PatchHeader;

/**
 * Appends the change from the last published state to a new one as one record of the patch log. The last published
 * state is read back from the log itself (every patch applied in order, each checked against its header's hash), so
 * a publisher keeps nothing between runs and two machines can publish in turn.
 *
 * <p>Exactly once: the producer is idempotent and transactional, with one transactional id per topic. It registers
 * before it reads the log, which fences any earlier publisher of the same topic still running (its transaction is
 * aborted, and readers never see it), so the patch appended always follows the last committed one.
 */
public final class Publisher {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private Publisher() {}

  /** What a publish did: appended a patch (with its headers, offset and size), or nothing (no change). */
  public record Outcome(boolean appended, PatchHeader header, long offset, int removed, int added, int records) {}

  /**
   * Publishes {@code next} (validated already) to the log: a snapshot patch when the log is empty, else the patch
   * from the last published state, or nothing when the state is the same.
   */
  public static Outcome publish(Address a, DatasetGraph next, String base, String build) throws InterruptedException {
    try (Admin admin = Admin.create(PatchLog.adminConfig(a))) {
      PatchLog.ensureTopic(admin, a.topic());
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        PatchLog.producerConfig(a, "tkg-publish-" + a.topic()))) {
      producer.initTransactions();  // fences an earlier publisher of this topic before the log is read
      DatasetGraph last = DatasetGraphFactory.createTxnMem();
      PatchHeader lastHeader = replay(a, last);
      String previous = lastHeader == null ? "" : lastHeader.id();
      GraphDiff diff = GraphDiff.computeQuads(last, next);
      if (diff.isEmpty()) {
        return new Outcome(false, lastHeader, -1, 0, 0, 0);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      diff.writePatch(bytes);
      byte[] patch = bytes.toByteArray();
      PatchHeader h = new PatchHeader(PatchLog.patchId(previous, patch), previous, PatchLog.stateHash(next), base,
          build);
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(a.topic(), 0, h.id(), patch);
      h.writeTo(record.headers());
      producer.beginTransaction();
      RecordMetadata md;
      try {
        md = producer.send(record).get();
        producer.commitTransaction();
      } catch (java.util.concurrent.ExecutionException e) {
        producer.abortTransaction();
        throw new IllegalStateException(a + ": the patch was not appended: " + e.getCause().getMessage(), e);
      }
      return new Outcome(true, h, md.offset(), diff.removed().size(), diff.added().size(), 1);
    }
  }

  /**
   * The last published state, rebuilt into {@code into} from the log; its header, or null when the log is empty.
   * A log that does not chain (a patch not following the one before) or whose state differs from a header's hash is
   * refused: publishing after it would only spread the damage.
   */
  static PatchHeader replay(Address a, DatasetGraph into) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(PatchLog.consumerConfig(a, null))) {
      List<ConsumerRecord<String, byte[]>> records = PatchLog.readAll(consumer, a, PATIENCE);
      PatchHeader last = null;
      for (ConsumerRecord<String, byte[]> r : records) {
        PatchHeader h = PatchHeader.of(r);
        String expected = last == null ? "" : last.id();
        if (!h.previous().equals(expected)) {
          throw new IllegalStateException(a + " offset " + r.offset() + ": patch " + h.id() + " follows '"
              + h.previous() + "', not the patch before it ('" + expected + "'): the log is broken");
        }
        RDFPatchOps.applyChange(into, PatchLog.readPatch(r.value()));
        last = h;
      }
      if (last != null) {
        String hash = org.apache.jena.system.Txn.calculateRead(into, () -> PatchLog.stateHash(into));
        if (!hash.equals(last.sha256())) {
          throw new IllegalStateException(a + ": the log's patches give a state whose SHA-256 is " + hash
              + ", not the " + last.sha256() + " its last patch (" + last.id() + ") announces");
        }
      }
      return last;
    }
  }
}
