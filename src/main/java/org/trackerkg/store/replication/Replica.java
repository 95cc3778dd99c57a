package org.trackerkg.store.replication;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.publish.PatchLog.Address;
import org.trackerkg.publish.PatchLog.PatchHeader;
import org.trackerkg.store.ServedData;

/**
 * A read replica's follower: consumes the patch log in order and applies each patch to the served data in one write
 * transaction, checked before it commits: the patch must follow the one this replica is at (its previous-patch id),
 * and the data after it must hash to the SHA-256 its header announces. A patch that fails either check, or cannot be
 * read, is not applied (the transaction is aborted: no partial state) and following stops; the replica keeps serving
 * the last good state and says why in {@link #status()}.
 *
 * <p>Positions: the consumer group's committed offset moves only after a patch's transaction commits, and carries
 * that patch's id. At start the replica seeks to it when that id is the one its snapshot is at; otherwise it reads
 * the log from the start and skips every patch up to and including its snapshot's (checking that the snapshot
 * hashes as that patch announced). A patch whose id the replica is already at is skipped, so re-reading is a no-op.
 */
public final class Replica implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  public enum State { CONNECTING, CATCHING_UP, FOLLOWING, STOPPED }

  /**
   * What {@code /$/replication} reports. {@code patchId} is empty before the first patch; {@code applyMillis} is how
   * long the last patch took to apply (its write transaction with the hash check), -1 before the first.
   */
  public record Status(State state, String log, String patchId, long offset, long lag, Instant lastApplied,
      long applied, long applyMillis, String problem) {
    public boolean following() {
      return state != State.STOPPED;
    }

    /** Before the follower exists (the server is being assembled). */
    public static Status starting(String log) {
      return new Status(State.CONNECTING, log, "", -1, -1, null, 0, -1, null);
    }
  }

  private final Address address;
  private final ServedData data;
  private final String group;
  private final Consumer<PatchHeader> onApplied;
  private final PrintStream log;
  private final Thread thread;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean closed;

  private volatile State state = State.CONNECTING;
  private volatile String current;
  private volatile long offset = -1;
  private volatile long lag = -1;
  private volatile Instant lastApplied;
  private volatile long applied;
  private volatile long applyMillis = -1;
  private volatile String problem;
  private boolean synced;

  /**
   * @param startId the patch id the served data is at ("" for the empty data set)
   * @param onApplied called after each patch committed (drop caches, rewrite dumps)
   */
  public Replica(Address address, ServedData data, String startId, String group, Consumer<PatchHeader> onApplied,
      PrintStream log) {
    this.address = address;
    this.data = data;
    this.current = startId;
    this.group = group;
    this.onApplied = onApplied;
    this.log = log;
    this.thread = new Thread(this::run, "tkg-replica");
    this.thread.setDaemon(true);
  }

  public Replica start() {
    thread.start();
    return this;
  }

  public Status status() {
    return new Status(state, address.toString(), current, offset, lag, lastApplied, applied, applyMillis, problem);
  }

  @Override
  public void close() {
    closed = true;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(PATIENCE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    TopicPartition tp = address.partition();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(PatchLog.consumerConfig(address, group))) {
      consumer = c;
      c.assign(List.of(tp));
      position(c, tp);
      while (!closed && state != State.STOPPED) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          handle(c, tp, r);
          if (state == State.STOPPED) {
            return;
          }
        }
        c.currentLag(tp).ifPresent(l -> lag = l);
        if (!synced && !current.isEmpty() && c.position(tp, PATIENCE) >= c.endOffsets(Set.of(tp), PATIENCE).get(tp)) {
          stop("the snapshot's patch " + current + " is not on " + address + ": cannot tell which patches follow it");
        } else if (synced && state == State.CATCHING_UP && lag == 0) {
          state = State.FOLLOWING;
        }
      }
    } catch (WakeupException e) {
      // closed
    } catch (KafkaException | IllegalStateException e) {
      stop("the patch log failed: " + e.getMessage());
    }
  }

  /** Starts at the committed offset when it belongs to this replica's state, else at the log's start. */
  private void position(KafkaConsumer<String, byte[]> c, TopicPartition tp) {
    while (!closed) {
      try {
        OffsetAndMetadata committed = c.committed(Set.of(tp), PATIENCE).get(tp);
        state = State.CATCHING_UP;
        if (committed != null && !current.isEmpty() && current.equals(committed.metadata())) {
          c.seek(tp, committed.offset());
          synced = true;
          offset = committed.offset() - 1;
          log("resuming after patch " + current + " at offset " + committed.offset());
        } else {
          c.seekToBeginning(List.of(tp));
          synced = current.isEmpty();
          log(current.isEmpty() ? "reading " + address + " from the start"
              : "looking for the snapshot's patch " + current + " on " + address);
        }
        return;
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        log("waiting for " + address + ": " + e.getMessage());
      }
    }
  }

  private void handle(KafkaConsumer<String, byte[]> c, TopicPartition tp, ConsumerRecord<String, byte[]> r) {
    PatchHeader h;
    try {
      h = PatchHeader.of(r);
    } catch (IllegalArgumentException e) {
      stop(e.getMessage());
      return;
    }
    String at = "offset " + r.offset() + ": patch " + h.id();
    if (h.id().equals(current)) {
      if (!synced) {
        String hash = data.read(() -> PatchLog.stateHash(data.dataset()));
        if (!hash.equals(h.sha256())) {
          stop(at + ": the snapshot claims to be its state, but hashes to " + hash + ", not " + h.sha256());
          return;
        }
        synced = true;
        log("the snapshot is at " + at + " (hash checked); following from there");
      }
      offset = r.offset();
      return;  // already applied
    }
    if (!synced) {
      return;  // before the snapshot
    }
    if (!h.previous().equals(current)) {
      stop(at + " follows " + (h.previous().isEmpty() ? "nothing (a snapshot)" : "patch " + h.previous())
          + ", but this replica is at " + (current.isEmpty() ? "no patch" : "patch " + current)
          + ": a gap or patches out of order");
      return;
    }
    if (!h.base().equals(data.base())) {
      stop(at + " is for base " + h.base() + ", but this replica serves " + data.base());
      return;
    }
    RDFPatch patch;
    try {
      patch = PatchLog.readPatch(r.value());
    } catch (RuntimeException e) {
      stop(at + " cannot be read: " + e.getMessage());
      return;
    }
    log("applying " + at + " (" + r.value().length + " bytes)");
    long t0 = System.nanoTime();
    try {
      Txn.executeWrite(data.dataset(), () -> {
        patch.apply(new Apply(data.dataset(), data.defaultIsUnion()));
        String hash = PatchLog.stateHash(data.dataset());
        if (!hash.equals(h.sha256())) {
          throw new IllegalStateException("the data after it would hash to " + hash + ", not the " + h.sha256()
              + " its header announces");
        }
      });
    } catch (RuntimeException e) {
      stop(at + " not applied (nothing of it kept): " + e.getMessage());
      return;
    }
    applyMillis = (System.nanoTime() - t0) / 1_000_000;  // before the id: whoever sees the id sees its time
    current = h.id();
    offset = r.offset();
    lastApplied = Instant.now();
    applied++;
    log(String.format("applied %s in %d ms", at, applyMillis));
    try {
      c.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1, h.id())), PATIENCE);
    } catch (KafkaException e) {
      log("could not commit offset " + (r.offset() + 1) + " (a restart reads the log again): " + e.getMessage());
    }
    onApplied.accept(h);
  }

  private void stop(String why) {
    problem = why;
    state = State.STOPPED;
    log("stopped following " + address + ": " + why + "; serving the last good state"
        + (current.isEmpty() ? " (empty)" : ", patch " + current));
  }

  private void log(String s) {
    if (log != null) {
      log.println("tkg: replica: " + s);
      log.flush();
    }
  }

  /** Applies changes to named graphs, keeping a default graph that copies their union in step. */
  static final class Apply extends RDFChangesBase {
    private final DatasetGraph dsg;
    private final boolean defaultIsUnion;

    Apply(DatasetGraph dsg, boolean defaultIsUnion) {
      this.dsg = dsg;
      this.defaultIsUnion = defaultIsUnion;
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
      if (g == null) {
        throw new IllegalArgumentException("a change to the default graph: patches change named graphs only");
      }
      dsg.add(g, s, p, o);
      if (defaultIsUnion) {
        dsg.getDefaultGraph().add(s, p, o);
      }
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
      if (g == null) {
        throw new IllegalArgumentException("a change to the default graph: patches change named graphs only");
      }
      dsg.delete(g, s, p, o);
      if (defaultIsUnion && !dsg.findNG(Node.ANY, s, p, o).hasNext()) {
        Graph union = dsg.getDefaultGraph();
        union.delete(s, p, o);
      }
    }
  }
}
