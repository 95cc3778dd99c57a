package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
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
public final class FollowMode {
  private FollowMode() {}

  /** A running replica: its server and its follower. */
  public record Handle(TrackerServer server, Replica replica) implements AutoCloseable {
    @Override
    public void close() {
      replica.close();
      server.stop();
    }
  }

  static int run(String follow, String bootstrap, String group, Path dumpsDir, TrackerServer.Builder options,
      PrintWriter out, PrintWriter err) throws IOException {
    Handle h;
    try {
      h = start(follow, bootstrap, group, dumpsDir, options, err, System.err);
    } catch (PortInUseException e) {
      err.println("tkg: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(h::close, "tkg-shutdown"));
    String url = h.server().url();
    out.println("tkg: replica of " + follow + " serving at " + url + " (state: " + url + "$/replication)");
    out.flush();
    try {
      h.server().fuseki().join();
    } finally {
      h.replica().close();
    }
    return ExitCode.OK;
  }

  /** Loads the snapshot, starts the server and the follower; {@code log} gets the follower's messages. */
  public static Handle start(String follow, String bootstrap, String group, Path dumpsDir, TrackerServer.Builder options,
      PrintWriter err, PrintStream log) throws IOException {
    PatchLog.Address address;
    try {
      address = PatchLog.Address.parse(follow);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--follow: " + e.getMessage(), e);
    }
    Optional<ReplicaDumps.Snapshot> snapshot = snapshot(bootstrap, dumpsDir, err, log);
    String startId = snapshot.map(ReplicaDumps.Snapshot::patchId).orElse("");
    err.flush();
    err.println("tkg: replica starts from " + (snapshot.isEmpty() ? "the empty data set"
        : "patch " + startId + " (dumps " + (bootstrap != null ? "at " + bootstrap : "in " + dumpsDir) + ")"));
    AtomicReference<Replica> replica = new AtomicReference<>();
    TrackerServer server;
    try {
      server = options.dataset(snapshot.map(ReplicaDumps.Snapshot::dataset).orElseGet(DatasetGraphFactory::create))
          .dumpsDir(dumpsDir)
          .replication(() -> replica.get() == null ? Replica.Status.starting(address.toString())
              : replica.get().status())
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    ReplicaDumps.Rewriter dumps = new ReplicaDumps.Rewriter(server.data(), dumpsDir, log);
    replica.set(new Replica(address, server.data(), startId, group, h -> {
      server.dataChanged();
      dumps.request(h);
    }, log));
    if (bootstrap != null) {
      // its own dumps at once, so that this replica can bootstrap the next one
      dumps.request(new PatchLog.PatchHeader(startId, "", snapshot.get().sha256(), server.data().base(), ""));
    }
    server.start();
    replica.get().start();
    return new Handle(server, replica.get());
  }

  /**
   * The state to start from: the dumps at {@code --bootstrap} (a running server's {@code /dumps/} URL or a folder),
   * which must be there and hash as recorded; else this replica's own dumps from an earlier run, when they do (a
   * damaged or half-written one is said and left: the replica starts from the empty data set and catches up).
   */
  private static Optional<ReplicaDumps.Snapshot> snapshot(String bootstrap, Path dumpsDir, PrintWriter err,
      PrintStream log) {
    if (bootstrap == null) {
      try {
        return ReplicaDumps.find(dumpsDir);
      } catch (IOException | RuntimeException e) {
        err.println("tkg: replica: not starting from its own dumps in " + dumpsDir + ": " + e.getMessage());
        return Optional.empty();
      }
    }
    if (bootstrap.startsWith("http://") || bootstrap.startsWith("https://")) {
      URI uri;
      try {
        uri = new URI(bootstrap);
      } catch (URISyntaxException e) {
        throw new UsageException("--bootstrap: not a URL: " + bootstrap, e);
      }
      try {
        return Optional.of(ReplicaDumps.fetch(uri, log));
      } catch (IOException | RuntimeException e) {
        throw new UsageException("--bootstrap: " + bootstrap + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UsageException("--bootstrap: interrupted", e);
      }
    }
    Path dir = Path.of(bootstrap);
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--bootstrap: " + bootstrap + " is neither an http(s) URL nor a directory");
    }
    try {
      return Optional.of(ReplicaDumps.find(dir).orElseThrow(() -> new UsageException("--bootstrap: " + dir
          + " holds no replica snapshot (" + ReplicaDumps.RECORD + " beside the N-Quads dump)")));
    } catch (IOException | RuntimeException e) {
      if (e instanceof UsageException u) {
        throw u;
      }
      throw new UsageException("--bootstrap: " + dir + ": " + e.getMessage(), e);
    }
  }
}
