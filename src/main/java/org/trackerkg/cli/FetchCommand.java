package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trackerkg.publish.GraphDiff;
import org.trackerkg.sources.ExodusDownload;
import org.trackerkg.sources.Fetch;
import org.trackerkg.sources.ProfileRepository;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tkg fetch}: refresh data/sources/ from upstream, atomically, and say what changed. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = {"Refresh data/sources/ from upstream: the Yale profiles from their Git repository (cloned or",
        "fetched into a cache), the εxodus database from its API (asked with ETag / If-Modified-Since).",
        "The new snapshot is read and validated before it replaces the old one; a failed download leaves",
        "data/sources/ as it was. Prints the changes per tracker. Exit 0 installed, 1 the new snapshot",
        "does not read or conform (the old one is kept), 2 a download failed or bad usage."})
public final class FetchCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "URL", defaultValue = ProfileRepository.UPSTREAM,
      description = "Git repository of the profiles (default: ${DEFAULT-VALUE}).")
  String repo;

  @Option(names = "--exodus", paramLabel = "URL", defaultValue = ExodusDownload.UPSTREAM,
      description = "εxodus trackers API (default: ${DEFAULT-VALUE}).")
  String exodus;

  @Option(names = "--data", paramLabel = "DIR",
      description = "The data folder whose sources/ is refreshed (default: the project's data/).")
  Path data;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Where the profiles' repository is kept (bare clone) between runs; `tkg history` reads it "
          + "(default: DATA/../.cache/tracker-profiles.git).")
  Path cache;

  @Mixin BaseOption base = new BaseOption();

  @Spec CommandSpec spec;

  /** The fetch cache of a data folder: beside it, so `tkg history` finds it too. */
  static Path defaultCache(Path data) {
    return data.toAbsolutePath().normalize().resolveSibling(".cache").resolve("tracker-profiles.git");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dataDir = data != null ? data : Inputs.orDefault(null).get(0);
    if (!Files.isDirectory(dataDir)) {
      throw new UsageException("--data: not a folder: " + dataDir);
    }
    Path cacheDir = cache != null ? cache : defaultCache(dataDir);
    Fetch.Result r;
    try {
      r = new Fetch(dataDir, repo, exodus, cacheDir, base.base()).run(out);
    } catch (IOException e) {
      err.println("tkg: fetch failed, data/sources left as it was: " + oneLine(e));
      err.flush();
      return ExitCode.BAD_INPUT;
    } catch (Fetch.Rejected e) {
      err.println("tkg: " + e.getMessage());
      err.flush();
      return ExitCode.FINDINGS;
    }
    GraphDiff diff = r.diff();
    int trackers = 0;
    for (GraphDiff.Group g : diff.byTracker()) {
      String name = g.key().equals(GraphDiff.OTHER) ? g.key() : g.key().substring(g.key().lastIndexOf('/') + 1);
      out.printf("  %-32s -%d +%d%n", name, g.removed().size(), g.added().size());
      trackers += g.key().equals(GraphDiff.OTHER) ? 0 : 1;
    }
    out.printf("tkg: %s now holds profiles commit %s and %s εxodus database; %d tracker%s changed "
            + "(%d statements removed, %d added)%n", dataDir.resolve("sources"), r.commit().substring(0, 12),
        r.exodusChanged() ? "a new" : "the same", trackers, trackers == 1 ? "" : "s", diff.removed().size(),
        diff.added().size());
    out.flush();
    return ExitCode.OK;
  }

  /** The message of the innermost cause: "connection refused", not three wrappers' worth. */
  private static String oneLine(Throwable e) {
    Throwable t = e;
    String msg = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        msg = msg == null || !msg.contains(t.getMessage()) ? (msg == null ? "" : msg + ": ") + t.getMessage() : msg;
      }
    }
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    }
    return msg.replace('\n', ' ');
  }
}
