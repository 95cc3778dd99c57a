package org.trackerkg.store;

import org.trackerkg.base.Hashes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.publish.RdfOutput;

/**
 * The persistent TDB2 store under a directory. Layout:
 * <pre>
 *   DIR/current            "db-…" name of the database in use, then the sha256 of the input it holds
 *   DIR/db-{hash}-{time}/  a TDB2 database
 * </pre>
 * The input's identity is the sha256 of its sorted N-Quads (which includes the base). An unchanged input reuses
 * the database without loading; a changed one is bulk-loaded into a new directory, and {@code current} is
 * replaced (atomic rename) only once the load is complete, so a failed load leaves the old database in use.
 */
public final class TdbStore {
  static final String CURRENT = "current";

  private TdbStore() {}

  public static ServedData open(Path dir, DatasetGraph input, String base, PrintStream messages) throws IOException {
    Files.createDirectories(dir);
    // an interrupted start left its input beside the store (17 MB each): ours by name; one server per store folder
    org.trackerkg.base.Leftovers.sweep(dir, List.of(".input-*.nq"), java.time.Duration.ZERO);
    Path nq = Files.createTempFile(dir, ".input-", ".nq");
    try {
      String hash = writeNQuads(input, base, nq);
      Current current = readCurrent(dir);
      boolean reuse = current != null && current.hash.equals(hash) && Files.isDirectory(dir.resolve(current.name));
      String name;
      if (reuse) {
        name = current.name;
        say(messages, "tkg: TDB2 store " + dir.resolve(name) + " holds this input: not reloaded");
      } else {
        name = "db-" + hash.substring(0, 12) + "-" + System.currentTimeMillis();
        Path db = dir.resolve(name);
        say(messages, "tkg: loading the input into a new TDB2 store " + db + " …");
        load(db, nq, messages);
        AtomicFile.write(dir.resolve(CURRENT),
            out -> out.write((name + "\n" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        removeOthers(dir, name);
      }
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.resolve(name).toString());
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      return new ServedData(dsg, base, !reuse, () -> TDBInternal.expel(dsg));
    } finally {
      Files.deleteIfExists(nq);
    }
  }

  /** The name of the database in use, or null when there is none yet. */
  public static String currentName(Path dir) throws IOException {
    Current c = readCurrent(dir);
    return c == null ? null : c.name;
  }

  private record Current(String name, String hash) {}

  private static Current readCurrent(Path dir) throws IOException {
    Path f = dir.resolve(CURRENT);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    if (lines.size() < 2 || !lines.get(0).startsWith("db-") || lines.get(0).contains("/")) {
      return null;
    }
    return new Current(lines.get(0).trim(), lines.get(1).trim());
  }

  private static String writeNQuads(DatasetGraph input, String base, Path nq) throws IOException {
    MessageDigest md = Hashes.sha256();
    try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(nq), 1 << 16),
        md)) {
      RdfOutput.write(input, RdfOutput.Format.NQ, base, out);
    }
    return Hashes.hex(md);
  }

  private static void load(Path db, Path nq, PrintStream messages) {
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(db.toString());
    try {
      MonitorOutput output = (fmt, args) -> {
        if (messages != null) {
          messages.println("tkg: " + String.format(fmt, args));
        }
      };
      // the parallel loader runs a thread per index and wants many cores; on a few (2 here) it was 3x slower
      // than the phased loader, which builds the indexes a few at a time (bench/results.md, "load")
      DataLoader loader = Runtime.getRuntime().availableProcessors() >= 8
          ? LoaderFactory.parallelLoader(dsg, output) : LoaderFactory.phasedLoader(dsg, output);
      loader.startBulk();
      try {
        loader.load(nq.toString());
        loader.finishBulk();
      } catch (RuntimeException e) {
        loader.finishException(e);
        throw e;
      }
    } finally {
      TDBInternal.expel(dsg);
    }
  }

  /** Deletes the databases no longer in use (best effort: one still open elsewhere stays). */
  private static void removeOthers(Path dir, String keep) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "db-*")) {
      for (Path p : ds) {
        if (!p.getFileName().toString().equals(keep) && Files.isDirectory(p)) {
          try {
            DatasetGraph old = DatabaseMgr.connectDatasetGraph(p.toString());
            TDBInternal.expel(old);
            AtomicFile.deleteRecursively(p);
          } catch (RuntimeException | IOException e) {
            // in use by another process, or not a database: leave it
          }
        }
      }
    } catch (IOException e) {
      // listing failed: nothing removed, nothing lost
    }
  }

  private static void say(PrintStream messages, String s) {
    if (messages != null) {
      messages.println(s);
      messages.flush();
    }
  }
}
