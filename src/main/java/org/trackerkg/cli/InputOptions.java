package org.trackerkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.pipeline.Pipeline;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** INPUT... and {@code --base}: the options of every command that reads dossiers. */
public final class InputOptions {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Dossier files, folders of them, or an εxodus trackers.json (default: data/).")
  List<Path> inputs = new ArrayList<>();

  @Mixin BaseOption baseOption = new BaseOption();

  @Option(names = "--quiet", description = "No progress lines on standard error (diagnostics still are).")
  boolean quiet;

  /** The base IRI ({@code --base}), already checked. */
  String base() {
    return baseOption.base();
  }

  List<Path> inputs() {
    return Inputs.orDefault(inputs);
  }

  /** Reads and maps the inputs, printing every diagnostic to {@code err}. */
  Pipeline.Loaded load(PrintWriter err) {
    return load(err, true);
  }

  /** Reads and maps the inputs, printing errors to {@code err}, and warnings too when {@code warnings}. */
  Pipeline.Loaded load(PrintWriter err, boolean warnings) {
    List<Path> in = inputs();
    Progress progress = progress(err);
    progress.start("reading and mapping " + describe(in));
    Pipeline.Loaded loaded = Pipeline.load(in, base());
    report(loaded.diagnostics().stream().filter(d -> warnings || d.isError()).toList(), err);
    requireDossiers(loaded.dossierCount(), in);
    progress.done("read " + loaded.dossierCount() + " dossiers into " + loaded.dataset().stream().count() + " quads");
    return loaded;
  }

  /** Progress lines on {@code err}, unless --quiet. */
  Progress progress(PrintWriter err) {
    return Progress.of(err, quiet);
  }

  /** No dossier in the input is a usage error: a path that holds none is most likely a wrong path. */
  static void requireDossiers(int dossiers, List<Path> inputs) {
    if (dossiers == 0) {
      throw new UsageException("warning: no dossiers found in " + describe(inputs)
          + " (dossier files are .md, .mkd or .txt; or an εxodus trackers.json)");
    }
  }

  static String describe(List<Path> inputs) {
    return inputs.size() <= 3 ? String.join(" ", inputs.stream().map(Path::toString).toList())
        : inputs.size() + " inputs";
  }

  /** Reads and maps the inputs in two passes, each quad to {@code sink}, printing every diagnostic to {@code err}. */
  Pipeline.Streamed stream(PrintWriter err, java.util.function.Consumer<org.apache.jena.sparql.core.Quad> sink) {
    Pipeline.Streamed streamed = Pipeline.stream(inputs(), base(), sink);
    report(streamed.diagnostics(), err);
    return streamed;
  }

  static void report(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics) {
      err.println(d);
    }
    err.flush();
  }
}
