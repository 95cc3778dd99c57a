package org.trackerkg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Iris;

/**
 * Not a test: one conversion in a fresh JVM, run by {@link BenchHarness} (so each size gets its own heap, e.g.
 * {@code -Xmx2g} for 100k). {@code ConvertChild DIR OUT.nt [OUT.nq]}: what {@code tkg convert --format nt} does — the
 * two-pass streamed conversion into sorted N-Triples — with each stage timed: the first pass (read, keep each dossier
 * without its text), the second (read each file again, map, one dossier at a time), the lines (formatting, sorting
 * and spilling, merging, writing). The baseline is Jena's streaming N-Triples writer fed the very same triples as they
 * come (unsorted, repeats included), timed alone. Optionally our sorted N-Quads too (from the same pass). Prints one
 * JSON line on stdout, prefixed {@code RESULT }.
 */
public final class ConvertChild {
  private ConvertChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path nt = Path.of(args[1]);
    Path nq = args.length > 2 ? Path.of(args[2]) : null;
    Path jena = Files.createTempFile(nt.toAbsolutePath().getParent(), "jena-", ".nt");
    long[] ours = new long[1];
    long[] theirs = new long[1];
    long[] streamed = new long[1];
    long triples;
    Pipeline.Streamed s;
    long writeStart;
    try (RdfOutput.SortedLines ntLines = RdfOutput.sortedLines(RdfOutput.Format.NT);
        RdfOutput.SortedLines nqLines = RdfOutput.sortedLines(RdfOutput.Format.NQ);
        OutputStream jenaOut = new BufferedOutputStream(Files.newOutputStream(jena), 1 << 16)) {
      StreamRDF w = StreamRDFWriter.getWriterStream(jenaOut, RDFFormat.NTRIPLES);
      w.start();
      s = Pipeline.stream(List.of(dir), Iris.DEFAULT_BASE, q -> {
        try {
          long a = System.nanoTime();
          ntLines.add(q);
          long b = System.nanoTime();
          w.triple(q.asTriple());
          long c = System.nanoTime();
          if (nq != null) {
            nqLines.add(q);
          }
          ours[0] += b - a;
          theirs[0] += c - b;
          streamed[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      long a = System.nanoTime();
      w.finish();
      jenaOut.flush();
      theirs[0] += System.nanoTime() - a;
      writeStart = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(nt), 1 << 16)) {
        triples = ntLines.writeTo(out);
      }
      ours[0] += System.nanoTime() - writeStart;
      if (nq != null) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(nq), 1 << 16)) {
          nqLines.writeTo(out);
        }
      }
    }
    long jenaBytes = Files.size(jena);
    Files.delete(jena);
    // the second pass's own time: without the line sinks (ours, Jena's, and the N-Quads')
    double mapS = (s.secondPassNanos() - ours[0] - theirs[0]) / 1e9;
    System.out.printf(Locale.ROOT, "RESULT {\"dossiers\":%d,\"diagnostics\":%d,\"triples\":%d,\"streamedQuads\":%d,"
            + "\"readS\":%.4f,\"mapS\":%.4f,\"writeNtS\":%.4f,\"jenaWriteNtS\":%.4f,\"ntBytes\":%d,"
            + "\"jenaNtBytes\":%d,\"peakHeapMB\":%d,\"maxHeapMB\":%d}%n",
        s.dossiers(), s.diagnostics().size(), triples, streamed[0], s.firstPassNanos() / 1e9, mapS, ours[0] / 1e9,
        theirs[0] / 1e9, Files.size(nt), jenaBytes, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
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
