package org.trackerkg.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.graph.OrgNames;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * {@code data/links/wikidata.tsv} → {@code owl:sameAs} and {@code schema:sameAs} from organisation nodes to Wikidata
 * entities, in a named graph of their own ({@code {base}graph/links/wikidata}) described as a tkg:SourceDocument
 * (licence CC0, file name, sha256). Columns: organisation slug or name, Q-id, note of evidence; {@code #} starts
 * a comment; the first row may be a header. A malformed Q-id or a name that resolves to no organisation in the
 * data is a warning ({@code file:line: warning: …}), never an error: the rest still links.
 */
public final class WikidataLinks {
  public static final String FILE_NAME = "wikidata.tsv";
  public static final String LICENSE_CC0 = "https://creativecommons.org/publicdomain/zero/1.0/";
  /** Wikidata itself: the primary topic of the links document. */
  public static final String WIKIDATA_ITEM = Vocab.WIKIDATA + "Q2013";
  private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

  /** One row: what it names, the Q-id, the note, its line. */
  public record Entry(String org, String qid, String note, int line) {}

  /** Rows read and the warnings reading them gave. */
  public record Table(Path file, String sha256, List<Entry> entries, List<Diagnostic> diagnostics) {}

  /** A link made: the organisation IRI, the Wikidata entity IRI, the row it came from. */
  public record Linked(String org, String entity, Entry entry) {}

  /** What {@link #apply} did. */
  public record Outcome(String graph, List<Linked> links, List<Diagnostic> diagnostics) {}

  private WikidataLinks() {}

  /** The links file that goes with these inputs: {@code links/wikidata.tsv} inside any input folder. */
  public static Path find(List<Path> inputs) {
    for (Path in : inputs) {
      Path f = in.resolve("links").resolve(FILE_NAME);
      if (Files.isDirectory(in) && Files.isRegularFile(f)) {
        return f;
      }
    }
    return null;
  }

  public static Table read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    String where = file.toString();
    List<Entry> entries = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      String line = lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      String org = cols[0].strip();
      String qid = cols.length > 1 ? cols[1].strip() : "";
      String note = cols.length > 2 ? cols[2].strip() : "";
      if (first && !QID.matcher(qid).matches()
          && (qid.equalsIgnoreCase("qid") || qid.equalsIgnoreCase("q-id") || qid.equalsIgnoreCase("wikidata"))) {
        first = false;
        continue; // the header
      }
      first = false;
      if (org.isEmpty()) {
        diags.add(Diagnostic.warning(where, n, "no organisation in the first column, row skipped"));
        continue;
      }
      if (!QID.matcher(qid).matches()) {
        diags.add(Diagnostic.warning(where, n, "malformed Wikidata Q-id \"" + qid + "\" for " + org
            + " (expected Q followed by digits, e.g. Q95), row skipped"));
        continue;
      }
      entries.add(new Entry(org, qid, note, n));
    }
    return new Table(file, org.trackerkg.base.Hashes.sha256Hex(bytes), entries, diags);
  }

  /**
   * Adds the links of the table to the dataset, resolving each row against the organisations in it (by slug, then
   * by normalised name among every label). Rows that resolve to nothing, or ambiguously, are warnings.
   */
  public static Outcome apply(Table table, DatasetGraph dsg, Iris iris) {
    String where = table.file().toString();
    List<Diagnostic> diags = new ArrayList<>(table.diagnostics());
    Organisations orgs = Organisations.of(dsg, iris);
    Node graph = NodeFactory.createURI(iris.graph("links", "wikidata"));
    List<Linked> links = new ArrayList<>();
    Map<String, Entry> seen = new TreeMap<>();
    for (Entry e : table.entries()) {
      String org = orgs.bySlug().get(e.org());
      if (org == null) {
        Set<String> hits = orgs.named(e.org());
        if (hits.size() > 1) {
          diags.add(Diagnostic.warning(where, e.line(), "\"" + e.org() + "\" names several organisations "
              + hits + ": give the slug instead, row skipped"));
          continue;
        }
        org = hits.isEmpty() ? null : hits.iterator().next();
      }
      if (org == null) {
        diags.add(Diagnostic.warning(where, e.line(), "\"" + e.org() + "\" resolves to no organisation in the data,"
            + " row skipped (" + e.qid() + ")"));
        continue;
      }
      Entry before = seen.putIfAbsent(org, e);
      if (before != null && !before.qid().equals(e.qid())) {
        diags.add(Diagnostic.warning(where, e.line(), "\"" + e.org() + "\" is already linked to " + before.qid()
            + " (line " + before.line() + "); " + e.qid() + " added too"));
      }
      links.add(new Linked(org, Vocab.WIKIDATA + e.qid(), e));
    }
    if (!links.isEmpty() || !table.entries().isEmpty()) {
      Node doc = graph;
      add(dsg, graph, doc, Vocab.type, TKG.SourceDocument.asNode());
      add(dsg, graph, doc, Vocab.dctTitle, NodeFactory.createLiteralString("Wikidata links of organisations"));
      add(dsg, graph, doc, TKG.fileName.asNode(), NodeFactory.createLiteralString(
          table.file().getFileName().toString()));
      add(dsg, graph, doc, TKG.sha256.asNode(), NodeFactory.createLiteralString(table.sha256()));
      add(dsg, graph, doc, Vocab.dctLicense, NodeFactory.createURI(LICENSE_CC0));
      add(dsg, graph, doc, Vocab.foafPrimaryTopic, NodeFactory.createURI(WIKIDATA_ITEM));
    }
    for (Linked l : links) {
      Node org = NodeFactory.createURI(l.org());
      Node entity = NodeFactory.createURI(l.entity());
      add(dsg, graph, org, Vocab.sameAs, entity);
      add(dsg, graph, org, Vocab.schemaSameAs, entity);
      Node claim = NodeFactory.createURI(l.org() + "/claim/" + Iris.shortHash(l.org(), Vocab.sameAs.getURI(),
          l.entity()));
      add(dsg, graph, claim, Vocab.type, TKG.Claim.asNode());
      add(dsg, graph, claim, Vocab.rdfSubject, org);
      add(dsg, graph, claim, Vocab.rdfPredicate, Vocab.sameAs);
      add(dsg, graph, claim, Vocab.rdfObject, entity);
      add(dsg, graph, claim, TKG.line.asNode(), NodeFactory.createLiteralDT(Integer.toString(l.entry().line()),
          XSDDatatype.XSDinteger));
      if (!l.entry().note().isEmpty()) {
        add(dsg, graph, claim, NodeFactory.createURI(Vocab.RDFS + "comment"),
            NodeFactory.createLiteralString(l.entry().note()));
      }
    }
    return new Outcome(graph.getURI(), List.copyOf(links), List.copyOf(diags));
  }

  /**
   * The organisations of a data set, as a links row names them: by slug ({@code bySlug}: slug → IRI) or by any of
   * their labels under {@link OrgNames#key} ({@code byKey}: key → IRIs; several IRIs make the name ambiguous).
   */
  public record Organisations(Map<String, String> bySlug, Map<String, Set<String>> byKey) {
    public static Organisations of(DatasetGraph dsg, Iris iris) {
      Map<String, String> bySlug = new TreeMap<>();
      Map<String, Set<String>> byKey = new TreeMap<>();
      String orgBase = iris.org("");
      dsg.find(Node.ANY, Node.ANY, Vocab.type, TKG.Organization.asNode()).forEachRemaining(q -> {
        String iri = q.getSubject().getURI();
        if (iri != null && iri.startsWith(orgBase)) {
          bySlug.put(iri.substring(orgBase.length()), iri);
        }
      });
      for (String iri : bySlug.values()) {
        dsg.find(Node.ANY, NodeFactory.createURI(iri), Vocab.label, Node.ANY).forEachRemaining(q -> {
          if (q.getObject().isLiteral()) {
            byKey.computeIfAbsent(OrgNames.key(q.getObject().getLiteralLexicalForm()), k -> new TreeSet<>())
                .add(iri);
          }
        });
      }
      return new Organisations(bySlug, byKey);
    }

    /** The organisations a name (not a slug) names: none, one, or several (ambiguous). */
    public Set<String> named(String name) {
      String key = OrgNames.key(name);
      return key.isEmpty() ? Set.of() : byKey.getOrDefault(key, Set.of());
    }

    /** The organisation a links row names (its slug, else its one name), or null. */
    public String resolve(String slugOrName) {
      String org = bySlug.get(slugOrName);
      if (org != null) {
        return org;
      }
      Set<String> hits = named(slugOrName);
      return hits.size() == 1 ? hits.iterator().next() : null;
    }
  }

  private static void add(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
    dsg.add(new Quad(g, s, p, o));
  }

}
