package org.trackerkg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.Corpus;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.DumpFile;
import org.trackerkg.publish.DumpManifest;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.vocab.Iris;

/**
 * Not a test: dump throughput and peak heap for the shared corpus (60 profiles + trackers.json), and for the corpus
 * replicated N times (default 100; the dataset built N times under N different base IRIs and merged).
 *
 * <pre>
 * mvn -o -q test-compile
 * java -Xmx8g -cp target/classes:target/test-classes:$(cat cp.txt) org.trackerkg.bench.DumpBenchmark [N]
 * </pre>
 */
public final class DumpBenchmark {
  private DumpBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (!Corpus.present()) {
      System.out.println("corpus not found at " + Corpus.root() + ": nothing to measure");
      return;
    }
    int copies = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    List<Path> inputs = List.of(Corpus.profiles(), Corpus.exodusJson());
    DatasetGraph one = Pipeline.load(inputs, Iris.DEFAULT_BASE).dataset();
    run("corpus ×1", one, 3);
    DatasetGraph many = DatasetGraphFactory.create();
    long t0 = System.nanoTime();
    for (int i = 0; i < copies; i++) {
      String base = "https://replica-" + i + ".example.org/tracker-kg/";
      Pipeline.load(inputs, base).dataset().find().forEachRemaining(many::add);
    }
    System.out.printf("built corpus ×%d in %.1f s%n", copies, (System.nanoTime() - t0) / 1e9);
    one = null;
    run("corpus ×" + copies, many, 1);
  }

  private static void run(String label, DatasetGraph dsg, int rounds) throws Exception {
    long quads = dsg.stream().count();
    for (int r = 0; r < rounds; r++) {
      System.gc();
      resetPeaks();
      long heapBefore = usedHeap();
      Path dir = Files.createTempDirectory("tkg-dump-bench-");
      long t = System.nanoTime();
      DumpManifest m = DumpWriter.create().version("bench").write(dsg, dir);
      double s = (System.nanoTime() - t) / 1e9;
      long bytes = m.files().stream().mapToLong(DumpFile::bytes).sum();
      long nq = m.file("tracker-kg.nq").orElseThrow().bytes();
      System.out.printf("%s round %d: %,d quads; %,d bytes in %d files in %.2f s = %.1f MB/s written "
              + "(N-Quads alone %.1f MB); peak heap %,d MB (dataset + writer; %,d MB before)%n",
          label, r + 1, quads, bytes, m.files().size(), s, bytes / s / 1e6, nq / 1e6,
          peakHeap() >> 20, heapBefore >> 20);
      AtomicFile.deleteRecursively(dir);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
