package org.trackerkg.publish;

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
   * from the last published state, or nothing when the state is the same. A patch of more than
   * {@link PatchLog#DEFAULT_CHUNK_BYTES} is split into chunks.
   */
  public static Outcome publish(Address a, DatasetGraph next, String base, String build) throws InterruptedException {
    return publish(a, next, base, build, PatchLog.DEFAULT_CHUNK_BYTES);
  }

  /** As above, splitting a patch into chunks of about {@code chunkBytes} of patch text. */
  public static Outcome publish(Address a, DatasetGraph next, String base, String build, int chunkBytes)
      throws InterruptedException {
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
      last = null;  // the heap holds both states until here
      if (diff.isEmpty()) {
        return new Outcome(false, lastHeader, -1, 0, 0, 0);
      }
      List<byte[]> chunks = diff.patchChunks(chunkBytes);
      PatchHeader h = new PatchHeader(PatchLog.patchId(previous, chunks), previous, PatchLog.stateHash(next), base,
          build, StateSum.of(next).hex());
      List<ProducerRecord<String, byte[]>> records = PatchLog.records(a.topic(), h, chunks);
      chunks = null;
      producer.beginTransaction();
      long offset = -1;
      try {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
          sent.add(producer.send(records.get(i)));
          records.set(i, null);  // the producer holds it until sent
        }
        for (var f : sent) {
          offset = f.get().offset();
        }
        producer.commitTransaction();
      } catch (java.util.concurrent.ExecutionException e) {
        producer.abortTransaction();
        throw new IllegalStateException(a + ": the patch was not appended: " + e.getCause().getMessage(), e);
      }
      return new Outcome(true, h, offset, diff.removed().size(), diff.added().size(), records.size());
    }
  }

  /**
   * The last published state, rebuilt into {@code into} from the log; its header, or null when the log is empty.
   * A log that does not chain (a patch not following the one before, a split patch with chunks missing) or whose
   * state differs from a header's hash is refused: publishing after it would only spread the damage.
   */
  static PatchHeader replay(Address a, DatasetGraph into) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(PatchLog.consumerConfig(a, null))) {
      PatchLog.Assembler pieces = new PatchLog.Assembler();
      PatchHeader[] last = {null};
      PatchLog.forEach(consumer, a, PATIENCE, r -> {
        PatchLog.Piece p;
        try {
          p = pieces.next(r);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(a + " " + e.getMessage() + ": the log is broken", e);
        }
        String expected = last[0] == null ? "" : last[0].id();
        if (p.starts() && !p.header().previous().equals(expected)) {
          throw new IllegalStateException(a + " offset " + r.offset() + ": patch " + p.header().id() + " follows '"
              + p.header().previous() + "', not the patch before it ('" + expected + "'): the log is broken");
        }
        if (p.body().length > 0) {
          RDFPatchOps.applyChange(into, PatchLog.readPatch(p.body()));
        }
        if (p.completes()) {
          last[0] = p.header();
        }
      });
      if (pieces.inPatch()) {
        throw new IllegalStateException(a + ": the log ends inside a split patch (its end record is missing)");
      }
      PatchHeader h = last[0];
      if (h != null) {
        boolean sum = !h.stateSum().isEmpty();
        String hash = org.apache.jena.system.Txn.calculateRead(into,
            () -> sum ? StateSum.of(into).hex() : PatchLog.stateHash(into));
        if (!hash.equals(sum ? h.stateSum() : h.sha256())) {
          throw new IllegalStateException(a + ": the log's patches give a state whose " + (sum ? "state sum" : "SHA-256")
              + " is " + hash + ", not the " + (sum ? h.stateSum() : h.sha256()) + " its last patch (" + h.id()
              + ") announces");
        }
      }
      return h;
    }
  }
}
