package org.trackerkg.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.OrgMention;
import org.trackerkg.dossier.Relationship;
import org.trackerkg.dossier.Source;
import org.trackerkg.vocab.Concepts;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Ontology;
import org.trackerkg.vocab.Vocab;

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
    Plan plan = plan(input);
    DatasetGraph dsg = DatasetGraphFactory.create();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, String> sourceFiles = mapAll(plan, d -> d, (d, graph) -> new Quads(dsg, graph), diagnostics);
    return new Result(dsg, diagnostics, plan.iris(), java.util.Collections.unmodifiableMap(sourceFiles));
  }

  /** What {@link #stream} gives besides the quads. */
  public record Streamed(List<Diagnostic> diagnostics, Iris iris, Map<String, String> sourceFiles) {}

  /**
   * The mapping of {@link #build} for a corpus larger than memory: {@code outlines} are the dossiers without their
   * text ({@link Dossier#withoutText()}), which is all that resolving trackers and organisations across the corpus
   * needs; {@code full} gives a dossier whole again (read anew, or null when it can no longer be read), and its
   * quads go to {@code sink} as soon as it is mapped. The quads are those of {@link #build}, in another order.
   */
  public Streamed stream(List<Dossier> outlines, Function<Dossier, Dossier> full, Consumer<Quad> sink) {
    Plan plan = plan(outlines);
    List<Diagnostic> diagnostics = new ArrayList<>();
    DatasetGraph[] one = new DatasetGraph[1];
    Map<String, String> sourceFiles = mapAll(plan, full, (d, graph) -> {
      if (one[0] != null) {
        one[0].find().forEachRemaining(sink);
      }
      one[0] = DatasetGraphFactory.create();  // the previous dossier's quads are gone with it
      return new Quads(one[0], graph);
    }, diagnostics);
    if (one[0] != null) {
      one[0].find().forEachRemaining(sink);
    }
    return new Streamed(diagnostics, plan.iris(), java.util.Collections.unmodifiableMap(sourceFiles));
  }

  /** The makers decided for these dossiers (for {@code tkg link report}). */
  public Makers makers(List<Dossier> input) {
    return plan(input).makers();
  }

  /** The organisations resolved over these dossiers, with the evidence of each join. */
  public OrgResolver organisations(List<Dossier> input) {
    return plan(input).orgs();
  }

  /** What mapping needs to know about the whole corpus: the order, each dossier's tracker, the organisations. */
  private record Plan(Iris iris, List<Dossier> dossiers, TrackerResolver trackers, OrgResolver orgs,
      Map<Dossier, Boolean> hasCompany, Makers makers) {}

  private Plan plan(List<Dossier> input) {
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
      d.ownerships().forEach(o -> {
        orgs.mention(o.owned());
        orgs.mention(o.owner());
      });
      d.acquisitions().forEach(a -> {
        orgs.mention(a.acquirer());
        if (a.acquired() != null) {
          orgs.mention(a.acquired());
        }
      });
      d.headquarters().forEach(h -> orgs.mention(h.organization()));
    }
    // a tracker has a company when its dossier speaks of ownership, or when another document names it
    Map<Dossier, Boolean> hasCompany = new HashMap<>();
    for (Dossier d : dossiers) {
      boolean has = !d.owners().isEmpty() || !d.ownerHints().isEmpty() || orgs.isMentioned(d.name())
          || d.acquisitions().stream().anyMatch(a -> a.acquired() == null)
          || d.aliases().stream().anyMatch(orgs::isMentioned);
      hasCompany.put(d, has);
    }
    for (Dossier d : dossiers) {
      if (hasCompany.get(d)) {
        orgs.company(d.name(), d.aliases());
      }
    }
    Makers makers = new Makers(dossiers, trackers, hasCompany::get);
    makers.all().keySet().forEach(t -> {
      if (makers.ownerOf(t) != null) {
        orgs.mention(makers.ownerOf(t).name());
      }
    });
    makers.all().values().forEach(m -> {
      if (m.rule() == Makers.Rule.OWN_DOMAIN) {
        orgs.company(m.name(), List.of());
      } else {
        orgs.mention(m.name());
      }
    });
    // two documents of one tracker naming its company "Crashlytics" and "Google CrashLytics": one company
    Map<String, List<Dossier>> byTracker = new java.util.TreeMap<>();
    dossiers.forEach(d -> byTracker.computeIfAbsent(trackers.slug(d), k -> new ArrayList<>()).add(d));
    byTracker.values().forEach(ds -> {
      List<String> companies = ds.stream().filter(hasCompany::get).map(Dossier::name).distinct().toList();
      List<String> owners = ds.stream().flatMap(d -> java.util.stream.Stream.concat(
          d.owners().stream().map(OrgMention::name), d.ownerHints().stream())).toList();
      orgs.joinOwnerPrefixed(companies, owners);
    });
    orgs.resolve();
    return new Plan(iris, dossiers, trackers, orgs, hasCompany, makers);
  }

  /** Maps every dossier of the plan, in its order, into the quads {@code into} gives for its graph. */
  private Map<String, String> mapAll(Plan plan, Function<Dossier, Dossier> full,
      BiFunction<Dossier, Node, Quads> into, List<Diagnostic> diagnostics) {
    Map<String, Integer> graphNames = new HashMap<>();
    Map<String, String> sourceFiles = new java.util.TreeMap<>();
    DossierMapper mapper = new DossierMapper(plan.iris(), plan.orgs(), new Concepts(Ontology.graph()),
        DpvRules.load(), diagnostics::add);
    for (Dossier d : plan.dossiers()) {
      String source = d.source().kind() == Source.Kind.EXODUS ? "exodus" : "profiles";
      String slug = Iris.slug(d.name());
      int n = graphNames.merge(source + "/" + slug, 1, Integer::sum);
      Node graph = Vocab.uri(plan.iris().graph(source, n == 1 ? slug : slug + "-" + n));
      Dossier whole = full.apply(d);
      if (whole == null) {
        diagnostics.add(Diagnostic.error(d.source().file(), d.source().line(),
            "changed while being converted (read again, it no longer holds this dossier); not mapped"));
        continue;
      }
      sourceFiles.put(graph.getURI(), d.source().file());
      String tracker = plan.trackers().slug(d);
      Makers.Maker inferred = plan.hasCompany().get(d) ? null : plan.makers().of(tracker);
      mapper.map(whole, tracker, plan.hasCompany().get(d), Makers.inferred(inferred) ? inferred : null,
          plan.hasCompany().get(d) ? plan.makers().ownerOf(tracker) : null, into.apply(d, graph));
    }
    return sourceFiles;
  }
}
