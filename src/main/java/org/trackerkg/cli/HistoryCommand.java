package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.sources.History;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tkg history}: every version of every profile in a Git repository, as dated named graphs. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Every version of every profile in the profiles' Git repository (bare or with a work tree) as",
        "data: one named graph {base}graph/profiles/{slug}/{commit} per distinct version, dated, linked to the",
        "version before it, with the statements added and removed. Exit 0 written, 2 a version could not be",
        "read (the others are written) or bad usage."})
public final class HistoryCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR",
      description = "The Git repository (default: the cache of `tkg fetch`, .cache/tracker-profiles.git beside data/).")
  Path repo;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "nq",
      converter = Converters.RdfFormatConverter.class,
      description = "nq or trig (default: ${DEFAULT-VALUE}).")
  RdfOutput.Format f;

  @Mixin OutputOption output;

  @Mixin BaseOption base = new BaseOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (f != RdfOutput.Format.NQ && f != RdfOutput.Format.TRIG) {
      throw new UsageException("--format: history is named graphs: nq or trig, not " + f.name().toLowerCase(java.util.Locale.ROOT));
    }
    Path dir = repo != null ? repo : FetchCommand.defaultCache(Inputs.orDefault(null).get(0));
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--repo: no repository at " + dir + (repo == null ? " (run `tkg fetch` first)" : ""));
    }
    PrintWriter err = spec.commandLine().getErr();
    History.Result h;
    try {
      h = History.read(dir, base.base());
    } catch (IOException e) {
      throw new UsageException(dir + ": " + e.getMessage(), e);
    }
    h.diagnostics().forEach(err::println);
    output.write(out -> RdfOutput.write(h.dataset(), f, base.base(), out));
    long trackers = h.versions().stream().map(History.Version::slug).distinct().count();
    err.printf("tkg: %d versions of %d profiles%s%n", h.versions().size(), trackers,
        output.toFile() ? ", written to " + output : "");
    err.flush();
    return h.diagnostics().stream().anyMatch(Diagnostic::isError) ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
