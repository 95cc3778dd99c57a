package org.trackerkg.vocab;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/** Human-readable names of nodes, the same way on every page: deterministic whatever the storage order. */
public final class Labels {
  private static final List<Node> NAME_PROPERTIES = List.of(Vocab.schemaName, Vocab.prefLabel, Vocab.label,
      Vocab.dctTitle, TKG.key.asNode(), TKG.pattern.asNode(), TKG.heading.asNode());

  private Labels() {}

  /** The node's name, else a short form of its IRI. */
  public static String label(Graph g, Node n) {
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm();
    }
    for (Node p : NAME_PROPERTIES) {
      String s = literal(g, n, p);
      if (s != null) {
        return s;
      }
    }
    return shortIri(n);
  }

  /** The smallest literal value of {@code n p ?} (so the choice does not depend on storage order). */
  public static String literal(Graph g, Node n, Node p) {
    String best = null;
    ExtendedIterator<Triple> it = g.find(n, p, Node.ANY);
    try {
      while (it.hasNext()) {
        Node o = it.next().getObject();
        if (o.isLiteral()) {
          String s = o.getLiteralLexicalForm();
          if (best == null || s.compareTo(best) < 0) {
            best = s;
          }
        }
      }
    } finally {
      it.close();
    }
    return best;
  }

  /** The smallest object of {@code n p ?}. */
  public static Node object(Graph g, Node n, Node p) {
    Node best = null;
    ExtendedIterator<Triple> it = g.find(n, p, Node.ANY);
    try {
      while (it.hasNext()) {
        Node o = it.next().getObject();
        if (best == null || o.toString().compareTo(best.toString()) < 0) {
          best = o;
        }
      }
    } finally {
      it.close();
    }
    return best;
  }

  public static String shortIri(Node n) {
    if (!n.isURI()) {
      return n.toString();
    }
    String iri = n.getURI();
    String prefixed = Vocab.PREFIXES.qnameFor(iri);
    if (prefixed != null) {
      return prefixed;
    }
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
  }
}
