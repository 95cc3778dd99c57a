package org.trackerkg.publish;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.trackerkg.base.Hashes;

/**
 * The patch log: a Kafka topic of one partition (so the order is total) where each record is one RDF Patch (text
 * form, one transaction) that turns the previous published state into the next. Its headers name the patch, the one
 * it follows, and the state it gives: {@value #ID}, {@value #PREVIOUS} (empty for the first, a full snapshot),
 * {@value #SHA256} (of the resulting sorted N-Quads, see {@link #stateHash}), {@value #STATE_SUM} (the same state's
 * order-independent {@link StateSum}, which a replica checks in O(change)), {@value #BASE} and {@value #BUILD}.
 *
 * <p>A patch larger than a record (a snapshot of a big corpus) is split: a begin record, N chunk records and an end
 * record, all in one Kafka transaction and all with the patch's headers, plus {@value #PART} ({@code begin},
 * {@code chunk}, {@code end}), {@value #CHUNK} (a chunk's index from 0) and {@value #CHUNKS} (on begin and end: how
 * many chunks). Each chunk is an RDF Patch of its own ({@code TX … TC}); the patch is their concatenation and its id
 * is computed over it as for one record. A record without {@value #PART} is a whole patch. Readers use
 * {@link Assembler} to check that the pieces come complete and in order. Written by {@code tkg publish}, read by
 * {@code tkg serve --follow}.
 */
public final class PatchLog {
  public static final String ID = "tkg-patch-id";
  public static final String PREVIOUS = "tkg-previous-id";
  public static final String SHA256 = "tkg-sha256";
  public static final String BASE = "tkg-base";
  public static final String BUILD = "tkg-build";
  public static final String STATE_SUM = "tkg-state-sum";
  public static final String PART = "tkg-part";
  public static final String CHUNK = "tkg-chunk";
  public static final String CHUNKS = "tkg-chunks";
  /** The largest patch a record may carry (the first, a snapshot, is the whole data set; records are compressed). */
  public static final int MAX_RECORD_BYTES = 256 << 20;
  /** The patch text a record carries before the patch is split into chunks (a chunk may pass it by one quad line). */
  public static final int DEFAULT_CHUNK_BYTES = 64 << 20;
  private static final Pattern ADDRESS = Pattern.compile("kafka://([^/\\s]+)/([A-Za-z0-9._-]{1,249})");

  private PatchLog() {}

  /** Where the log is: {@code kafka://BOOTSTRAP/TOPIC}, BOOTSTRAP a comma-separated list of host:port. */
  public record Address(String bootstrap, String topic) {
    public static Address parse(String uri) {
      Matcher m = ADDRESS.matcher(uri == null ? "" : uri.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a patch log address: '" + uri
            + "' (kafka://HOST:PORT[,HOST:PORT…]/TOPIC)");
      }
      return new Address(m.group(1), m.group(2));
    }

    public TopicPartition partition() {
      return new TopicPartition(topic, 0);
    }

    @Override
    public String toString() {
      return "kafka://" + bootstrap + "/" + topic;
    }
  }

  /**
   * One record's headers. {@code previous} is empty for the first patch (a snapshot from the empty data set);
   * {@code stateSum} is empty on records of publishers before it existed (readers then check {@code sha256}).
   */
  public record PatchHeader(String id, String previous, String sha256, String base, String build, String stateSum) {
    public PatchHeader(String id, String previous, String sha256, String base, String build) {
      this(id, previous, sha256, base, build, "");
    }

    public void writeTo(Headers h) {
      h.add(ID, bytes(id)).add(PREVIOUS, bytes(previous)).add(SHA256, bytes(sha256)).add(BASE, bytes(base))
          .add(BUILD, bytes(build));
      if (!stateSum.isEmpty()) {
        h.add(STATE_SUM, bytes(stateSum));
      }
    }

    /** The headers of a record; an exception naming the missing header when it is not a patch record. */
    public static PatchHeader of(ConsumerRecord<?, ?> r) {
      String sum = optional(r, STATE_SUM);
      return new PatchHeader(header(r, ID), header(r, PREVIOUS), header(r, SHA256), header(r, BASE),
          header(r, BUILD), sum == null ? "" : sum);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
      String v = optional(r, name);
      if (v == null) {
        throw new IllegalArgumentException("offset " + r.offset() + ": no " + name + " header: not a patch record");
      }
      return v;
    }
  }

  private static String optional(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** What a record is of its patch. */
  public enum Part { WHOLE, BEGIN, CHUNK, END }

  /**
   * One record of the log, placed in its patch by an {@link Assembler}: {@code index} is a chunk's index (0 for a
   * whole patch), {@code count} the number of chunks announced (1 for a whole patch), {@code body} the patch text
   * it carries (empty for begin and end).
   */
  public record Piece(Part part, PatchHeader header, int index, int count, byte[] body, long offset) {
    /** The record that completes its patch (a whole patch, or an end record). */
    public boolean completes() {
      return part == Part.WHOLE || part == Part.END;
    }

    /** The record that starts its patch (a whole patch, or a begin record). */
    public boolean starts() {
      return part == Part.WHOLE || part == Part.BEGIN;
    }

    public String where() {
      String what = switch (part) {
        case WHOLE -> "patch " + header.id();
        case BEGIN -> "begin of patch " + header.id() + " (" + count + " chunks)";
        case CHUNK -> "chunk " + (index + 1) + " of " + count + " of patch " + header.id();
        case END -> "end of patch " + header.id();
      };
      return "offset " + offset + ": " + what;
    }
  }

  /**
   * Reads the log's records as pieces of patches, checking that a split patch comes whole and in order: begin, its
   * chunks 0 … N-1, end, nothing of another patch in between. A record out of place is an exception whose message
   * says what is missing; a reader stops there (as at any gap).
   */
  public static final class Assembler {
    private PatchHeader open;
    private int count;
    private int next;

    /** The piece {@code r} is; IllegalArgumentException when it is not a patch record or is out of place. */
    public Piece next(ConsumerRecord<?, byte[]> r) {
      PatchHeader h = PatchHeader.of(r);
      String partName = optional(r, PART);
      Part part;
      try {
        part = partName == null ? Part.WHOLE : Part.valueOf(partName.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("offset " + r.offset() + ": patch " + h.id() + ": unknown " + PART
            + " '" + partName + "'");
      }
      int index = part == Part.CHUNK ? number(r, CHUNK) : 0;
      int announced = part == Part.BEGIN || part == Part.END ? number(r, CHUNKS) : part == Part.WHOLE ? 1 : count;
      byte[] body = r.value() == null ? new byte[0] : r.value();
      String at = "offset " + r.offset() + ": ";
      if (open == null) {
        if (part == Part.CHUNK || part == Part.END) {
          throw new IllegalArgumentException(at + (part == Part.CHUNK ? "chunk " + (index + 1) : "the end")
              + " of patch " + h.id() + " without its begin record: the patch's start is missing or out of order");
        }
        if (part == Part.BEGIN) {
          if (announced < 1) {
            throw new IllegalArgumentException(at + "patch " + h.id() + " announces " + announced + " chunks");
          }
          open = h;
          count = announced;
          next = 0;
        }
        return new Piece(part, h, index, announced, body, r.offset());
      }
      if (part == Part.WHOLE || part == Part.BEGIN || !h.id().equals(open.id())) {
        throw new IllegalArgumentException(at + "patch " + h.id() + " (" + part.name().toLowerCase(java.util.Locale.ROOT)
            + ") where chunk " + (next + 1) + " of " + count + " of patch " + open.id()
            + " was expected: chunks missing or out of order");
      }
      if (part == Part.CHUNK) {
        if (index != next || index >= count) {
          throw new IllegalArgumentException(at + "chunk " + (index + 1) + " of patch " + h.id() + " where chunk "
              + (next + 1) + " of " + count + " was expected: chunks missing or out of order");
        }
        next++;
        return new Piece(part, open, index, count, body, r.offset());
      }
      if (announced != count || next != count) {
        throw new IllegalArgumentException(at + "the end of patch " + h.id() + " after " + next + " chunks, but "
            + count + " were announced" + (announced != count ? " (and " + announced + " at its end)" : "")
            + ": chunks missing");
      }
      PatchHeader done = open;
      open = null;
      return new Piece(part, done, count, count, body, r.offset());
    }

    /** Inside a split patch (its begin read, not its end). */
    public boolean inPatch() {
      return open != null;
    }

    private static int number(ConsumerRecord<?, ?> r, String name) {
      String v = optional(r, name);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("offset " + r.offset() + ": " + (v == null ? "no " + name + " header"
            : name + " '" + v + "' is not a number") + " on a split patch's record");
      }
    }
  }

  /** The records of a patch of {@code chunks} (one record when it is one chunk), each with the patch's headers. */
  public static List<ProducerRecord<String, byte[]>> records(String topic,
      PatchHeader h, List<byte[]> chunks) {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    if (chunks.size() == 1) {
      out.add(record(topic, h, chunks.get(0)));
      return out;
    }
    String n = Integer.toString(chunks.size());
    var begin = record(topic, h, new byte[0]);
    begin.headers().add(PART, bytes("begin")).add(CHUNKS, bytes(n));
    out.add(begin);
    for (int i = 0; i < chunks.size(); i++) {
      var c = record(topic, h, chunks.get(i));
      c.headers().add(PART, bytes("chunk")).add(CHUNK, bytes(Integer.toString(i)));
      out.add(c);
    }
    var end = record(topic, h, new byte[0]);
    end.headers().add(PART, bytes("end")).add(CHUNKS, bytes(n));
    out.add(end);
    return out;
  }

  private static ProducerRecord<String, byte[]> record(String topic,
      PatchHeader h, byte[] body) {
    var r = new ProducerRecord<String, byte[]>(topic, 0, h.id(), body);
    h.writeTo(r.headers());
    return r;
  }

  /** A patch's id: the SHA-256 of the id it follows and its bytes, so the same change after another is another id. */
  public static String patchId(String previous, byte[] patch) {
    return patchId(previous, List.of(patch));
  }

  /** The id of a patch split into {@code chunks}: the same as of their concatenation in one record. */
  public static String patchId(String previous, List<byte[]> chunks) {
    MessageDigest md = Hashes.sha256();
    md.update(bytes(previous + "\n"));
    chunks.forEach(md::update);
    return Hashes.hex(md);
  }

  /**
   * The SHA-256 of a state: its named-graph quads as N-Quads lines, sorted in code-point order, each ending in a
   * newline, without duplicates: the bytes of the {@code tracker-kg.nq} dump of that state. A default graph (a
   * replica's copy of the union) is not part of it.
   */
  public static String stateHash(DatasetGraph dsg) {
    List<String> lines = new ArrayList<>();
    dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> lines.add(NtLines.quad(q)));
    lines.sort(RdfOutput::compareCodePoints);
    MessageDigest md = Hashes.sha256();
    String prev = null;
    for (String l : lines) {
      if (!l.equals(prev)) {
        md.update(bytes(l));
        md.update((byte) '\n');
      }
      prev = l;
    }
    return Hashes.hex(md);
  }

  /** Reads a patch whole (a damaged one fails here, before anything is applied). */
  public static RDFPatch readPatch(byte[] bytes) {
    return RDFPatchOps.read(new ByteArrayInputStream(bytes));
  }

  /** Creates the topic (one partition, kept for ever) when it is not there; checks it has one partition. */
  public static void ensureTopic(Admin admin, String topic) throws InterruptedException {
    try {
      NewTopic t = new NewTopic(topic, Optional.of(1), Optional.empty()).configs(Map.of(
          "retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete",
          "max.message.bytes", Integer.toString(MAX_RECORD_BYTES),
          // a segment must hold the largest batch, whatever the broker's default (a small one refuses a big patch)
          "segment.bytes", Integer.toString(2 * MAX_RECORD_BYTES)));
      admin.createTopics(List.of(t)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (d.partitions().size() != 1) {
          throw new IllegalStateException("topic " + topic + " has " + d.partitions().size()
              + " partitions: a patch log needs exactly one (a total order)");
        }
        return;
      } catch (ExecutionException e) {
        // a topic just created is known to the controller before every broker's metadata has it
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(), e);
        }
        Thread.sleep(100);
      }
    }
  }

  public static Properties adminConfig(Address a) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a.bootstrap());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    return p;
  }

  /** A consumer of committed records only (an aborted publish is never seen), positioned by hand. */
  public static Properties consumerConfig(Address a, String group) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, a.bootstrap());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 << 20));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    if (group != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return p;
  }

  /** An idempotent, transactional producer: a record is in the log once, or (aborted) not at all. */
  public static Properties producerConfig(Address a, String transactionalId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a.bootstrap());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // a split snapshot is many records in one transaction: the broker's ceiling (15 min by default), not 1 min
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "900000");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    // the producer refuses a record larger than its buffer (32 MiB by default; checked before compression): room
    // for the largest record the log takes (the pool allocates as records come, not up front)
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(MAX_RECORD_BYTES + (1L << 20)));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /** Every committed record of the log, in order, from the first to the end as it is now. */
  public static List<ConsumerRecord<String, byte[]>> readAll(Consumer<String, byte[]> consumer, Address a,
      Duration patience) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    forEach(consumer, a, patience, out::add);
    return out;
  }

  /**
   * Hands every committed record of the log to {@code action}, in order, from the first to the end as it is now,
   * without holding them all (a snapshot of a big corpus is many large records).
   */
  public static void forEach(Consumer<String, byte[]> consumer, Address a, Duration patience,
      java.util.function.Consumer<ConsumerRecord<String, byte[]>> action) {
    TopicPartition tp = a.partition();
    consumer.assign(List.of(tp));
    consumer.seekToBeginning(List.of(tp));
    long end = consumer.endOffsets(List.of(tp), patience).get(tp);
    long deadline = System.nanoTime() + patience.toNanos();
    while (consumer.position(tp, patience) < end) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(a + ": could not read the log to offset " + end + " within " + patience);
      }
      boolean any = false;
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        action.accept(r);
        any = true;
      }
      if (any) {
        deadline = System.nanoTime() + patience.toNanos();  // progress: the patience is for a stalled log
      }
    }
  }

  /** Applies a patch to {@code dsg} (a transactional dataset) in one write transaction. */
  public static void apply(DatasetGraph dsg, RDFPatch patch) {
    RDFPatchOps.applyChange(dsg, patch);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

}
