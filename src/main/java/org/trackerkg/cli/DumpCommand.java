package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.trackerkg.pipeline.Gate;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.DumpFile;
import org.trackerkg.publish.DumpManifest;
import org.trackerkg.publish.DumpVerifier;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.validate.Validation;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tkg dump}: the downloadable dump folder, byte-identical for the same input. */
// no mixinStandardHelpOptions: its --version would clash with the dump's own --version (and picocli then drops
// the mixin whole, --help with it); -h/--help is declared below
@Command(name = "dump",
    description = {"Write the dumps for download into DIR: tracker-kg.{ttl,nt,trig,nq,jsonld} and a .gz of each,",
        "ontology.ttl, shapes.ttl, void.ttl (VoID + DCAT) and SHA256SUMS. Each dump is a complete version folder",
        "DIR/versions/ID; DIR/current is switched to it in one atomic step once all its files are written (so a",
        "failure leaves the previous dump whole), and DIR/NAME links to DIR/current/NAME. Two previous versions",
        "are kept.",
        "The data must conform to the shapes first. Exit 0 written (and verified), 1 violations or a dump that",
        "does not verify, 2 unreadable input."})
public final class DumpCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The dump folder.")
  Path out;

  @Option(names = "--version", paramLabel = "V",
      description = "The dump's version (dct:hasVersion, owl:versionInfo); none by default.")
  String version;

  @Option(names = "--modified", paramLabel = "DATE",
      description = "dct:modified (YYYY-MM-DD); default: the newest εxodus creation date in the data.")
  String modified;

  @Option(names = "--verify",
      description = "Read every file back with Jena and RDF4J Rio and check it against the data and void.ttl.")
  boolean verify;

  @Option(names = "--no-validate", description = "Dump even when the data violates the shapes.")
  boolean noValidate;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate mod = null;
    if (modified != null) {
      try {
        mod = LocalDate.parse(modified);
      } catch (DateTimeParseException e) {
        throw new UsageException("--modified: not a date (YYYY-MM-DD): " + modified);
      }
    }
    Pipeline.Loaded loaded = input.load(err);
    Progress progress = input.progress(err);
    progress.start("validating against the shapes");
    Gate gate = Gate.check(loaded, !noValidate);
    progress.done("validated");
    if (gate.verdict() == Gate.Verdict.INPUT_ERRORS) {
      err.println("tkg: not dumping: some input could not be read (see above)");
      return ExitCode.BAD_INPUT;
    }
    if (gate.verdict() == Gate.Verdict.VIOLATIONS) {
      gate.report().findings().stream().filter(Validation.Finding::isViolation).forEach(err::println);
      err.printf("tkg: not dumping: %d violations of the shapes (--no-validate to dump anyway)%n",
          gate.report().violations());
      return ExitCode.FINDINGS;
    }
    String base = input.base();
    DumpManifest manifest;
    progress.start("writing the dumps into " + out);
    try {
      manifest = DumpWriter.create().base(base).version(version).modified(mod).write(loaded.dataset(), out);
    } catch (IOException e) {
      throw new UsageException("cannot write the dump into " + out + ": " + e.getMessage(), e);
    }
    for (DumpFile f : manifest.files()) {
      o.printf("%-24s %12d bytes%s%n", f.name(), f.bytes(),
          f.isRdf() ? String.format(" %10d statements", f.statements()) : "");
    }
    o.flush();
    err.println("tkg: wrote " + manifest.files().size() + " files into " + manifest.dir() + " (current version of "
        + out + ")");
    progress.done("written");
    if (verify) {
      progress.start("reading every file back with Jena and RDF4J Rio");
      DumpVerifier.Report r = DumpVerifier.verify(manifest.dir(), loaded.dataset(), base);
      progress.done("read back");
      r.checked().forEach(c -> err.println("verified " + c));
      r.problems().forEach(p -> err.println("tkg: verify: " + p));
      err.flush();
      if (!r.ok()) {
        err.println("tkg: the dump does not verify: " + r.problems().size() + " problems");
        return ExitCode.FINDINGS;
      }
      err.println("tkg: the dump verifies");
    }
    err.flush();
    return ExitCode.OK;
  }
}
