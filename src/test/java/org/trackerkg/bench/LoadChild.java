package org.trackerkg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.vocab.Iris;

/**
 * Not a test: loading and memory in a fresh JVM, run by {@link BenchHarness}. {@code LoadChild FILE.nq FILE.nt WORK}.
 * Our side is what TrackerServer does with a dataset (in memory: copy into a transactional dataset, the union as
 * default graph, the page index; TDB2: the quads hashed in memory, then Jena's phased loader fed from memory); Jena's side is
 * RDFParser into an in-memory transactional dataset, and the TDB2 parallel and phased loaders, on the same file.
 * Prints {@code RESULT {json}}. A fourth argument {@code tdb} runs the TDB2 part alone.
 */
public final class LoadChild {
  private LoadChild() {}

  public static void main(String[] args) {
    // exit explicitly: a failure must not leave the JVM waiting on the loaders' non-daemon threads
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    Path nq = Path.of(args[0]);
    Path nt = Path.of(args[1]);
    Path work = Path.of(args[2]);
    Map<String, Object> r = new LinkedHashMap<>();
    // warm-up: the parser's code paths, once
    DatasetGraph warm = DatasetGraphFactory.createTxnMem();
    RDFParser.source(nq).parse(warm);
    long quads = Txn.calculateRead(warm, () -> warm.stream().count());
    r.put("quads", quads);
    warm.clear();

    // "tdb": the TDB2 part alone; "scale": ours (kept in WORK/tdb-ours, for serving after) and the parallel loader
    // only, without the warm-up load (at tens of millions of quads the compiler's warm-up is lost in the noise)
    boolean scale = args.length > 3 && args[3].equals("scale");
    boolean tdbOnly = scale || args.length > 3 && args[3].equals("tdb");
    long h0 = 0;
    long t = 0;
    if (!tdbOnly) {
    // Jena: N-Quads into an in-memory transactional dataset
    h0 = heap();
    t = System.nanoTime();
    DatasetGraph jena = DatasetGraphFactory.createTxnMem();
    RDFParser.source(nq).parse(jena);
    r.put("jenaMemS", secs(t));
    r.put("jenaMemHeapPerQuad", (double) (heap() - h0) / quads);
    jena = null;

    // Jena: the N-Triples dump, for the triples count and the per-triple heap of the plain graph
    h0 = heap();
    t = System.nanoTime();
    DatasetGraph jenaNt = DatasetGraphFactory.createTxnMem();
    RDFParser.source(nt).parse(jenaNt);
    r.put("jenaMemNtS", secs(t));
    long triples = Txn.calculateRead(jenaNt, () -> jenaNt.getDefaultGraph().size());
    r.put("triples", triples);
    r.put("jenaMemNtHeapPerTriple", (double) (heap() - h0) / triples);
    jenaNt.clear();

    // ours, in memory: parse, then what TrackerServer.build() does (not started)
    h0 = heap();
    t = System.nanoTime();
    DatasetGraph parsed = DatasetGraphFactory.create();
    RDFParser.source(nq).parse(parsed);
    double parseS = secs(t);
    long t2 = System.nanoTime();
    TrackerServer mem = TrackerServer.create().dataset(parsed).base(Iris.DEFAULT_BASE).port(0)
        .requestLog(null).messages(null).build();
    r.put("oursMemBuildS", secs(t2));
    r.put("oursMemS", parseS + secs(t2));
    parsed = null;
    r.put("oursMemHeapPerTriple", (double) (heap() - h0) / triples);
    r.put("oursMemHeapPerQuad", (double) (heap() - h0) / quads);
    mem.stop();
    mem = null;
    }

    // ours, TDB2
    Path tdbOurs = work.resolve("tdb-ours");
    deleteTree(tdbOurs);
    DatasetGraph input = DatasetGraphFactory.create();
    RDFParser.source(nq).parse(input);
    // a throwaway TDB2 load first: whichever ran first would pay for compiling the loader's code (a first load ran
    // 1.5–2x slower than the same load repeated in one JVM)
    Path warmDb = work.resolve("tdb-warm");
    deleteTree(warmDb);
    if (!scale) {
    DatasetGraph warmTdb = DatabaseMgr.connectDatasetGraph(warmDb.toString());
    DataLoader warmLoader = LoaderFactory.phasedLoader(warmTdb, (fmt, a) -> { });
    warmLoader.startBulk();
    warmLoader.load(nq.toString());
    warmLoader.finishBulk();
    TDBInternal.expel(warmTdb);
    deleteTree(warmDb);
    }
    heap();  // the parse's garbage collected before the clock starts, as for Jena's loaders below
    t = System.nanoTime();
    TrackerServer tdb = TrackerServer.create().dataset(input).base(Iris.DEFAULT_BASE).port(0)
        .requestLog(null).messages(null).tdb(tdbOurs).build();
    r.put("oursTdbS", secs(t));
    tdb.stop();
    r.put("oursTdbBytes", size(tdbOurs));
    input = null;
    if (!scale) {
      deleteTree(tdbOurs);
    }

    // Jena's TDB2 loaders on the same N-Quads file
    for (String kind : scale ? new String[] {"parallel"} : new String[] {"parallel", "phased"}) {
      Path dir = work.resolve("tdb-" + kind);
      deleteTree(dir);
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
      t = System.nanoTime();
      MonitorOutput quiet = (fmt, a) -> { };  // Jena's loaders need one (null throws); progress is not wanted
      DataLoader loader = kind.equals("parallel") ? LoaderFactory.parallelLoader(dsg, quiet)
          : LoaderFactory.phasedLoader(dsg, quiet);
      loader.startBulk();
      loader.load(nq.toString());
      loader.finishBulk();
      r.put("jenaTdb" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "S", secs(t));
      TDBInternal.expel(dsg);
      r.put("jenaTdb" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "Bytes", size(dir));
      deleteTree(dir);
    }
    System.out.println("RESULT " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
  }

  private static double secs(long t) {
    return (System.nanoTime() - t) / 1e9;
  }

  static long heap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long size(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
