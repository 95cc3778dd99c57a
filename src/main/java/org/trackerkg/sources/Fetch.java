package org.trackerkg.sources;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.GraphDiff;
import org.trackerkg.validate.Validation;

/**
 * {@code tkg fetch}: a new snapshot of {@code data/sources/} from upstream, built beside the old one in
 * {@code data/.fetch-*}, read and validated, and only then renamed into place. A download that fails or is cut
 * short, or a process killed part way, leaves {@code data/sources/} as it was (at most a {@code .fetch-*} folder
 * behind, removed by the next run).
 *
 * <p>The swap is two renames (old away, new in); a crash between them leaves {@code data/.sources-old-*} and no
 * {@code data/sources}, which the next run (and nothing else) puts back before it starts.
 */
public final class Fetch {
  public static final String PROFILES = "yale-tracker-profiles";
  public static final String EXODUS = "exodus";

  private final Path data;
  private final String repoUrl;
  private final String exodusUrl;
  private final Path cache;
  private final String base;

  /** A new snapshot that does not read or validate: it is not installed. */
  public static final class Rejected extends Exception {
    public Rejected(String message) {
      super(message);
    }
  }

  public Fetch(Path data, String repoUrl, String exodusUrl, Path cache, String base) {
    this.data = data;
    this.repoUrl = repoUrl;
    this.exodusUrl = exodusUrl;
    this.cache = cache;
    this.base = base;
  }

  /** What changed: per tracker (IRI) the count of removed and added statements, and whether anything did. */
  public record Result(String commit, boolean exodusChanged, GraphDiff diff) {}

  /**
   * Downloads, checks and installs the new snapshot, printing progress to {@code out}. Throws IOException when a
   * download or a file operation fails, Rejected when the new snapshot does not read or conform.
   */
  public Result run(PrintWriter out) throws IOException, Rejected {
    Path sources = data.resolve("sources");
    recover(sources);
    Snapshot previous = Snapshot.read(sources);
    Path staging = Files.createTempDirectory(data, ".fetch-");
    try {
      Path next = Files.createDirectories(staging.resolve("sources"));
      out.println("tkg: fetching the profiles from " + repoUrl);
      out.flush();
      ProfileRepository.Tree tree = ProfileRepository.update(repoUrl, cache);
      Path profiles = Files.createDirectories(next.resolve(PROFILES));
      String prefix = ProfileRepository.FOLDER + "/";
      for (Map.Entry<String, byte[]> f : tree.files().entrySet()) {
        Path target = profiles.resolve(f.getKey().substring(prefix.length())).normalize();
        if (!target.startsWith(profiles)) {
          throw new IOException("the repository names a file outside " + prefix + ": " + f.getKey());
        }
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
      out.println("tkg: fetching the εxodus database from " + exodusUrl);
      out.flush();
      Path exodusDir = Files.createDirectories(next.resolve(EXODUS));
      Path json = exodusDir.resolve(DossierReader.EXODUS_FILE_NAME);
      Path oldJson = sources.resolve(EXODUS).resolve(DossierReader.EXODUS_FILE_NAME);
      Snapshot conditional = exodusUrl.equals(previous.get(Snapshot.EXODUS_URL).orElse(null))
          && Files.isRegularFile(oldJson) ? previous : new Snapshot(Map.of());
      ExodusDownload.Outcome ex = ExodusDownload.download(exodusUrl, conditional, json);
      if (!ex.changed()) {
        Files.copy(oldJson, json);
      }
      Map<String, String> rec = new TreeMap<>();
      rec.put(Snapshot.PROFILES_REPOSITORY, repoUrl);
      rec.put(Snapshot.PROFILES_COMMIT, tree.commit());
      rec.put(Snapshot.PROFILES_DATE, tree.date().toString());
      rec.put(Snapshot.EXODUS_URL, exodusUrl);
      if (ex.etag() != null) {
        rec.put(Snapshot.EXODUS_ETAG, ex.etag());
      }
      if (ex.lastModified() != null) {
        rec.put(Snapshot.EXODUS_LAST_MODIFIED, ex.lastModified());
      }
      new Snapshot(rec).write(next);

      // the new snapshot must read and conform before it replaces the old
      Pipeline.Loaded fresh = Pipeline.load(List.of(next), base, null);
      List<Diagnostic> errors = fresh.read().diagnostics().stream().filter(Diagnostic::isError).toList();
      if (!errors.isEmpty()) {
        throw new Rejected("the new snapshot has unreadable files, first " + errors.get(0)
            .toString().replace(next.toString(), "sources") + " (" + errors.size() + " in all); kept the old one");
      }
      Validation.Report report = Validation.validate(fresh.dataset(), fresh.graph().sourceFiles());
      if (!report.conforms()) {
        throw new Rejected("the new snapshot does not conform to the shapes (" + report.violations()
            + " violations; see `tkg validate` on it); kept the old one");
      }
      GraphDiff diff = GraphDiff.compute(Files.isDirectory(sources)
          ? Pipeline.load(List.of(sources), base, null).dataset() : DatasetGraphFactory.create(), fresh.dataset());

      Path old = data.resolve(".sources-old-" + Long.toHexString(System.nanoTime()));
      if (Files.exists(sources)) {
        Files.move(sources, old);
      }
      Files.move(next, sources);
      AtomicFile.syncDirectory(data);
      if (Files.exists(old)) {
        AtomicFile.deleteRecursively(old);
      }
      return new Result(tree.commit(), ex.changed(), diff);
    } finally {
      if (Files.exists(staging)) {
        AtomicFile.deleteRecursively(staging);
      }
    }
  }

  /** Puts back a snapshot moved away by a run that died between its two renames; removes abandoned stagings. */
  static void recover(Path sources) throws IOException {
    Path data = sources.getParent();
    if (!Files.isDirectory(data)) {
      Files.createDirectories(data);
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(data, ".sources-old-*")) {
      for (Path old : ds) {
        if (!Files.exists(sources)) {
          Files.move(old, sources);
        } else {
          AtomicFile.deleteRecursively(old);
        }
      }
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(data, ".fetch-*")) {
      for (Path stale : ds) {
        AtomicFile.deleteRecursively(stale);
      }
    }
  }
}
