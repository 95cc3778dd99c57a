package org.trackerkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trackerkg.store.Pipeline;
import org.trackerkg.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tkg validate}: convert, then check against the SHACL shapes. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Convert dossiers and validate the graph against ontology/shapes.ttl.",
        "Exit 0 conforms, 1 violations, 2 unreadable input."})
public final class ValidateCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline.Loaded loaded = input.load(err);
    Validation.Report report = Validation.validate(loaded.dataset(), loaded.graph().sourceFiles());
    for (Validation.Finding f : report.findings()) {
      out.println(f);
    }
    long warnings = report.findings().size() - report.violations();
    out.printf("%d dossiers, %d triples: %s (%d violations, %d warnings)%n", loaded.dossierCount(),
        loaded.dataset().getUnionGraph().size(), report.conforms() ? "conforms" : "does not conform",
        report.violations(), warnings);
    out.flush();
    if (loaded.hasInputErrors()) {
      return ExitCode.BAD_INPUT;
    }
    return report.conforms() ? ExitCode.OK : ExitCode.FINDINGS;
  }
}
