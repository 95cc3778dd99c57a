package org.trackerkg.publish;

import org.trackerkg.base.Hashes;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Ontology;

/**
 * Writes a dump: the data in every format ({@code tracker-kg.ttl|nt|trig|nq|jsonld}, each with a deterministic
 * {@code .gz}), {@code ontology.ttl}, {@code shapes.ttl}, {@code void.ttl} (VoID + DCAT) and {@code SHA256SUMS}, plus
 * any records a caller adds ({@link #record}). The same dataset and options give the same bytes: nothing in the files
 * depends on the clock.
 *
 * <p>Atomicity, as {@link DumpFolder} lays it out: every file is written (and forced to disk) into a fresh staging
 * folder {@code DIR/versions/.tmp-dump-*}; only when all are complete is that folder renamed to its version
 * {@code DIR/versions/ID}, then {@code DIR/current} switched to it in one atomic rename, then older versions beyond
 * the kept ones removed. A failure or a kill at any point leaves {@code current} naming one complete version, old or
 * new, never a mix; a staging folder left by a killed process is removed by the next run. Every run publishes a new
 * version, even of the same bytes (so a rerun also repairs a current version someone edited).
 *
 * <pre>{@code DumpManifest m = DumpWriter.create().base(base).version("2024.1").write(dsg, dir);}</pre>
 */
public final class DumpWriter {
  public static final String NAME = "tracker-kg";
  public static final String ONTOLOGY = "ontology.ttl";
  public static final String SHAPES = "shapes.ttl";
  public static final String VOID = "void.ttl";
  public static final String SUMS = "SHA256SUMS";
  static final String STAGING_PREFIX = ".tmp-dump-";

  /** The data formats of a dump, in the order they are written. */
  public static final List<RdfOutput.Format> FORMATS = List.of(RdfOutput.Format.TTL, RdfOutput.Format.NT,
      RdfOutput.Format.TRIG, RdfOutput.Format.NQ, RdfOutput.Format.JSONLD);

  /** Called after each file is complete in the staging folder (tests inject failures here). */
  @FunctionalInterface
  interface Hook {
    void fileWritten(String name, int count) throws IOException;
  }

  private String base = Iris.DEFAULT_BASE;
  private String version;
  private LocalDate modified;
  private boolean modifiedFromData = true;
  private boolean gzip = true;
  private Hook hook = (n, c) -> { };
  private DumpFolder.StepHook steps = step -> { };
  private boolean links = true;
  private final java.util.Map<String, Record> records = new java.util.TreeMap<>();

  private DumpWriter() {}

  public static DumpWriter create() {
    return new DumpWriter();
  }

  /** The base of the IRIs and of the download URLs {@code {base}dumps/{file}} (default {@value Iris#DEFAULT_BASE}). */
  public DumpWriter base(String base) {
    this.base = new Iris(Objects.requireNonNull(base, "base")).base();
    return this;
  }

  /** The version ({@code dct:hasVersion}, {@code owl:versionInfo}); none by default. */
  public DumpWriter version(String version) {
    this.version = version == null || version.isBlank() ? null : version.strip();
    return this;
  }

  /**
   * {@code dct:modified}; by default the newest εxodus creation date in the data (never the clock), and none when
   * the data has none.
   */
  public DumpWriter modified(LocalDate modified) {
    this.modified = modified;
    this.modifiedFromData = modified == null;
    return this;
  }

  /** Whether to write a {@code .gz} beside each data file (default yes). */
  public DumpWriter gzip(boolean gzip) {
    this.gzip = gzip;
    return this;
  }

  DumpWriter hook(Hook hook) {
    this.hook = Objects.requireNonNull(hook);
    return this;
  }

  DumpWriter steps(DumpFolder.StepHook steps) {
    this.steps = Objects.requireNonNull(steps);
    return this;
  }

  /** Whether to switch versions with a symbolic link (default) or, as where links cannot be made, a pointer file. */
  DumpWriter links(boolean links) {
    this.links = links;
    return this;
  }

  /** A record about the dump, computed from its files (their sizes and SHA-256) once they are complete. */
  @FunctionalInterface
  public interface Record {
    byte[] bytes(List<DumpFile> files);
  }

  /**
   * Adds a file that says something about this dump (a cache or replication record) to its version folder, written
   * with the dump files and switched in with them, so it can never describe another version. Not listed in
   * {@code SHA256SUMS} nor in {@code void.ttl}; a name starting with a dot is not served at {@code /dumps/}.
   */
  public DumpWriter record(String name, Record content) {
    if (!name.matches("\\.?[A-Za-z0-9][A-Za-z0-9._-]*") || fileNames().contains(name)) {
      throw new IllegalArgumentException("record: not a plain name, or a dump file's: " + name);
    }
    records.put(name, Objects.requireNonNull(content));
    return this;
  }

  /** The file names a dump holds, sorted (what {@code SHA256SUMS} lists, plus itself). */
  public List<String> fileNames() {
    List<String> names = new ArrayList<>();
    for (RdfOutput.Format f : FORMATS) {
      names.add(NAME + "." + f.extension);
      if (gzip) {
        names.add(NAME + "." + f.extension + ".gz");
      }
    }
    names.add(ONTOLOGY);
    names.add(SHAPES);
    names.add(VOID);
    names.add(SUMS);
    names.sort(RdfOutput::compareCodePoints);
    return names;
  }

  /** Writes a new version of the dump into {@code dir} and makes it current (see {@link DumpFolder}). */
  public DumpManifest write(DatasetGraph dsg, Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path versions = Files.createDirectories(target.resolve(DumpFolder.VERSIONS));
    removeStaleStaging(target);
    removeStaleStaging(versions);
    Path stage = stagingFolder(versions); // not createTempDirectory: its 0700 would stay on the published folder
    try {
      List<DumpFile> files = stageAll(dsg, stage);
      MessageDigest md = Hashes.sha256();
      md.update(Files.readAllBytes(stage.resolve(SUMS)));
      for (var r : records.entrySet()) {
        byte[] bytes = r.getValue().bytes(files);
        AtomicFile.writeDurably(stage.resolve(r.getKey()), out -> out.write(bytes));
        md.update(("\n" + r.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
        md.update(bytes);
      }
      String hash = Hashes.hex(md);
      String id = DumpFolder.newId(Instant.now(), hash);
      AtomicFile.syncDirectory(stage);
      Path published = versions.resolve(id);
      Files.move(stage, published, StandardCopyOption.ATOMIC_MOVE); // the whole version appears at once
      AtomicFile.syncDirectory(versions);
      boolean linked;
      try {
        steps.reached("version " + id);
        linked = DumpFolder.switchTo(target, id, links);
      } catch (IOException | RuntimeException e) {
        AtomicFile.deleteRecursively(published); // never current: nobody reads it (a kill leaves it to prune)
        throw e;
      }
      steps.reached("switched");
      if (linked) { // the older paths DIR/NAME, each a link through current
        DumpFolder.linkNames(target, id, steps);
        steps.reached("linked");
      }
      DumpFolder.prune(target, id, steps);
      steps.reached("pruned");
      return new DumpManifest(published, id, files);
    } catch (org.apache.jena.atlas.RuntimeIOException e) {
      // Jena's writers wrap I/O failures (a full disk) in an unchecked exception: give callers the IOException
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    } finally {
      AtomicFile.deleteRecursively(stage);
    }
  }

  private List<DumpFile> stageAll(DatasetGraph dsg, Path stage) throws IOException {
    List<DumpFile> files = new ArrayList<>();
    long triples = -1;
    long quads = -1;
    for (RdfOutput.Format f : FORMATS) {
      String name = NAME + "." + f.extension;
      long lines = stage(stage, name, f.mediaType, null, -1, out -> RdfOutput.write(dsg, f, base, out), files);
      // the sorted N-Triples / N-Quads have one line per distinct triple / quad
      if (f == RdfOutput.Format.NT) {
        triples = lines;
      } else if (f == RdfOutput.Format.NQ) {
        quads = lines;
      }
      if (gzip) {
        Path src = stage.resolve(name);
        stage(stage, name + ".gz", f.mediaType, "application/gzip", -1, out -> {
          GZIPOutputStream gz = new GZIPOutputStream(nonClosing(out), 1 << 16);
          try (InputStream in = Files.newInputStream(src)) {
            in.transferTo(gz);
          }
          gz.finish();
        }, files);
      }
    }
    long t = triples;
    long q = quads;
    files.replaceAll(x -> withCount(x, formatOf(x.name()).quads ? q : t));
    stage(stage, ONTOLOGY, "text/turtle", null, Ontology.graph().size(),
        out -> out.write(Ontology.bytes(Ontology.TRACKER_TTL)), files);
    stage(stage, SHAPES, "text/turtle", null, Ontology.shapesGraph().size(),
        out -> out.write(Ontology.bytes(Ontology.SHAPES_TTL)), files);
    LocalDate mod = modifiedFromData ? VoidDescription.defaultModified(dsg) : modified;
    var voidGraph = VoidDescription.describe(dsg, base, version, mod, files);
    stage(stage, VOID, "text/turtle", null, voidGraph.size(),
        out -> RdfOutput.writeTurtle(voidGraph, VoidDescription.prefixes(base), out), files);
    files.sort(Comparator.comparing(DumpFile::name, RdfOutput::compareCodePoints));
    StringBuilder sums = new StringBuilder();
    for (DumpFile x : files) {
      sums.append(x.sha256()).append("  ").append(x.name()).append('\n');
    }
    byte[] sumBytes = sums.toString().getBytes(StandardCharsets.UTF_8);
    stage(stage, SUMS, "text/plain", null, -1, out -> out.write(sumBytes), files);
    files.sort(Comparator.comparing(DumpFile::name, RdfOutput::compareCodePoints));
    return files;
  }

  /** The data format of a dump file name ({@code tracker-kg.nq.gz} → NQ), or null. */
  public static RdfOutput.Format formatOf(String fileName) {
    String n = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
    for (RdfOutput.Format f : FORMATS) {
      if (n.equals(NAME + "." + f.extension)) {
        return f;
      }
    }
    return null;
  }

  private static DumpFile withCount(DumpFile f, long n) {
    return new DumpFile(f.name(), f.mediaType(), f.compressFormat(), f.bytes(), n, f.sha256());
  }

  /**
   * Writes one file into the staging folder, measuring its size and SHA-256 on the way; returns its newline count.
   */
  private long stage(Path stage, String name, String mediaType, String compress, long statements,
      AtomicFile.Content content, List<DumpFile> files) throws IOException {
    Path p = stage.resolve(name);
    Measuring[] m = new Measuring[1];
    AtomicFile.writeDurably(p, out -> {
      m[0] = new Measuring(out);
      content.writeTo(m[0]);
      m[0].flush();
    });
    files.add(new DumpFile(name, mediaType, compress, m[0].bytes, statements, m[0].hex()));
    hook.fileWritten(name, files.size());
    return m[0].lines;
  }

  private static Path stagingFolder(Path parent) throws IOException {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; ; attempt++) {
      try {
        return Files.createDirectory(parent.resolve(STAGING_PREFIX + Long.toUnsignedString(random.nextLong(), 36)));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private static void removeStaleStaging(Path dir) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
      for (Path p : ds) {
        AtomicFile.deleteRecursively(p);
      }
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Counts bytes and newlines and digests what passes through. */
  static final class Measuring extends FilterOutputStream {
    private final MessageDigest md;
    long bytes;
    long lines;

    Measuring(OutputStream out) {
      super(out);
      md = Hashes.sha256();
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      md.update((byte) b);
      bytes++;
      if (b == '\n') {
        lines++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      md.update(b, off, len);
      bytes += len;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void close() throws IOException {
      flush(); // the caller owns the underlying stream
    }

    String hex() {
      return Hashes.hex(md);
    }
  }
}
