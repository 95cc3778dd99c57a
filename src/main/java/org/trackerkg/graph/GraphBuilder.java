package org.trackerkg.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.dossier.Diagnostic;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.OrgMention;
import org.trackerkg.dossier.Relationship;
import org.trackerkg.dossier.Source;

/**
 * Dossiers → one RDF dataset: one named graph per source document, organisations resolved across all documents.
 * Build with {@link #create()}, set what you need, then {@link #build(List)}.
 */
public final class GraphBuilder {
  private String base = Iris.DEFAULT_BASE;

  private GraphBuilder() {}

  public static GraphBuilder create() {
    return new GraphBuilder();
  }

  /** The base of every minted IRI (default {@value Iris#DEFAULT_BASE}). */
  public GraphBuilder base(String base) {
    this.base = Objects.requireNonNull(base, "base");
    return this;
  }

  /** The dataset and the warnings the mapping raised (positions point into the source files). */
  public record Result(DatasetGraph dataset, List<Diagnostic> diagnostics, Iris iris,
      Map<String, String> sourceFiles) {}

  public Result build(List<Dossier> input) {
    Iris iris = new Iris(base);
    // a stable order whatever order the files came in
    List<Dossier> dossiers = new ArrayList<>(input);
    dossiers.sort(Comparator.comparing((Dossier d) -> d.source().kind())
        .thenComparing(d -> d.exodusId() == null ? 0 : d.exodusId())
        .thenComparing(d -> d.source().file())
        .thenComparingInt(d -> d.source().line()));

    TrackerResolver trackers = new TrackerResolver(dossiers);
    OrgResolver orgs = new OrgResolver();
    for (Dossier d : dossiers) {
      for (OrgMention m : d.owners()) {
        orgs.mention(m.name());
      }
      d.ownerHints().forEach(orgs::mention);
      for (Relationship r : d.relationships()) {
        orgs.mention(r.name());
      }
    }
    // a tracker has a company when its dossier speaks of ownership, or when another document names it
    Map<Dossier, Boolean> hasCompany = new HashMap<>();
    for (Dossier d : dossiers) {
      boolean has = !d.owners().isEmpty() || !d.ownerHints().isEmpty() || orgs.isMentioned(d.name())
          || d.aliases().stream().anyMatch(orgs::isMentioned);
      hasCompany.put(d, has);
    }
    for (Dossier d : dossiers) {
      if (hasCompany.get(d)) {
        orgs.company(d.name(), d.aliases());
      }
    }
    orgs.resolve();

    DatasetGraph dsg = DatasetGraphFactory.create();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, Integer> graphNames = new HashMap<>();
    Map<String, String> sourceFiles = new java.util.TreeMap<>();
    DossierMapper mapper = new DossierMapper(iris, orgs, new Concepts(Ontology.graph()), DpvRules.load(),
        diagnostics::add);
    for (Dossier d : dossiers) {
      String source = d.source().kind() == Source.Kind.EXODUS ? "exodus" : "profiles";
      String slug = Iris.slug(d.name());
      int n = graphNames.merge(source + "/" + slug, 1, Integer::sum);
      Node graph = Vocab.uri(iris.graph(source, n == 1 ? slug : slug + "-" + n));
      sourceFiles.put(graph.getURI(), d.source().file());
      mapper.map(d, trackers.slug(d), hasCompany.get(d), new Quads(dsg, graph));
    }
    return new Result(dsg, diagnostics, iris, java.util.Collections.unmodifiableMap(sourceFiles));
  }
}
