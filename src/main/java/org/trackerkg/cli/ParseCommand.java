package org.trackerkg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.dossier.Citation;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.LabelledText;
import org.trackerkg.dossier.Link;
import org.trackerkg.dossier.OrgMention;
import org.trackerkg.dossier.PolicyClause;
import org.trackerkg.dossier.Product;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.dossier.Reference;
import org.trackerkg.dossier.Relationship;
import org.trackerkg.dossier.Section;
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

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Integer call() throws JsonProcessingException {
    ReadResult result = DossierReader.read(Inputs.orDefault(inputs));
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

  private static ObjectNode json(ReadResult result) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode dossiers = root.putArray("dossiers");
    result.dossiers().forEach(d -> dossiers.add(json(d)));
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (Diagnostic d : result.diagnostics()) {
      ObjectNode o = diagnostics.addObject();
      o.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
      o.put("file", d.file());
      o.put("line", d.line());
      o.put("message", d.message());
    }
    return root;
  }

  private static ObjectNode json(Dossier d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", d.name());
    o.put("qualifier", d.qualifier());
    strings(o.putArray("aliases"), d.aliases());
    strings(o.putArray("ownerHints"), d.ownerHints());
    if (d.inExodus() == null) {
      o.putNull("inExodus");
    } else {
      o.put("inExodus", d.inExodus());
    }
    if (d.exodusId() == null) {
      o.putNull("exodusId");
    } else {
      o.put("exodusId", d.exodusId());
    }
    o.put("exodusCreated", d.exodusCreated());
    if (d.location() == null) {
      o.putNull("location");
    } else {
      ObjectNode l = o.putObject("location");
      l.put("country", d.location().country());
      l.put("countryCode", d.location().countryCode());
      l.put("city", d.location().city());
      l.put("text", d.location().text());
      citations(l.putArray("citations"), d.location().citations());
      l.put("line", d.location().line());
    }
    links(o.putArray("websites"), d.websites());
    links(o.putArray("documentation"), d.documentation());
    texts(o.putArray("about"), d.about());
    ArrayNode owners = o.putArray("owners");
    d.owners().forEach(m -> {
      ObjectNode x = owners.addObject();
      x.put("name", m.name());
      x.put("label", m.label());
      citations(x.putArray("citations"), m.citations());
      x.put("line", m.line());
    });
    strings(o.putArray("networkSignatures"), d.networkSignatures().stream().map(Signature::pattern).toList());
    strings(o.putArray("codeSignatures"), d.codeSignatures().stream().map(Signature::pattern).toList());
    strings(o.putArray("categories"), d.categories().stream().map(c -> c.name()).toList());
    ArrayNode repos = o.putArray("repositories");
    d.repositories().forEach(r -> {
      ObjectNode x = repos.addObject();
      x.put("url", r.url());
      x.put("groupId", r.groupId());
      x.put("artifactId", r.artifactId());
    });
    strings(o.putArray("gradle"), d.gradle());
    for (Relationship.Kind kind : Relationship.Kind.values()) {
      ArrayNode a = o.putArray(kind.name().toLowerCase(java.util.Locale.ROOT) + "s");
      d.relationships(kind).forEach(r -> {
        ObjectNode x = a.addObject();
        x.put("name", r.name());
        x.put("label", r.label());
        citations(x.putArray("citations"), r.citations());
        x.put("line", r.line());
      });
    }
    ArrayNode clauses = o.putArray("clauses");
    for (PolicyClause c : d.clauses()) {
      ObjectNode x = clauses.addObject();
      x.put("label", c.label());
      x.put("text", c.text());
      citations(x.putArray("citations"), c.citations());
      x.put("line", c.line());
    }
    products(o.putArray("products"), d.products());
    ArrayNode refs = o.putArray("references");
    for (Reference r : d.references()) {
      ObjectNode x = refs.addObject();
      x.put("key", r.key());
      x.put("url", r.url());
      x.put("title", r.title());
      x.put("listed", r.listed());
      x.put("line", r.line());
    }
    if (d.founding() == null) {
      o.putNull("foundedYear");
    } else {
      o.put("foundedYear", d.founding().year());
    }
    if (d.funding() == null) {
      o.putNull("funding");
    } else {
      ObjectNode f = o.putObject("funding");
      f.put("amount", d.funding().amount());
      f.put("currency", d.funding().currency());
      f.put("qualifier", d.funding().qualifier());
      f.put("text", d.funding().text());
      citations(f.putArray("citations"), d.funding().citations());
    }
    texts(o.putArray("details"), d.details());
    links(o.putArray("externalLinks"), d.externalLinks());
    links(o.putArray("additionalLinks"), d.additionalLinks());
    texts(o.putArray("notes"), d.notes());
    ArrayNode sections = o.putArray("sections");
    for (Section s : d.sections()) {
      ObjectNode x = sections.addObject();
      x.put("heading", s.heading());
      x.put("level", s.level());
      x.put("line", s.line());
      x.put("text", s.text());
    }
    ObjectNode src = o.putObject("source");
    src.put("file", d.source().file());
    src.put("line", d.source().line());
    src.put("kind", d.source().kind().name().toLowerCase(java.util.Locale.ROOT));
    src.put("sha256", d.source().sha256());
    return o;
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static void citations(ArrayNode a, List<Citation> cs) {
    for (Citation c : cs) {
      ObjectNode x = a.addObject();
      x.put("key", c.key());
      x.put("url", c.url());
    }
  }

  private static void links(ArrayNode a, List<Link> links) {
    for (Link l : links) {
      ObjectNode x = a.addObject();
      x.put("label", l.label());
      x.put("url", l.url());
      x.put("line", l.line());
    }
  }

  private static void texts(ArrayNode a, List<LabelledText> texts) {
    for (LabelledText t : texts) {
      ObjectNode x = a.addObject();
      x.put("label", t.label());
      x.put("text", t.text());
      citations(x.putArray("citations"), t.citations());
      x.put("line", t.line());
    }
  }

  private static void products(ArrayNode a, List<Product> products) {
    for (Product p : products) {
      ObjectNode x = a.addObject();
      x.put("title", p.title());
      x.put("text", p.text());
      citations(x.putArray("citations"), p.citations());
      x.put("line", p.line());
      products(x.putArray("children"), p.children());
    }
  }
}
