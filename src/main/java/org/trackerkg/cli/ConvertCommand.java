package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.RdfOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tkg convert}: dossiers → RDF, byte-identical for the same input. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert dossiers to RDF. Triple formats (ttl, nt, rdfxml) give the union of the named graphs;",
        "quad formats (trig, nq, jsonld) keep one named graph per source document."})
public final class ConvertCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  @Mixin OutputOption output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ttl",
      converter = Converters.RdfFormatConverter.class,
      description = "ttl, nt, trig, nq, jsonld or rdfxml (default: ${DEFAULT-VALUE}).")
  RdfOutput.Format f;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    org.trackerkg.base.Leftovers.sweepTemp(); // sort runs a killed convert left behind
    PrintWriter err = spec.commandLine().getErr();
    if (f == RdfOutput.Format.NT || f == RdfOutput.Format.NQ) {
      return lines(f, err);
    }
    Pipeline.Loaded loaded = input.load(err);
    output.write(out -> RdfOutput.write(loaded.dataset(), f, input.base(), out));
    if (output.toFile()) {
      err.println("tkg: wrote " + output);
    }
    return loaded.hasInputErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  /**
   * N-Triples and N-Quads are sorted lines: the dossiers are mapped one at a time and their lines sorted on disk
   * beyond a bound, so a corpus larger than memory converts (the other formats need the whole graph at once).
   */
  private int lines(RdfOutput.Format f, PrintWriter err) throws IOException {
    try (RdfOutput.SortedLines lines = RdfOutput.sortedLines(f)) {
      Pipeline.Streamed streamed = input.stream(err, lines.sink());
      output.write(lines::writeTo);
      if (output.toFile()) {
        err.println("tkg: wrote " + output);
      }
      return streamed.hasInputErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
    } catch (UncheckedIOException e) {
      throw new UsageException("cannot sort the lines in the temporary folder: " + e.getCause().getMessage(), e);
    }
  }
}
