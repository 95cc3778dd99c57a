package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trackerkg.link.SignatureMatcher;
import org.trackerkg.link.app.AppFormatException;
import org.trackerkg.link.app.AppReport;
import org.trackerkg.link.app.AppScanner;
import org.trackerkg.link.app.ReportFormat;
import org.trackerkg.link.app.ScanLimits;
import org.trackerkg.link.app.TrackerProfiles;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tkg scan}: from Android apps to the trackers they embed and what those trackers' policies say. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Report on Android apps: identity, permissions and the personal data they expose, and per",
        "tracker embedded (found by εxodus code signatures on class names, network signatures on host names in",
        "the code) its maker, owner and what its policy says it collects, for what, how long and with whom,",
        "with the clause text and citations. APP is an .apk, an .xapk/.apks bundle, a .dex or a .txt class list.",
        "A file that cannot be read gets one 'file: message' line on stderr and exit code 2; the others are",
        "still scanned. Limits per file: 65,536 zip entries, 128 MiB per dex, 1 GiB inflated in all."})
public final class ScanCommand implements Callable<Integer> {
  @Parameters(paramLabel = "APP", arity = "1..*", description = "App files to scan.")
  List<Path> apps = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "INPUT",
      description = "Dossier files, folders or εxodus trackers.json to read the trackers from (default: data/).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, html (one self-contained page) or rdf (N-Quads, a named graph per scan) "
          + "(default: ${DEFAULT-VALUE}).")
  ReportFormat fmt;

  @Mixin OutputOption output;

  @Mixin BaseOption base = new BaseOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Iris iris = base.iris;
    PrintWriter err = spec.commandLine().getErr();
    Pipeline.Loaded loaded = Pipeline.load(Inputs.orDefault(inputs), base.base());
    loaded.diagnostics().stream().filter(d -> d.isError()).forEach(err::println);
    SignatureMatcher matcher = SignatureMatcher.fromDataset(loaded.dataset(), base.base());
    AppScanner scanner = new AppScanner(matcher, new TrackerProfiles(loaded.dataset().getUnionGraph()),
        ScanLimits.DEFAULT);
    Instant now = Instant.now();
    List<AppReport> reports = new ArrayList<>();
    boolean bad = loaded.hasInputErrors();
    for (Path app : apps) {
      try {
        reports.add(scanner.scan(app, app.getFileName() == null ? app.toString() : app.getFileName().toString(),
            now));
      } catch (AppFormatException e) {
        err.println(app + ": " + e.getMessage());
        bad = true;
      } catch (IOException e) {
        err.println(app + ": cannot read: " + e.getMessage());
        bad = true;
      }
      err.flush();
    }
    String text = fmt.write(reports, iris);
    output.write(text, spec.commandLine().getOut());
    return bad ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
