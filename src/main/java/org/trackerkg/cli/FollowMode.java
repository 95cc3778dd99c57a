package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.server.PortInUseException;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.store.replication.Replica;
import org.trackerkg.store.replication.ReplicaDumps;

/**
 * {@code serve --follow}: a read replica. Its data starts from a snapshot (the dumps at {@code --bootstrap}, else
 * its own dumps from an earlier run, else the empty data set) and follows the patch log; no input is read.
 */
final class FollowMode {
  private FollowMode() {}

  static int run(String follow, Path bootstrap, String group, Path dumpsDir, TrackerServer.Builder options,
      PrintWriter out, PrintWriter err) throws IOException {
    PatchLog.Address address;
    try {
      address = PatchLog.Address.parse(follow);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--follow: " + e.getMessage(), e);
    }
    if (bootstrap != null && !Files.isDirectory(bootstrap)) {
      throw new UsageException("--bootstrap: " + bootstrap + " is not a directory");
    }
    Path from = bootstrap != null ? bootstrap : dumpsDir;
    Optional<ReplicaDumps.Snapshot> snapshot;
    try {
      snapshot = ReplicaDumps.find(from);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("--bootstrap: " + from + ": " + e.getMessage(), e);
    }
    if (bootstrap != null && snapshot.isEmpty()) {
      throw new UsageException("--bootstrap: " + bootstrap + " holds no replica snapshot (" + ReplicaDumps.RECORD
          + " with tracker-kg.nq)");
    }
    String startId = snapshot.map(ReplicaDumps.Snapshot::patchId).orElse("");
    err.println("tkg: replica starts from " + (snapshot.isEmpty() ? "the empty data set"
        : "patch " + startId + " (dumps in " + from + ")"));
    AtomicReference<Replica> replica = new AtomicReference<>();
    TrackerServer server;
    try {
      server = options.dataset(snapshot.map(ReplicaDumps.Snapshot::dataset).orElseGet(DatasetGraphFactory::create))
          .dumpsDir(dumpsDir)
          .replication(() -> replica.get().status())
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    PrintStream log = System.err;
    ReplicaDumps.Rewriter dumps = new ReplicaDumps.Rewriter(server.data(), dumpsDir, log);
    replica.set(new Replica(address, server.data(), startId, group, h -> {
      server.dataChanged();
      dumps.request(h);
    }, log));
    try {
      server.start();
    } catch (PortInUseException e) {
      err.println("tkg: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    replica.get().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      replica.get().close();
      server.stop();
    }, "tkg-shutdown"));
    String url = server.url();
    out.println("tkg: replica of " + address + " serving at " + url + " (state: " + url + "$/replication)");
    out.flush();
    try {
      server.fuseki().join();
    } finally {
      replica.get().close();
    }
    return ExitCode.OK;
  }
}
