package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.graph.GraphBuilder;
import org.trackerkg.graph.Makers;
import org.trackerkg.graph.TrackerResolver;
import org.trackerkg.link.LinkExport;
import org.trackerkg.link.WikidataImport;
import org.trackerkg.link.WikidataLinks;
import org.trackerkg.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code tkg link report|export}: how εxodus and the profiles were merged, and links for Wikidata/OpenRefine. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = "εxodus ↔ profile matches, and link exports for Wikidata and OpenRefine.",
    subcommands = {LinkCommand.Report.class, LinkCommand.Export.class, LinkCommand.Import.class})
public final class LinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT;
  }

  /** {@code tkg link report}: matches with their evidence, near misses, unmatched records. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {"List the εxodus records merged with profiles (with the evidence), near misses (candidates",
          "not merged, and why) and what stayed unmatched."})
  static final class Report implements Callable<Integer> {
    @Mixin InputOptions input;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Pipeline.Loaded loaded = input.load(err);
      TrackerResolver r = new TrackerResolver(loaded.read().dossiers());
      TrackerResolver.Linkage l = r.linkage();
      PrintWriter out = spec.commandLine().getOut();
      StringBuilder sb = new StringBuilder();
      sb.append("# matches (").append(l.matches().size()).append("): tracker\tεxodus id\tεxodus name\tprofile\tevidence\n");
      for (TrackerResolver.Candidate c : l.matches()) {
        sb.append(r.slug(c.profile())).append('\t').append(c.record().exodusId()).append('\t')
            .append(c.record().name()).append('\t').append(c.profile().name()).append('\t')
            .append(evidence(c)).append('\n');
      }
      sb.append("\n# near misses (").append(l.nearMisses().size())
          .append("): profile\tεxodus id\tεxodus name\tevidence\treason\n");
      for (TrackerResolver.NearMiss n : l.nearMisses()) {
        TrackerResolver.Candidate c = n.candidate();
        sb.append(c.profile().name()).append('\t').append(c.record().exodusId()).append('\t')
            .append(c.record().name()).append('\t').append(evidence(c)).append('\t').append(n.reason()).append('\n');
      }
      sb.append("\n# profiles without an εxodus record (").append(l.unmatchedProfiles().size()).append(")\n");
      l.unmatchedProfiles().forEach(p -> sb.append(r.slug(p)).append('\t').append(p.name()).append('\n'));
      sb.append("\n# εxodus records without a profile (").append(l.unmatchedRecords().size()).append(")\n");
      l.unmatchedRecords().forEach(d -> sb.append(d.exodusId()).append('\t').append(d.name()).append('\t')
          .append(r.slug(d)).append('\n'));
      List<Dossier> dossiers = loaded.read().dossiers();
      Makers makers = GraphBuilder.create().base(input.base()).makers(dossiers);
      sb.append("\n# makers (").append(makers.all().size()).append(" trackers): tracker\tmaker\trule\tevidence\n");
      makers.all().forEach((t, m) -> sb.append(t).append('\t').append(m.name()).append('\t')
          .append(m.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append('\t')
          .append(m.evidence()).append('\n'));
      sb.append("\n# trackers without a maker (").append(makers.missing().size()).append("): tracker\twhy\n");
      makers.missing().forEach((t, why) -> sb.append(t).append('\t').append(why).append('\n'));
      sb.append("\n# maker conflicts (").append(makers.conflicts().size())
          .append("): tracker\tstated (wins)\tinferred\tevidence\n");
      makers.conflicts().forEach(c -> sb.append(c.tracker()).append('\t').append(c.stated()).append('\t')
          .append(c.inferred()).append('\t').append(c.evidence()).append('\n'));
      java.util.Map<String, List<String>> joins = GraphBuilder.create().base(input.base()).organisations(dossiers).joins();
      sb.append("\n# organisation joins (").append(joins.size()).append("): organisation\tspelling → name: evidence\n");
      joins.forEach((o, why) -> why.forEach(w -> sb.append(o).append('\t').append(w).append('\n')));
      out.print(sb);
      out.flush();
      return loaded.hasInputErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    private static String evidence(TrackerResolver.Candidate c) {
      return c.evidence().stream().map(Object::toString).collect(Collectors.joining("; "));
    }
  }

  /** {@code tkg link export}: QuickStatements or CSV. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"quickstatements: QuickStatements v1 adding 'described at URL' (P973) with our IRI to each",
          "linked Wikidata item. csv: id,name,type,wikidata,url of every tracker and organisation (OpenRefine)."})
  static final class Export implements Callable<Integer> {
    @Mixin InputOptions input;

    /** What to export. */
    enum Format { quickstatements, csv }

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
        description = "${COMPLETION-CANDIDATES}.")
    Format format;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Pipeline.Loaded loaded = input.load(err);
      PrintWriter out = spec.commandLine().getOut();
      int n = format == Format.csv ? LinkExport.csv(loaded.dataset(), input.base(), out)
          : LinkExport.quickStatements(loaded.dataset(), input.base(), out);
      err.println("tkg: " + n + (format == Format.csv ? " rows" : " statements"));
      err.flush();
      return loaded.hasInputErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
    }
  }

  /** {@code tkg link import FILE}: Wikidata links from a WDQS result or an OpenRefine export, into the links file. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Read FILE, the CSV result of queries/wikidata/organisations-by-website.rq run at the Wikidata",
          "Query Service, or an OpenRefine export of `link export --format csv` reconciled against Wikidata (columns",
          "qid and match name added), match its rows to the organisations of the input by registrable website domain",
          "and name, and add the accepted ones, with their evidence, to the links file (atomically). Rejected rows",
          "go to standard error with why; nothing ambiguous is ever accepted.",
          "Exit 0 done (rejections included), 2 unreadable FILE or input."})
  static final class Import implements Callable<Integer> {
    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The WDQS or OpenRefine CSV.")
    Path file;

    @CommandLine.Parameters(index = "1..*", paramLabel = "INPUT",
        description = "Dossier files, folders of them, or an εxodus trackers.json (default: data/).")
    List<Path> inputs = new ArrayList<>();

    @Mixin BaseOption base = new BaseOption();

    @Option(names = "--out", paramLabel = "TSV",
        description = "The links file to add to (default: links/wikidata.tsv of the first input folder holding one,"
            + " else data/links/wikidata.tsv).")
    Path out;

    @Option(names = "--dry-run", description = "Report what would be accepted, write nothing.")
    boolean dryRun;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter stdout = spec.commandLine().getOut();
      if (!Files.isRegularFile(file)) {
        err.println(file + ": error: no such file");
        err.flush();
        return ExitCode.BAD_INPUT;
      }
      InputOptions input = new InputOptions();
      input.inputs = inputs;
      input.baseOption = base;
      Pipeline.Loaded loaded = input.load(err, false);
      if (loaded.hasInputErrors()) {
        err.println("tkg: not importing: some input could not be read (see above)");
        err.flush();
        return ExitCode.BAD_INPUT;
      }
      Path target = out != null ? out : Objects.requireNonNullElse(
          WikidataLinks.find(input.inputs()),
          Path.of("data", "links", WikidataLinks.FILE_NAME));
      WikidataLinks.Table existing = Files.isRegularFile(target)
          ? WikidataLinks.read(target) : null;
      WikidataImport.Result result;
      try {
        result = WikidataImport.match(file, loaded.dataset(), base.iris, existing);
      } catch (WikidataImport.FormatException e) {
        err.println(file + ":" + e.line() + ": error: " + e.getMessage());
        err.flush();
        return ExitCode.BAD_INPUT;
      }
      int known = 0;
      for (WikidataImport.Rejected r : result.rejected()) {
        known += r.known() ? 1 : 0;
        err.println(file + ":" + r.line() + ": " + (r.known() ? "skipped " : "rejected ") + r);
      }
      for (WikidataImport.Accepted a : result.accepted()) {
        stdout.println(a.slug() + "\t" + a.qid() + "\t" + a.evidence());
      }
      if (!dryRun && !result.accepted().isEmpty()) {
        WikidataImport.write(target, result.accepted());
      }
      err.printf("tkg: %s file: %d accepted%s, %d already linked, %d rejected%n",
          result.kind() == WikidataImport.Kind.WDQS ? "WDQS" : "OpenRefine",
          result.accepted().size(), dryRun || result.accepted().isEmpty() ? "" : " (added to " + target + ")",
          known, result.rejected().size() - known);
      stdout.flush();
      err.flush();
      return ExitCode.OK;
    }
  }
}
