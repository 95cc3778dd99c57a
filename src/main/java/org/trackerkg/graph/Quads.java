package org.trackerkg.graph;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/** Writes the quads of one named graph; skips null and blank values so absent facts never become triples. */
final class Quads {
  private final DatasetGraph dsg;
  private final Node graph;

  Quads(DatasetGraph dsg, Node graph) {
    this.dsg = dsg;
    this.graph = graph;
  }

  Node graph() {
    return graph;
  }

  /** Whether this document's graph already holds the triple. */
  boolean has(Node s, Node p, Node o) {
    return dsg.contains(graph, s, p, o);
  }

  void add(Node s, Node p, Node o) {
    if (s != null && p != null && o != null) {
      dsg.add(graph, s, p, o);
    }
  }

  void text(Node s, Node p, String value) {
    if (value != null && !value.isBlank()) {
      add(s, p, NodeFactory.createLiteralString(value.strip()));
    }
  }

  void integer(Node s, Node p, long value) {
    add(s, p, NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger));
  }

  void line(Node s, int line) {
    if (line > 0) {
      integer(s, TKG.line.asNode(), line);
    }
  }

  void bool(Node s, Node p, Boolean value) {
    if (value != null) {
      add(s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDboolean));
    }
  }

  void typed(Node s, Node p, String lexical, XSDDatatype type) {
    if (lexical != null) {
      add(s, p, NodeFactory.createLiteralDT(lexical, type));
    }
  }

  void decimal(Node s, Node p, BigDecimal value) {
    if (value != null) {
      String lexical = value.stripTrailingZeros().toPlainString();
      // "76000000.0", so Turtle can write it as a bare decimal
      add(s, p, NodeFactory.createLiteralDT(lexical.contains(".") ? lexical : lexical + ".0", XSDDatatype.XSDdecimal));
    }
  }

  void type(Node s, Node cls) {
    add(s, Vocab.type, cls);
  }

  /** An absolute http(s) IRI for a URL as written, or null when it is not one (the caller keeps the text). */
  static Node httpIri(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip().replace(" ", "%20");
    if (u.startsWith("<") && u.endsWith(">")) {
      u = u.substring(1, u.length() - 1);
    }
    if (u.regionMatches(true, 0, "www.", 0, 4)) {
      u = "http://" + u;
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return null;
      }
      String sc = scheme.toLowerCase(Locale.ROOT);
      if (!sc.equals("http") && !sc.equals("https")) {
        return null;
      }
      // characters RDF IRIs forbid even where java.net.URI let them through
      for (int i = 0; i < u.length(); i++) {
        char c = u.charAt(i);
        if (c <= ' ' || "<>\"{}|\\^`".indexOf(c) >= 0) {
          return null;
        }
      }
      return NodeFactory.createURI(u);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
