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
 * {@value #SHA256} (of the resulting sorted N-Quads, see {@link #stateHash}), {@value #BASE} and {@value #BUILD}.
 * Written by {@code tkg publish}, read by {@code tkg serve --follow}.
 */
public final class PatchLog {
  public static final String ID = "tkg-patch-id";
  public static final String PREVIOUS = "tkg-previous-id";
  public static final String SHA256 = "tkg-sha256";
  public static final String BASE = "tkg-base";
  public static final String BUILD = "tkg-build";
  /** The largest patch a record may carry (the first, a snapshot, is the whole data set; records are compressed). */
  public static final int MAX_RECORD_BYTES = 256 << 20;
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

  /** One record's headers. {@code previous} is empty for the first patch (a snapshot from the empty data set). */
  public record PatchHeader(String id, String previous, String sha256, String base, String build) {
    public void writeTo(Headers h) {
      h.add(ID, bytes(id)).add(PREVIOUS, bytes(previous)).add(SHA256, bytes(sha256)).add(BASE, bytes(base))
          .add(BUILD, bytes(build));
    }

    /** The headers of a record; an exception naming the missing header when it is not a patch record. */
    public static PatchHeader of(ConsumerRecord<?, ?> r) {
      return new PatchHeader(header(r, ID), header(r, PREVIOUS), header(r, SHA256), header(r, BASE),
          header(r, BUILD));
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
      Header h = r.headers().lastHeader(name);
      if (h == null || h.value() == null) {
        throw new IllegalArgumentException("offset " + r.offset() + ": no " + name + " header: not a patch record");
      }
      return new String(h.value(), StandardCharsets.UTF_8);
    }
  }

  /** A patch's id: the SHA-256 of the id it follows and its bytes, so the same change after another is another id. */
  public static String patchId(String previous, byte[] patch) {
    MessageDigest md = Hashes.sha256();
    md.update(bytes(previous + "\n"));
    md.update(patch);
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
    TopicPartition tp = a.partition();
    consumer.assign(List.of(tp));
    consumer.seekToBeginning(List.of(tp));
    long end = consumer.endOffsets(List.of(tp), patience).get(tp);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    long deadline = System.nanoTime() + patience.toNanos();
    while (consumer.position(tp, patience) < end) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(a + ": could not read the log to offset " + end + " within " + patience);
      }
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }

  /** Applies a patch to {@code dsg} (a transactional dataset) in one write transaction. */
  public static void apply(DatasetGraph dsg, RDFPatch patch) {
    RDFPatchOps.applyChange(dsg, patch);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

}
