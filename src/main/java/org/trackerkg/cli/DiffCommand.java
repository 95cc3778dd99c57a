package org.trackerkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.GraphDiff;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tkg diff}: what changed between two versions, per tracker, and as an RDF Patch. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compare two versions: two dump files (any RDF format, by extension, .gz too) or two inputs",
        "(dossier files, folders, an εxodus trackers.json), mapped like convert does. Prints the removed (-) and",
        "added (+) statements grouped by tracker. When one side has no named graphs (a triple format), both are",
        "compared as their union graphs. Exit 0 equal, 1 different, 2 bad input."})
public final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "The old version.")
  Path oldInput;

  @Parameters(index = "1", paramLabel = "NEW", description = "The new version.")
  Path newInput;

  @Option(names = "--patch", paramLabel = "FILE",
      description = "Also write the RDF Patch that turns OLD into NEW (atomically).")
  Path patch;

  @Mixin BaseOption base = new BaseOption();

  @Option(names = {"-q", "--quiet"}, description = "Print only the summary line.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DatasetGraph a = load(oldInput, err);
    DatasetGraph b = load(newInput, err);
    if (a == null || b == null) {
      return ExitCode.BAD_INPUT;
    }
    GraphDiff diff = GraphDiff.compute(a, b);
    if (quiet) {
      out.printf("%d removed, %d added%n", diff.removed().size(), diff.added().size());
      out.flush();
    } else {
      diff.writeText(out);
    }
    if (patch != null) {
      try {
        AtomicFile.write(patch, diff::writePatch);
      } catch (IOException e) {
        throw new UsageException("cannot write " + patch + ": " + e.getMessage(), e);
      }
      err.println("tkg: wrote " + patch);
      err.flush();
    }
    return diff.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
  }

  /** An RDF file by its extension, else dossier input through the pipeline; null (reported) when unreadable. */
  private DatasetGraph load(Path p, PrintWriter err) {
    if (!Files.exists(p)) {
      err.println(p + ": no such file or folder");
      err.flush();
      return null;
    }
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gz = name.endsWith(".gz");
    String plain = gz ? name.substring(0, name.length() - 3) : name;
    Lang lang = plain.endsWith(".json") ? null : RDFLanguages.filenameToLang(plain);
    if (Files.isRegularFile(p) && lang != null) {
      DatasetGraph dsg = DatasetGraphFactory.create();
      try (InputStream in = gz ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
        RDFParser.source(in).lang(lang).base(base.base()).parse(dsg);
        return dsg;
      } catch (IOException | RiotException e) {
        err.println(p + ": " + e.getMessage());
        err.flush();
        return null;
      }
    }
    Pipeline.Loaded loaded = Pipeline.load(List.of(p), base.base());
    InputOptions.report(loaded.diagnostics(), err);
    return loaded.hasInputErrors() ? null : loaded.dataset();
  }
}
