package org.trackerkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tkg validate}: convert, then check against the SHACL shapes. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Convert dossiers and validate the graph against ontology/shapes.ttl.",
        "Exit 0 conforms, 1 violations, 2 unreadable input."})
public final class ValidateCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  /** SHACL severities, least to most severe. */
  enum Level { INFO, WARNING, VIOLATION }

  @picocli.CommandLine.Option(names = "--show", paramLabel = "LEVEL", defaultValue = "warning",
      description = "Least severe finding to print: violation, warning or info (default: ${DEFAULT-VALUE}).")
  Level show;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline.Loaded loaded = input.load(err);
    Validation.Report report = Validation.validate(loaded.dataset(), loaded.graph().sourceFiles());
    java.util.Map<Level, Long> counts = new java.util.EnumMap<>(Level.class);
    for (Level l : Level.values()) {
      counts.put(l, 0L);
    }
    for (Validation.Finding f : report.findings()) {
      Level level = Level.valueOf(f.severity().toUpperCase(java.util.Locale.ROOT));
      counts.merge(level, 1L, Long::sum);
      if (level.compareTo(show) >= 0) {
        out.println(f);
      }
    }
    out.printf("%d dossiers, %d triples: %s (%d violations, %d warnings, %d infos%s)%n", loaded.dossierCount(),
        loaded.dataset().getUnionGraph().size(), report.conforms() ? "conforms" : "does not conform",
        counts.get(Level.VIOLATION), counts.get(Level.WARNING), counts.get(Level.INFO),
        show == Level.INFO ? "" : "; --show info lists them all");
    out.flush();
    if (loaded.hasInputErrors()) {
      return ExitCode.BAD_INPUT;
    }
    return report.conforms() ? ExitCode.OK : ExitCode.FINDINGS;
  }
}
