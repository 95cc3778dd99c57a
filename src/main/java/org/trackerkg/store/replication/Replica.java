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
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.Quad;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.publish.PatchLog.Address;
import org.trackerkg.publish.PatchLog.PatchHeader;
import org.trackerkg.publish.PatchLog.Piece;
import org.trackerkg.publish.StateSum;
import org.trackerkg.store.ServedData;

/**
 * A read replica's follower: consumes the patch log in order and applies each patch to the served data in one write
 * transaction, checked before it commits: the patch must follow the one this replica is at (its previous-patch id),
 * and the data after it must have the {@link StateSum} its header announces (kept up to date by each patch, so the
 * check costs O(change); a header without one, from an older publisher, is checked against the sorted N-Quads
 * SHA-256 instead). A patch split over several records (a snapshot of a big corpus) is applied in one write
 * transaction opened at its begin record and committed only at its end record, when every chunk came in order and the
 * sum matches. A patch that fails a check, or cannot be read, or whose chunks are missing or out of order, is not
 * applied (the transaction is aborted: no partial state) and following stops; the replica keeps serving the last good
 * state and says why in {@link #status()}.
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
  // the follower thread's own: the pieces of split patches, the patch being applied, the state sum of `current`
  private final PatchLog.Assembler pieces = new PatchLog.Assembler();
  private Pending pending;
  private StateSum sum;

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
    } finally {
      rollback();  // closed or failed half-way through a split patch: the transaction is this thread's
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
    Piece p;
    try {
      p = pieces.next(r);
    } catch (IllegalArgumentException e) {
      stop(e.getMessage() + (pending == null ? "" : " (patch " + pending.header.id() + " not applied, nothing of it"
          + " kept)"));
      return;
    }
    PatchHeader h = p.header();
    String at = p.where();
    if (h.id().equals(current)) {
      if (!synced && p.completes()) {
        boolean bySum = !h.stateSum().isEmpty();
        String hash = bySum ? sum().hex() : data.read(() -> PatchLog.stateHash(data.dataset()));
        if (!hash.equals(bySum ? h.stateSum() : h.sha256())) {
          stop(at + ": the snapshot claims to be its state, but " + (bySum ? "its state sum is " : "hashes to ")
              + hash + ", not " + (bySum ? h.stateSum() : h.sha256()));
          return;
        }
        synced = true;
        log("the snapshot is at " + at + " (hash checked); following from there");
      }
      if (p.completes()) {
        offset = r.offset();
      }
      return;  // already applied
    }
    if (!synced) {
      return;  // before the snapshot
    }
    if (p.starts()) {
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
      begin(h, at + (p.part() == PatchLog.Part.WHOLE ? " (" + r.value().length + " bytes)" : ""));
    }
    if (pending == null) {
      return;
    }
    if (p.body().length > 0) {
      try {
        PatchLog.readPatch(p.body()).apply(new Apply(data.dataset(), data.defaultIsUnion(), pending.sum));
      } catch (RuntimeException e) {
        abort(at + (p.part() == PatchLog.Part.WHOLE ? "" : " (patch " + h.id() + ")") + " cannot be read or applied"
            + " (nothing of it kept): " + e.getMessage());
        return;
      }
    }
    if (p.completes()) {
      finish(c, tp, r, h, at);
    }
  }

  /** Opens the write transaction a patch is applied in (kept open across the records of a split patch). */
  private void begin(PatchHeader h, String what) {
    StateSum start = h.stateSum().isEmpty() ? null : sum().copy();
    log("applying " + what);
    pending = new Pending(h, start, System.nanoTime());
    data.dataset().begin(TxnType.WRITE);
  }

  /** Checks the state the patch gives against its header, then commits (or aborts and stops). */
  private void finish(KafkaConsumer<String, byte[]> c, TopicPartition tp, ConsumerRecord<String, byte[]> r,
      PatchHeader h, String at) {
    Pending done = pending;
    String hash = done.sum != null ? done.sum.hex() : PatchLog.stateHash(data.dataset());
    String announced = done.sum != null ? h.stateSum() : h.sha256();
    if (!hash.equals(announced)) {
      abort(at + " not applied (nothing of it kept): the data after it would " + (done.sum != null
          ? "have the state sum " : "hash to ") + hash + ", not the " + announced + " its header announces");
      return;
    }
    try {
      data.dataset().commit();
    } finally {
      data.dataset().end();
      pending = null;
    }
    sum = done.sum;  // null after a patch without a state sum: computed again when next needed
    applyMillis = (System.nanoTime() - done.started) / 1_000_000;  // before the id: whoever sees the id sees its time
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

  /** Drops the patch being applied (nothing of it kept) and stops following. */
  private void abort(String why) {
    rollback();
    stop(why);
  }

  private void rollback() {
    if (pending != null) {
      try {
        data.dataset().abort();
      } finally {
        data.dataset().end();
        pending = null;
      }
    }
  }

  /** The state sum of the data as it is (computed once, then kept up to date by each patch). */
  private StateSum sum() {
    if (sum == null) {
      long t0 = System.nanoTime();
      sum = data.read(() -> StateSum.of(data.dataset()));
      log(String.format("state sum of the data computed in %d ms", (System.nanoTime() - t0) / 1_000_000));
    }
    return sum;
  }

  /** A patch being applied: its header, the state sum as its changes go in, when it started. */
  private record Pending(PatchHeader header, StateSum sum, long started) {}

  private void stop(String why) {
    rollback();
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

  /**
   * Applies changes to named graphs, keeping a default graph that copies their union in step, and the state sum in
   * step with the quads that really came or went (a quad added twice is counted once).
   */
  static final class Apply extends RDFChangesBase {
    private final DatasetGraph dsg;
    private final boolean defaultIsUnion;
    private final StateSum sum;

    Apply(DatasetGraph dsg, boolean defaultIsUnion, StateSum sum) {
      this.dsg = dsg;
      this.defaultIsUnion = defaultIsUnion;
      this.sum = sum;
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
      if (g == null) {
        throw new IllegalArgumentException("a change to the default graph: patches change named graphs only");
      }
      if (sum != null && !dsg.contains(g, s, p, o)) {
        sum.add(Quad.create(g, s, p, o));
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
      if (sum != null && dsg.contains(g, s, p, o)) {
        sum.remove(Quad.create(g, s, p, o));
      }
      dsg.delete(g, s, p, o);
      if (defaultIsUnion && !dsg.findNG(Node.ANY, s, p, o).hasNext()) {
        Graph union = dsg.getDefaultGraph();
        union.delete(s, p, o);
      }
    }
  }
}
