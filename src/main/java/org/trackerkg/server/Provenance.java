package org.trackerkg.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * What the pages say about where facts come from and who stands behind a tracker: the citations of a stated
 * relation (its {@code tkg:Claim}), whether it was read from prose ({@code tkg:extractedFrom}), references once
 * per key, source documents told apart, owner chains, founding and funding. Call inside a read transaction.
 */
final class Provenance {
  /** The sentence a fact was read from, when it was read from prose (the reader's marker). */
  static final Node EXTRACTED_FROM = NodeFactory.createURI(TKG.NS + "extractedFrom");
  private static final int MAX_CHAIN = 12;

  private final Graph g;
  private final ViewBuilder v;

  Provenance(Graph g, ViewBuilder v) {
    this.g = g;
    this.v = v;
  }

  /** The claims stating {@code s p o}. */
  private List<Node> claims(Node s, Node p, Node o) {
    List<Node> out = new ArrayList<>();
    g.find(Node.ANY, Vocab.rdfSubject, s).forEachRemaining(t -> {
      Node c = t.getSubject();
      if (g.contains(c, Vocab.rdfPredicate, p) && g.contains(c, Vocab.rdfObject, o)) {
        out.add(c);
      }
    });
    return out;
  }

  /** {@code shown} (the other end of {@code s p o}) with the citations and prose sentence of its claims. */
  Views.Cited cited(Node s, Node p, Node o, Node shown) {
    List<Node> cs = claims(s, p, o);
    Map<String, Views.Link> cites = new LinkedHashMap<>();
    String prose = null;
    for (Node c : cs) {
      citations(c).forEach(l -> cites.putIfAbsent(l.text() + " " + l.href(), l));
      if (prose == null) {
        prose = Labels.literal(g, c, EXTRACTED_FROM);
      }
    }
    return new Views.Cited(v.link(shown), List.copyOf(cites.values()), prose);
  }

  /** The references a node cites ({@code tkg:citation}), each once, by key. */
  List<Views.Link> citations(Node n) {
    Map<String, Views.Link> out = new java.util.TreeMap<>();
    for (Node r : v.objects(n, TKG.citation.asNode())) {
      Node url = Labels.object(g, r, Vocab.schemaUrl);
      String key = Labels.literal(g, r, TKG.key.asNode());
      String text = key == null ? Labels.label(g, r) : key;
      out.putIfAbsent(text, new Views.Link(url == null ? null
          : Http.safeHref(url.isURI() ? url.getURI() : url.getLiteralLexicalForm()), text));
    }
    return List.copyOf(out.values());
  }

  /** A node's own prose marker: the sentence it was read from, or null. */
  String prose(Node n) {
    return Labels.literal(g, n, EXTRACTED_FROM);
  }

  /** The references of a tracker, once per key (the same key in several source documents is one reference). */
  List<Views.Reference> references(Node t) {
    Map<String, String> titles = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Set<String>> urls = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Node r : v.objects(t, Vocab.dctReferences)) {
      String key = Labels.literal(g, r, TKG.key.asNode());
      if (key == null) {
        key = Labels.label(g, r);
      }
      String title = Labels.literal(g, r, Vocab.dctTitle);
      if (title != null && !title.equalsIgnoreCase(key)) {
        titles.putIfAbsent(key, title);
      }
      Set<String> us = urls.computeIfAbsent(key, k -> new TreeSet<>());
      g.find(r, Vocab.schemaUrl, Node.ANY).forEachRemaining(x -> us.add(
          x.getObject().isURI() ? x.getObject().getURI() : x.getObject().getLiteralLexicalForm()));
    }
    List<Views.Reference> out = new ArrayList<>();
    urls.forEach((key, us) -> out.add(new Views.Reference(key, titles.get(key),
        us.stream().map(u -> new Views.Link(Http.safeHref(u), u)).toList())));
    return out;
  }

  /** The source documents about a thing: each with its file, rights holder, licence and checksum. */
  List<Views.SourceDoc> sources(Node t) {
    List<Views.SourceDoc> out = new ArrayList<>();
    for (Node d : v.subjects(Vocab.foafPrimaryTopic, t)) {
      Node holder = Labels.object(g, d, Vocab.dctRightsHolder);
      Node licence = Labels.object(g, d, Vocab.dctLicense);
      String sha = Labels.literal(g, d, TKG.sha256.asNode());
      out.add(new Views.SourceDoc(v.link(d), Labels.literal(g, d, TKG.fileName.asNode()),
          holder == null ? null : ViewBuilder.external(holder), licence == null ? null : ViewBuilder.external(licence),
          sha == null ? null : sha.substring(0, Math.min(12, sha.length()))));
    }
    return out;
  }

  /** Every path from an organisation up its owners to one nobody owns, the organisation first; cycles cut. */
  List<List<Views.Link>> ownerChains(Node o) {
    List<List<Node>> paths = new ArrayList<>();
    walk(new ArrayList<>(List.of(o)), paths);
    List<List<Views.Link>> out = new ArrayList<>();
    for (List<Node> p : paths) {
      if (p.size() > 1) {
        out.add(p.stream().map(v::link).toList());
      }
    }
    return out;
  }

  private void walk(List<Node> path, List<List<Node>> out) {
    Node last = path.get(path.size() - 1);
    List<Node> owners = v.objects(last, TKG.owner.asNode()).stream()
        .filter(x -> x.isURI() && !path.contains(x)).toList();
    if (owners.isEmpty() || path.size() >= MAX_CHAIN) {
      out.add(List.copyOf(path));
      return;
    }
    for (Node x : owners) {
      path.add(x);
      walk(path, out);
      path.remove(path.size() - 1);
    }
  }

  /** The founding years of organisations, each once. */
  List<String> founded(List<Node> orgs) {
    Set<String> out = new LinkedHashSet<>();
    for (Node o : orgs) {
      for (Node d : v.objects(o, Vocab.schemaFoundingDate)) {
        if (d.isLiteral()) {
          out.add(d.getLiteralLexicalForm() + (orgs.size() > 1 ? " (" + Labels.label(g, o) + ")" : ""));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The funding raised by organisations ({@code tkg:fundingRaised}, schema:MonetaryAmount). */
  List<Views.Funding> funding(List<Node> orgs) {
    List<Views.Funding> out = new ArrayList<>();
    Set<Node> seen = new LinkedHashSet<>();
    for (Node o : orgs) {
      for (Node f : v.objects(o, TKG.fundingRaised.asNode())) {
        if (!seen.add(f)) {
          continue;
        }
        String value = Labels.literal(g, f, Vocab.schemaValue);
        String currency = Labels.literal(g, f, Vocab.schemaCurrency);
        out.add(new Views.Funding(amount(value, currency), Labels.literal(g, f, Vocab.schemaDescription),
            citations(f), prose(f)));
      }
    }
    return out;
  }

  /** 84000000.0 USD → "USD 84 million"; what cannot be read is shown as written. */
  static String amount(String value, String currency) {
    if (value == null) {
      return currency == null ? "amount not stated" : currency;
    }
    String c = currency == null ? "" : currency + " ";
    try {
      BigDecimal d = new BigDecimal(value);
      if (d.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
        return c + d.movePointLeft(9).stripTrailingZeros().toPlainString() + " billion";
      }
      if (d.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
        return c + d.movePointLeft(6).stripTrailingZeros().toPlainString() + " million";
      }
      return c + d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return c + value;
    }
  }

  /** The organisations' Wikidata items, each once, labelled with the organisation's name and the item id. */
  List<Views.Link> wikidata(List<Node> orgs) {
    List<Views.Link> out = new ArrayList<>();
    for (Node o : orgs) {
      Node wd = Listings.wikidata(g, o);
      if (wd != null) {
        String id = wd.getURI().substring(wd.getURI().lastIndexOf('/') + 1);
        Views.Link l = new Views.Link(wd.getURI().replace("http://www.wikidata.org/entity/",
            "https://www.wikidata.org/wiki/"), Labels.label(g, o) + " (" + id + ")");
        if (!out.contains(l)) {
          out.add(l);
        }
      }
    }
    return out;
  }

  /** The makers of a tracker and everything above them in the ownership chains, makers first. */
  List<Node> makersAndOwners(List<Node> makers) {
    Set<Node> out = new LinkedHashSet<>(makers);
    List<Node> todo = new ArrayList<>(makers);
    while (!todo.isEmpty() && out.size() < 100) {
      for (Node x : v.objects(todo.remove(0), TKG.owner.asNode())) {
        if (x.isURI() && out.add(x)) {
          todo.add(x);
        }
      }
    }
    return new ArrayList<>(out);
  }

  static Comparator<Views.Cited> byText() {
    return Comparator.comparing((Views.Cited c) -> c.link().text().toLowerCase(java.util.Locale.ROOT));
  }
}
