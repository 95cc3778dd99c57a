package org.trackerkg.store;

import org.trackerkg.base.Hashes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.trackerkg.base.AtomicFile;

/**
 * The persistent TDB2 store under a directory. Layout:
 * <pre>
 *   DIR/current            "db-…" name of the database in use, then the sha256 of the input it holds
 *   DIR/db-{hash}-{time}/  a TDB2 database
 * </pre>
 * The input's identity is an order-independent hash of its quads and the base ({@link #fingerprint}). An unchanged
 * input reuses the database without loading; a changed one is bulk-loaded (from memory, through the loader's stream)
 * into a new directory, and {@code current} is replaced (atomic rename) only once the load is complete, so a failed load leaves the old database in use.
 */
public final class TdbStore {
  static final String CURRENT = "current";

  private TdbStore() {}

  public static ServedData open(Path dir, DatasetGraph input, String base, PrintStream messages) throws IOException {
    Files.createDirectories(dir);
    String hash = fingerprint(input, base);
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
      load(db, input, messages);
      AtomicFile.write(dir.resolve(CURRENT),
          out -> out.write((name + "\n" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
      removeOthers(dir, name);
    }
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.resolve(name).toString());
    dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    return new ServedData(dsg, base, !reuse, () -> TDBInternal.expel(dsg));
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

  /**
   * The input's identity without sorting, formatting or writing it: for each quad the sha256 of its four terms
   * (kind, text, datatype or language), summed lane by lane (four 64-bit lanes, modulo 2^64) over the set of quads,
   * so that the order the quads come in does not matter; then the sha256 of the base, the count and the sums.
   * Sorting the N-Quads lines to hash them, writing them to a file and parsing that file again took most of
   * {@code serve --tdb}'s own work (bench/README.md, "TDB2 load").
   */
  static String fingerprint(DatasetGraph input, String base) {
    MessageDigest quad = Hashes.sha256();
    long[] lanes = new long[4];
    long[] count = {0};
    input.find().forEachRemaining(q -> {
      term(quad, q.isDefaultGraph() ? null : q.getGraph());
      term(quad, q.getSubject());
      term(quad, q.getPredicate());
      term(quad, q.getObject());
      ByteBuffer b = ByteBuffer.wrap(quad.digest());
      for (int i = 0; i < lanes.length; i++) {
        lanes[i] += b.getLong();
      }
      count[0]++;
    });
    StringBuilder sb = new StringBuilder("tracker-kg tdb input 2\n").append(base).append('\n').append(count[0]);
    for (long l : lanes) {
      sb.append('\n').append(Long.toHexString(l));
    }
    return Hashes.sha256Hex(sb.toString());
  }

  /** A term into the digest, unambiguously: a kind letter, then each part as its length and its UTF-8 bytes. */
  private static void term(MessageDigest md, Node n) {
    if (n == null) {
      md.update((byte) 'D');
    } else if (n.isURI()) {
      md.update((byte) 'U');
      part(md, n.getURI());
    } else if (n.isLiteral()) {
      md.update((byte) 'L');
      part(md, n.getLiteralLexicalForm());
      part(md, n.getLiteralDatatypeURI());
      part(md, n.getLiteralLanguage());
    } else {
      md.update((byte) 'B');
      part(md, n.toString());
    }
  }

  private static void part(MessageDigest md, String s) {
    byte[] b = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    md.update(ByteBuffer.allocate(4).putInt(b.length).array());
    md.update(b);
  }

  /**
   * Jena's bulk loader fed the quads from memory through its stream (no N-Quads file written and parsed again).
   * The phased loader on a few cores, the parallel one (a thread per index) from 8 cores up; on 2 cores the
   * parallel loader's threads contend (bench/results.md, "load").
   */
  private static void load(Path db, DatasetGraph input, PrintStream messages) {
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(db.toString());
    try {
      MonitorOutput output = (fmt, args) -> {
        if (messages != null) {
          messages.println("tkg: " + String.format(fmt, args));
        }
      };
      DataLoader loader = Runtime.getRuntime().availableProcessors() >= 8
          ? LoaderFactory.parallelLoader(dsg, output) : LoaderFactory.phasedLoader(dsg, output);
      loader.startBulk();
      try {
        StreamRDF stream = loader.stream();
        stream.start();
        input.find().forEachRemaining(q -> {
          if (q.isDefaultGraph()) {
            stream.triple(q.asTriple());
          } else {
            stream.quad(q);
          }
        });
        stream.finish();
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
