package org.trackerkg.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.Link;
import org.trackerkg.dossier.OrgMention;
import org.trackerkg.dossier.Product;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.dossier.Reference;
import org.trackerkg.dossier.Relationship;
import org.trackerkg.dossier.Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tkg parse}: reads dossiers into the model and shows what the reader understood, for inspection. */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Read dossiers into the model, for inspection. Diagnostics go to stderr as file:line: severity: message.")
public final class ParseCommand implements Callable<Integer> {
  enum Format { text, json }

  @Parameters(arity = "0..*", paramLabel = "INPUT",
      description = "Dossier files, folders of them, or εxodus trackers.json files (default: data/).")
  List<Path> inputs;

  @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .addMixIn(Diagnostic.class, DiagnosticJson.class);

  @Override
  public Integer call() throws JsonProcessingException {
    List<Path> in = Inputs.orDefault(inputs);
    ReadResult result = DossierReader.read(in);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == Format.json) {
      out.println(JSON.writeValueAsString(json(result)));
    } else {
      result.dossiers().forEach(d -> text(d, out));
    }
    out.flush();
    for (Diagnostic d : result.diagnostics()) {
      err.println(d);
    }
    err.flush();
    InputOptions.requireDossiers(result.dossiers().size(), in);
    return result.hasErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  // ---------------------------------------------------------------- text

  private static void text(Dossier d, PrintWriter out) {
    out.println(d.name() + (d.qualifier() == null ? "" : " (" + d.qualifier() + ")")
        + "  [" + d.source().file() + (d.source().line() > 0 ? ":" + d.source().line() : "") + "]");
    line(out, "aliases", String.join(", ", d.aliases()));
    line(out, "owner hints", String.join(", ", d.ownerHints()));
    line(out, "in εxodus", d.inExodus() == null ? "" : d.inExodus() ? "yes" : "no");
    line(out, "εxodus id", d.exodusId() == null ? "" : d.exodusId().toString());
    if (d.location() != null) {
      line(out, "location", d.location().country() + (d.location().countryCode() == null ? "" : " (" + d.location().countryCode() + ")")
          + (d.location().city() == null ? "" : ", " + d.location().city()));
    }
    line(out, "websites", d.websites().stream().map(Link::url).collect(Collectors.joining(" ")));
    line(out, "owners", d.owners().stream().map(OrgMention::name).collect(Collectors.joining(", ")));
    line(out, "network signatures", d.networkSignatures().stream().map(Signature::pattern).collect(Collectors.joining(" ")));
    line(out, "code signatures", d.codeSignatures().stream().map(Signature::pattern).collect(Collectors.joining(" ")));
    line(out, "categories", d.categories().stream().map(c -> c.name()).collect(Collectors.joining(", ")));
    line(out, "founded", d.founding() == null ? "" : Integer.toString(d.founding().year()));
    if (d.funding() != null) {
      line(out, "funding", (d.funding().qualifier() == null ? "" : d.funding().qualifier() + " ")
          + d.funding().amount().toPlainString() + " " + d.funding().currency());
    }
    for (Relationship.Kind kind : Relationship.Kind.values()) {
      List<Relationship> rs = d.relationships(kind);
      if (!rs.isEmpty()) {
        line(out, kind.name().toLowerCase(java.util.Locale.ROOT) + "s (" + rs.size() + ")",
            rs.stream().map(Relationship::name).collect(Collectors.joining(", ")));
      }
    }
    line(out, "policy clauses", d.clauses().isEmpty() ? "" : d.clauses().size() + ": "
        + d.clauses().stream().map(c -> c.label() == null ? "(unlabelled)" : c.label()).collect(Collectors.joining(", ")));
    long listed = d.references().stream().filter(Reference::listed).count();
    out.printf("  counts: %d products, %d details, %d references (%d listed, %d inline only), %d sections%n",
        countProducts(d.products()), d.details().size(), d.references().size(), listed, d.references().size() - listed,
        d.sections().size());
    out.println();
  }

  private static void line(PrintWriter out, String label, String value) {
    if (value != null && !value.isEmpty()) {
      out.println("  " + label + ": " + value);
    }
  }

  private static int countProducts(List<Product> products) {
    return products.stream().mapToInt(p -> 1 + countProducts(p.children())).sum();
  }

  // ---------------------------------------------------------------- json

  /**
   * The model as JSON: the records serialised by Jackson as they are (each group of a dossier an object, fields in
   * declaration order, so the output is deterministic), and the diagnostics with their positions.
   */
  record Json(List<Dossier> dossiers, List<Diagnostic> diagnostics) {}

  /** A diagnostic as JSON: its record components, not the derived {@code isError()}. */
  @JsonIgnoreProperties({"error"})
  private abstract static class DiagnosticJson {}

  private static Json json(ReadResult result) {
    return new Json(result.dossiers(), result.diagnostics());
  }
}
