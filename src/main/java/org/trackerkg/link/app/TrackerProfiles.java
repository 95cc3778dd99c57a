package org.trackerkg.link.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * What the graph says about a tracker a scan found: its maker and the maker's owners ({@code tkg:company},
 * {@code tkg:owner}), and its policy clauses with their DPV annotations and citations. Reads the union graph.
 */
public final class TrackerProfiles {
  private static final int MAX_OWNERS = 10;
  private final Graph graph;

  public TrackerProfiles(Graph union) {
    this.graph = union;
  }

  /** The maker and its owner chain, or null when the graph names no company for the tracker. */
  public AppReport.Maker maker(String trackerIri) {
    Node company = Labels.object(graph, NodeFactory.createURI(trackerIri), TKG.company.asNode());
    if (company == null || !company.isURI()) {
      return null;
    }
    List<AppReport.Party> owners = new ArrayList<>();
    Set<Node> seen = new LinkedHashSet<>(List.of(company));
    Node at = company;
    while (owners.size() < MAX_OWNERS) {
      Node owner = Labels.object(graph, at, TKG.owner.asNode());
      if (owner == null || !owner.isURI() || !seen.add(owner)) {
        break; // no owner, or a cycle in the data
      }
      owners.add(party(owner));
      at = owner;
    }
    return new AppReport.Maker(party(company), owners);
  }

  private AppReport.Party party(Node n) {
    return new AppReport.Party(n.getURI(), Labels.label(graph, n));
  }

  /** The tracker's policy clauses, in the dossier's order; null when it has none ("no policy in the data"). */
  public AppReport.Profile profile(String trackerIri) {
    List<Node> clauses = objects(NodeFactory.createURI(trackerIri), TKG.clause.asNode());
    if (clauses.isEmpty()) {
      return null;
    }
    List<AppReport.Clause> out = new ArrayList<>();
    for (Node c : clauses) {
      Node kind = Labels.object(graph, c, TKG.clauseKind.asNode());
      String kindKey = kind != null && kind.isURI() && kind.getURI().startsWith(TKG.CLAUSE_KIND_NS)
          ? kind.getURI().substring(TKG.CLAUSE_KIND_NS.length()) : "other";
      List<AppReport.Citation> cites = new ArrayList<>();
      for (Node ref : objects(c, TKG.citation.asNode())) {
        cites.add(new AppReport.Citation(Labels.literal(graph, ref, TKG.key.asNode()),
            Labels.literal(graph, ref, Vocab.schemaUrl)));
      }
      cites.sort(Comparator.comparing(AppReport.Citation::key, Comparator.nullsLast(Comparator.naturalOrder())));
      List<AppReport.Annotation> notes = new ArrayList<>();
      for (Node a : objects(c, TKG.annotation.asNode())) {
        Node p = Labels.object(graph, a, TKG.dpvProperty.asNode());
        Node v = Labels.object(graph, a, TKG.dpvConcept.asNode());
        if (p != null && v != null && v.isURI()) {
          notes.add(new AppReport.Annotation(Labels.shortIri(p), concept(v),
              Labels.literal(graph, a, TKG.evidence.asNode())));
        }
      }
      notes.sort(Comparator.comparing((AppReport.Annotation a) -> a.property())
          .thenComparing(a -> a.concept().curie()).thenComparing(a -> a.evidence() == null ? "" : a.evidence()));
      out.add(new AppReport.Clause(c.getURI(), Labels.literal(graph, c, Vocab.label), kindKey,
          Labels.literal(graph, c, Vocab.schemaText), cites, notes));
    }
    out.sort(Comparator.comparingInt((AppReport.Clause c) -> line(c.iri())).thenComparing(AppReport.Clause::iri));
    return new AppReport.Profile(out);
  }

  /** A concept with its prefixed name and the label the graph gives it (else the prefixed name). */
  public AppReport.Concept concept(Node n) {
    String curie = Labels.shortIri(n);
    String label = Labels.label(graph, n);
    return new AppReport.Concept(n.getURI(), curie, label);
  }

  private int line(String clauseIri) {
    String l = Labels.literal(graph, NodeFactory.createURI(clauseIri), TKG.line.asNode());
    try {
      return l == null ? Integer.MAX_VALUE : Integer.parseInt(l);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private List<Node> objects(Node s, Node p) {
    Set<Node> out = new java.util.TreeSet<>(Comparator.comparing(Node::toString));
    var it = graph.find(s, p, Node.ANY);
    try {
      while (it.hasNext()) {
        Triple t = it.next();
        if (t.getObject().isURI()) {
          out.add(t.getObject());
        }
      }
    } finally {
      it.close();
    }
    return List.copyOf(out);
  }
}
