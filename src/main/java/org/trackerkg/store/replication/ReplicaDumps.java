package org.trackerkg.store.replication;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.publish.PatchLog.PatchHeader;
import org.trackerkg.store.ServedData;

/**
 * A replica's dumps as its snapshot: the dump directory records ({@value #RECORD}, a dot file) which patch its
 * N-Quads dump is the state of, so a new replica (or this one, restarted) loads it and follows the log from there.
 * The record is written after the dumps are complete and vouches for the dump's size and time; a rewrite drops it
 * first.
 */
public final class ReplicaDumps {
  public static final String RECORD = ".tkg-patch";
  private static final String DUMP = DumpWriter.NAME + ".nq";

  private ReplicaDumps() {}

  /** A state of the data and the patch id it is at. */
  public record Snapshot(DatasetGraph dataset, String patchId) {}

  /** The snapshot recorded in {@code dir}, when there is a current one. */
  public static Optional<Snapshot> find(Path dir) throws IOException {
    Path rec = dir.resolve(RECORD);
    if (!Files.isRegularFile(rec)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(rec, StandardCharsets.UTF_8);
    Path nq = dir.resolve(DUMP);
    if (lines.size() < 2 || !Files.isRegularFile(nq) || !lines.get(1).equals(stamp(nq))) {
      return Optional.empty();
    }
    DatasetGraph dsg = DatasetGraphFactory.create();
    RDFParser.source(nq).lang(Lang.NQUADS).parse(dsg);
    return Optional.of(new Snapshot(dsg, lines.get(0)));
  }

  /**
   * Writes the dumps of the served data (its named graphs) into {@code dir}, then records the patch id; false (and
   * nothing written) when the data is no longer that patch's state (a later patch landed: its own write follows).
   */
  public static boolean write(ServedData data, PatchHeader patch, Path dir) throws IOException {
    DatasetGraph copy = DatasetGraphFactory.create();
    data.read(() -> {
      data.dataset().findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
      return null;
    });
    if (!PatchLog.stateHash(copy).equals(patch.sha256())) {
      return false;
    }
    String patchId = patch.id();
    Files.deleteIfExists(dir.resolve(RECORD));
    DumpWriter.create().base(data.base()).write(copy, dir);
    String text = patchId + "\n" + stamp(dir.resolve(DUMP)) + "\n";
    AtomicFile.write(dir.resolve(RECORD), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    return true;
  }

  private static String stamp(Path f) throws IOException {
    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
    return a.size() + " " + a.lastModifiedTime().toMillis();
  }

  /**
   * Rewrites the dumps in the background after patches: one writer thread; patches that land while it writes are
   * folded into one more write of the latest state.
   */
  public static final class Rewriter {
    private final ServedData data;
    private final Path dir;
    private final PrintStream log;
    private PatchHeader pending;
    private boolean running;

    public Rewriter(ServedData data, Path dir, PrintStream log) {
      this.data = data;
      this.dir = dir;
      this.log = log;
    }

    public synchronized void request(PatchHeader patch) {
      pending = patch;
      if (!running) {
        running = true;
        Thread t = new Thread(this::loop, "tkg-replica-dumps");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
      }
    }

    private void loop() {
      while (true) {
        PatchHeader id;
        synchronized (this) {
          if (pending == null) {
            running = false;
            return;
          }
          id = pending;
          pending = null;
        }
        try {
          if (write(data, id, dir)) {
            log.println("tkg: replica: wrote dumps of patch " + id.id() + " to " + dir);
          }
        } catch (IOException | RuntimeException e) {
          log.println("tkg: replica: could not write dumps to " + dir + ": " + e.getMessage());
        }
        log.flush();
      }
    }
  }
}
