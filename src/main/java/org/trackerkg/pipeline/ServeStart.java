package org.trackerkg.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.publish.DumpFolder;
import org.trackerkg.publish.DumpManifest;
import org.trackerkg.publish.DumpWriter;

/**
 * How {@code serve} gets its data and keeps its dumps: a warm start from the N-Quads dump of an unchanged input
 * (the dumps folder doubles as a cache of the conversion, see {@link DumpCache}), else a cold start through the
 * pipeline; and, once the server answers, the dumps written in the background.
 */
public final class ServeStart {
  private ServeStart() {}

  /** The fingerprint of the inputs when the dumps folder outlives the server (else there is nothing to cache). */
  public static Optional<String> fingerprint(List<Path> inputs, String base, boolean dumpsOutliveServer) {
    return dumpsOutliveServer ? DumpCache.fingerprint(inputs, base) : Optional.empty();
  }

  /** A warm start: the dataset of an unchanged input from its dump, or empty (a cold start). */
  public static Optional<Warm> warm(Optional<String> fingerprint, Path dumpsDir, PrintWriter err) {
    return fingerprint.flatMap(f -> DumpCache.find(dumpsDir, f)).flatMap(h -> read(h, err));
  }

  /** The dataset read from a dump, and the number of dossiers it came from. */
  public record Warm(DatasetGraph dataset, int dossiers) {}

  /** The dataset of an unchanged input, from its N-Quads dump; empty (a cold start) when the dump does not parse. */
  private static Optional<Warm> read(DumpCache.Hit hit, PrintWriter err) {
    try {
      DatasetGraph dsg = DatasetGraphFactory.create();
      RDFParser.source(hit.nquads()).lang(Lang.NQUADS).parse(dsg);
      err.println("tkg: input unchanged since " + hit.nquads() + " was written: loaded from it (`tkg validate` "
          + "shows the input's warnings)");
      err.flush();
      return Optional.of(new Warm(dsg, hit.dossiers()));
    } catch (RuntimeException e) {
      err.println("tkg: " + hit.nquads() + ": " + e.getMessage() + ": reading the input instead");
      err.flush();
      return Optional.empty();
    }
  }

  /**
   * Whether a cold start rewrites the dumps: when they are to be recorded as this input's, when there are none
   * whole yet, or when the TDB2 store was loaded from scratch.
   */
  public static boolean dumpsStale(Optional<String> fingerprint, Path dumpsDir, boolean storeLoadedFromScratch) {
    DumpFolder.Version current = DumpFolder.current(dumpsDir);
    return fingerprint.isPresent() || current == null || !Files.isRegularFile(current.file(DumpWriter.SUMS))
        || storeLoadedFromScratch;
  }

  /**
   * Dumps take longer to write than the data takes to load, so they are written after the server answers. The
   * writer stages a whole version and switches to it in one step (with this input's record inside it), so /dumps/
   * only ever shows one whole version (or none yet).
   */
  public static Thread writeDumpsInBackground(DatasetGraph dataset, String base, int dossiers,
      Optional<String> fingerprint, Path dumpsDir, PrintWriter err) {
    Thread t = new Thread(() -> {
      try {
        DumpWriter w = DumpWriter.create().base(base);
        fingerprint.ifPresent(f -> w.record(DumpCache.RECORD, DumpCache.record(f, dossiers)));
        DumpManifest m = w.write(dataset, dumpsDir);
        err.println("tkg: wrote dumps to " + dumpsDir + " (version " + m.id() + ")");
      } catch (IOException | RuntimeException e) {
        err.println("tkg: could not write dumps to " + dumpsDir + ": " + e.getMessage());
      }
      err.flush();
    }, "tkg-dumps");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    err.println("tkg: writing dumps to " + dumpsDir + " in the background");
    t.start();
    return t;
  }
}
