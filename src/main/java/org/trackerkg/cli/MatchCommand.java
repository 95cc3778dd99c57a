package org.trackerkg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trackerkg.link.MatchOutput;
import org.trackerkg.link.SignatureMatcher;
import org.trackerkg.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tkg match}: which trackers host names and class names belong to, by the trackers' signatures. */
@Command(name = "match", mixinStandardHelpOptions = true,
    description = {"Say which trackers host names (εxodus network regexes, found anywhere in the host) or Java",
        "class/package names (code-signature prefixes) belong to. Arguments that are existing files or folders",
        "are INPUT; the others are names. One line per name: name<TAB>slug(s)<TAB>name(s), or '-' for none."})
public final class MatchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "HOST|CLASS|INPUT", arity = "0..*",
      description = "Names to match, then dossier files, folders or εxodus trackers.json (default: data/).")
  List<String> args = new ArrayList<>();

  @Option(names = "--file", paramLabel = "FILE", description = "Also match every line of FILE ('-' for stdin).")
  Path file;

  /** How matches are printed. */
  enum Format { tsv, json }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--as", paramLabel = "KIND", defaultValue = "auto",
      description = "Take names as host, class, or auto (guess; both when unsure) (default: ${DEFAULT-VALUE}).")
  SignatureMatcher.As as;

  @Mixin BaseOption base = new BaseOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    SignatureMatcher.As kind = as;
    List<String> names = new ArrayList<>();
    List<Path> inputs = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      if (Files.exists(p) && (Files.isDirectory(p) || a.contains("/") || a.endsWith(".json") || a.endsWith(".md"))) {
        inputs.add(p);
      } else {
        names.add(a);
      }
    }
    if (file != null) {
      List<String> lines;
      try {
        lines = file.toString().equals("-")
            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()
            : Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("--file: cannot read " + file + ": " + e.getMessage(), e);
      }
      lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
    }
    if (names.isEmpty()) {
      throw new UsageException("no HOST or CLASS to match (give names, or --file FILE)");
    }
    PrintWriter err = spec.commandLine().getErr();
    Pipeline.Loaded loaded = Pipeline.load(Inputs.orDefault(inputs), base.base());
    loaded.diagnostics().stream().filter(d -> d.isError()).forEach(err::println);
    err.flush();
    SignatureMatcher matcher = SignatureMatcher.fromDataset(loaded.dataset(), base.base());
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(MatchOutput.json(matcher, names, kind)));
    } else {
      out.print(MatchOutput.tsv(matcher, names, kind));
    }
    out.flush();
    return loaded.hasInputErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
