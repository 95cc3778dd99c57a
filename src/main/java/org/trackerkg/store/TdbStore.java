package org.trackerkg.store;

import org.trackerkg.base.Hashes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
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
    // an interrupted start of an earlier version left its input beside the store (17 MB each): ours by name, and a
    // store folder serves one server at a time
    org.trackerkg.base.Leftovers.sweep(dir, java.util.List.of(".input-*.nq"), java.time.Duration.ZERO);
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
    // the pages' summary from the input in memory (the same quads, without decoding every node from disk), over a
    // copy of its union: up to SUMMARY_COPY_QUADS, past which the copy's heap counts more than the time it saves
    boolean fromInput = count(input) <= SUMMARY_COPY_QUADS;
    return new ServedData(dsg, base, !reuse, () -> TDBInternal.expel(dsg), false, fromInput ? input : null);
  }

  /** About 2 GB of heap for the union's copy. */
  static final long SUMMARY_COPY_QUADS = 5_000_000;

  private static long count(DatasetGraph input) {
    long n = 0;
    for (var it = input.listGraphNodes(); it.hasNext(); ) {
      n += input.getGraph(it.next()).size();
    }
    return n + input.getDefaultGraph().size();
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
   * The input's identity without sorting, formatting or writing it: for each quad a 128-bit hash (Guava's
   * murmur3_128) of its four terms' hashes (each of kind, text, datatype or language), summed lane by lane (two 64-bit lanes, modulo
   * 2^64) over the set of quads, so that the order the quads come in does not matter; then the sha256 of the base,
   * the count and the sums. Sorting the N-Quads lines to hash them, writing them to a file and parsing that file
   * again took most of {@code serve --tdb}'s own work, and a sha256 per quad still half of it (bench/README.md,
   * "TDB2 load"). This is a change detector for the project's own input, not a defence against crafted collisions.
   */
  static String fingerprint(DatasetGraph input, String base) {
    HashFunction f = Hashing.murmur3_128();
    // each term's hash once: a term recurs in many quads (a subject in all its statements, a class in thousands)
    Map<Node, HashCode> terms = new HashMap<>();
    long[] lanes = new long[2];
    long[] count = {0};
    input.find().forEachRemaining(q -> {
      if (terms.size() > TERM_CACHE) {
        terms.clear();  // bounded: a huge input costs more hashing, not more memory
      }
      Hasher h = f.newHasher();
      for (Node n : new Node[] {q.isDefaultGraph() ? null : q.getGraph(), q.getSubject(), q.getPredicate(),
          q.getObject()}) {
        h.putBytes(n == null ? DEFAULT_GRAPH : terms.computeIfAbsent(n, t -> term(f, t)).asBytes());
      }
      ByteBuffer b = ByteBuffer.wrap(h.hash().asBytes());
      lanes[0] += b.getLong();
      lanes[1] += b.getLong();
      count[0]++;
    });
    return Hashes.sha256Hex("tracker-kg tdb input 3\n" + base + "\n" + count[0] + "\n"
        + Long.toHexString(lanes[0]) + "\n" + Long.toHexString(lanes[1]));
  }

  private static final int TERM_CACHE = 1 << 20;
  private static final byte[] DEFAULT_GRAPH = new byte[16];

  /** A term's hash, unambiguous: a kind letter, then each part as its length and its UTF-16 text. */
  private static HashCode term(HashFunction f, Node n) {
    Hasher h = f.newHasher();
    if (n.isURI()) {
      h.putChar('U');
      part(h, n.getURI());
    } else if (n.isLiteral()) {
      h.putChar('L');
      part(h, n.getLiteralLexicalForm());
      part(h, n.getLiteralDatatypeURI());
      part(h, n.getLiteralLanguage());
    } else {
      h.putChar('B');
      part(h, n.toString());
    }
    return h.hash();
  }

  private static void part(Hasher h, String s) {
    String t = s == null ? "" : s;
    h.putInt(t.length()).putUnencodedChars(t);
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
