package org.trackerkg.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.graph.GraphBuilder;
import org.trackerkg.graph.Iris;
import org.trackerkg.publish.RdfOutput;

/**
 * Not a test: one conversion in a fresh JVM, run by {@link BenchHarness} (so each size gets its own heap, e.g.
 * {@code -Xmx2g} for 100k). {@code ConvertChild DIR OUT.nt [OUT.nq]}: reads the dossiers, maps them, writes our
 * sorted N-Triples (what {@code tkg convert --format nt} writes), then Jena's streaming N-Triples writer over the same
 * triples, unsorted (the baseline); optionally our sorted N-Quads too. Prints one JSON line on stdout, prefixed
 * {@code RESULT }.
 */
public final class ConvertChild {
  private ConvertChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path nt = Path.of(args[1]);
    Path nq = args.length > 2 ? Path.of(args[2]) : null;
    long t0 = System.nanoTime();
    ReadResult read = DossierReader.read(List.of(dir));
    long t1 = System.nanoTime();
    GraphBuilder.Result g = GraphBuilder.create().base(Iris.DEFAULT_BASE).build(read.dossiers());
    DatasetGraph dsg = g.dataset();
    long t2 = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(nt), 1 << 16)) {
      RdfOutput.write(dsg, RdfOutput.Format.NT, Iris.DEFAULT_BASE, out);
    }
    long t3 = System.nanoTime();
    long triples = 0;
    Path jena = Files.createTempFile(nt.getParent(), "jena-", ".nt");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(jena), 1 << 16)) {
      StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
      w.start();
      var it = dsg.getUnionGraph().find();
      while (it.hasNext()) {
        w.triple(it.next());
        triples++;
      }
      w.finish();
    }
    long t4 = System.nanoTime();
    long jenaBytes = Files.size(jena);
    Files.delete(jena);
    if (nq != null) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(nq), 1 << 16)) {
        RdfOutput.write(dsg, RdfOutput.Format.NQ, Iris.DEFAULT_BASE, out);
      }
    }
    System.out.printf(Locale.ROOT, "RESULT {\"dossiers\":%d,\"diagnostics\":%d,\"triples\":%d,\"readS\":%.4f,"
            + "\"mapS\":%.4f,\"writeNtS\":%.4f,\"jenaWriteNtS\":%.4f,\"ntBytes\":%d,\"jenaNtBytes\":%d,"
            + "\"peakHeapMB\":%d,\"maxHeapMB\":%d}%n",
        read.dossiers().size(), read.diagnostics().size() + g.diagnostics().size(), triples, (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, Files.size(nt), jenaBytes, peakHeap() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
