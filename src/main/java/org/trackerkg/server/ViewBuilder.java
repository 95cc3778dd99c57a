package org.trackerkg.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/** Turns the graph around a thing into the page models of {@link Views}. Call inside a read transaction. */
final class ViewBuilder {
  private static final Node FOAF_PRIMARY_TOPIC = Vocab.foafPrimaryTopic;
  /** Tracker → organisation relations, with their headings on both sides. */
  static final List<String[]> RELATIONS = List.of(
      new String[] {TKG.customer.getURI(), "Customers", "Customer of"},
      new String[] {TKG.integratesWith.getURI(), "Integrations", "Integrated by"},
      new String[] {TKG.partner.getURI(), "Partners", "Partner of"},
      new String[] {TKG.investor.getURI(), "Investors", "Investor in"},
      new String[] {TKG.client.getURI(), "Clients", "Client of"});

  private final Graph g;
  private final String base;

  ViewBuilder(Graph union, String base) {
    this.g = union;
    this.base = base;
  }

  // ---- links and values

  /** Where a node's page is: this server for the data's own IRIs and the ontology, else the IRI if http(s). */
  String href(String iri) {
    if (iri == null) {
      return null;
    }
    if (iri.startsWith(base + "id/")) {
      return "/doc/" + iri.substring(base.length() + 3);
    }
    if (iri.startsWith(base) && iri.length() > base.length()) {
      return "/" + iri.substring(base.length());
    }
    if (iri.startsWith(TKG.NS)) {
      return "/ontology#" + iri.substring(TKG.NS.length());
    }
    return Http.safeHref(iri);
  }

  Views.Link link(Node n) {
    if (n.isURI()) {
      return new Views.Link(href(n.getURI()), Labels.label(g, n));
    }
    if (n.isLiteral()) {
      String lang = n.getLiteralLanguage();
      return Views.Link.text(n.getLiteralLexicalForm() + (lang == null || lang.isEmpty() ? "" : " @" + lang));
    }
    return Views.Link.text(n.toString());
  }

  /** Longer values are cut in a results table: one aggregated value can be tens of megabytes. */
  static final int MAX_CELL_CHARS = 10_000;

  /**
   * A results-table cell: an IRI as its label (linked to our page for our own IRIs) with its prefixed name (or
   * the IRI) on hover; a literal as text, cut at {@link #MAX_CELL_CHARS}.
   */
  Views.Cell cell(Node n) {
    if (n == null) {
      return new Views.Cell(null, "", null);
    }
    if (n.isURI()) {
      String q = Vocab.PREFIXES.qnameFor(n.getURI());
      return new Views.Cell(href(n.getURI()), Labels.label(g, n), q != null ? q : n.getURI());
    }
    Views.Link l = link(n);
    if (l.text() != null && l.text().length() > MAX_CELL_CHARS) {
      return new Views.Cell(l.href(), l.text().substring(0, MAX_CELL_CHARS) + " … ("
          + (l.text().length() - MAX_CELL_CHARS) + " more characters: ask for JSON, XML, CSV or TSV to get them all)",
          null);
    }
    return new Views.Cell(l.href(), l.text(), null);
  }

  /** A link labelled with the IRI's short form (for properties and classes). */
  Views.Link termLink(Node n) {
    return n.isURI() ? new Views.Link(href(n.getURI()), Labels.shortIri(n)) : link(n);
  }

  /** A link whose text is the target itself (websites, documentation). */
  static Views.Link external(Node n) {
    String v = n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    return new Views.Link(Http.safeHref(v), v);
  }

  List<Node> objects(Node s, Node p) {
    List<Node> out = new ArrayList<>();
    g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
    out.sort(Comparator.comparing(Node::toString));
    return out;
  }

  List<Node> subjects(Node p, Node o) {
    List<Node> out = new ArrayList<>();
    g.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
    out.sort(Comparator.comparing(Node::toString));
    return out;
  }

  private List<Views.Link> links(List<Node> nodes) {
    List<Views.Link> out = new ArrayList<>();
    nodes.forEach(n -> out.add(link(n)));
    out.sort(Comparator.comparing((Views.Link l) -> l.text().toLowerCase(java.util.Locale.ROOT)));
    return out;
  }

  private String str(Node s, Node p) {
    return Labels.literal(g, s, p);
  }

  /** A SKOS concept's preferred label, from the data or the ontology; its short IRI when it has none. */
  String conceptLabel(Node c) {
    String label = Labels.literal(g, c, Vocab.prefLabel);
    if (label == null) {
      label = Labels.literal(org.trackerkg.vocab.Ontology.graph(), c, Vocab.prefLabel);
    }
    return label != null ? label : Labels.shortIri(c);
  }

  static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  boolean isA(Node n, org.apache.jena.rdf.model.Resource type) {
    return g.contains(n, Vocab.type, type.asNode());
  }

  /** Format links of a document path ({@code /doc/tracker/x}). */
  static List<Views.Link> formats(String docPath) {
    return List.of(new Views.Link(docPath + ".ttl", "Turtle"), new Views.Link(docPath + ".nt", "N-Triples"),
        new Views.Link(docPath + ".jsonld", "JSON-LD"), new Views.Link(docPath + ".rdf", "RDF/XML"));
  }

  // ---- pages

  Views.Tracker tracker(String iri, String docPath) {
    Node t = uri(iri);
    String name = Labels.label(g, t);
    List<String> aliases = new ArrayList<>(new TreeSet<>(literals(t, Vocab.altLabel)));
    List<Node> companies = objects(t, TKG.company.asNode());
    Provenance prov = new Provenance(g, this);
    List<List<Views.Link>> chains = new ArrayList<>();
    companies.forEach(c -> chains.addAll(prov.ownerChains(c)));
    List<Node> behind = prov.makersAndOwners(companies);
    List<String> places = new ArrayList<>();
    for (Node a : objects(t, Vocab.schemaAddress)) {
      String d = str(a, Vocab.schemaDescription);
      String city = str(a, Vocab.schemaAddressLocality);
      String cc = str(a, Vocab.schemaAddressCountry);
      StringBuilder sb = new StringBuilder(d != null ? d : city != null ? city : "");
      if (cc != null) {
        sb.append(sb.length() > 0 ? " (" + cc + ")" : cc);
      }
      places.add(sb.toString());
    }
    String inExodus = str(t, TKG.inExodus.asNode());
    String exodusId = str(t, TKG.exodusId.asNode());
    String exodus = inExodus == null ? "unknown" : inExodus.equals("true")
        ? "listed in εxodus" + (exodusId == null ? "" : " (tracker " + exodusId + ")") : "not listed in εxodus";
    Views.Link exodusLink = null;
    for (Node s : objects(t, Vocab.seeAlso)) {
      if (s.isURI() && s.getURI().contains("exodus-privacy.eu.org")) {
        exodusLink = new Views.Link(Http.safeHref(s.getURI()), "εxodus report");
      }
    }
    List<Views.Signature> sigs = new ArrayList<>();
    for (Node s : objects(t, TKG.signature.asNode())) {
      String kind = isA(s, TKG.NetworkSignature) ? "network" : isA(s, TKG.CodeSignature) ? "code" : "signature";
      sigs.add(new Views.Signature(kind, str(s, TKG.pattern.asNode())));
    }
    sigs.sort(Comparator.comparing(Views.Signature::kind).reversed()
        .thenComparing(x -> x.pattern() == null ? "" : x.pattern()));
    List<Views.Link> categories = new ArrayList<>();
    for (Node c : objects(t, TKG.category.asNode())) {
      categories.add(new Views.Link(href(c.getURI()), conceptLabel(c)));
    }
    List<Views.Clause> clauses = new ArrayList<>();
    for (Node c : objects(t, TKG.clause.asNode())) {
      Set<String> seen = new TreeSet<>();
      List<Views.Link> tags = new ArrayList<>();
      for (Node a : objects(c, TKG.annotation.asNode())) {
        Node concept = Labels.object(g, a, TKG.dpvConcept.asNode());
        if (concept != null && concept.isURI() && seen.add(concept.getURI())) {
          tags.add(new Views.Link(href(concept.getURI()), Labels.shortIri(concept).contains(":")
              ? Labels.shortIri(concept) : Labels.label(g, concept)));
        }
      }
      clauses.add(new Views.Clause(str(c, Vocab.label), Markdown.html(str(c, Vocab.schemaText)), tags,
          prov.citations(c), prov.prose(c)));
    }
    clauses.sort(Comparator.comparing(x -> x.label() == null ? "" : x.label()));
    List<Views.Relation> relations = new ArrayList<>();
    for (String[] r : RELATIONS) {
      List<Views.Cited> items = new ArrayList<>();
      for (Node o : objects(t, uri(r[0]))) {
        items.add(prov.cited(t, uri(r[0]), o, o));
      }
      if (!items.isEmpty()) {
        items.sort(Provenance.byText());
        relations.add(new Views.Relation(r[1], items));
      }
    }
    List<Views.Product> products = new ArrayList<>();
    products(objects(t, TKG.product.asNode()), 0, products, new TreeSet<>());
    List<Views.Cited> madeBy = new ArrayList<>();
    for (Node c : companies) {
      madeBy.add(prov.cited(t, TKG.company.asNode(), c, c));
    }
    List<Views.Link> websites = objects(t, Vocab.schemaUrl).stream().map(ViewBuilder::external).toList();
    List<Views.Link> docs = objects(t, TKG.documentation.asNode()).stream().map(ViewBuilder::external).toList();

    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "SoftwareApplication");
    ld.put("@id", iri);
    ld.put("name", name);
    ld.put("applicationCategory", "Tracking SDK");
    if (str(t, Vocab.schemaDescription) != null) {
      ld.put("description", str(t, Vocab.schemaDescription));
    }
    if (!websites.isEmpty()) {
      ld.put("url", websites.get(0).text());
    }
    if (!aliases.isEmpty()) {
      ld.put("alternateName", aliases);
    }
    List<Map<String, Object>> makers = new ArrayList<>();
    for (Node c : companies) {
      makers.add(Map.of("@type", "Organization", "@id", c.getURI(), "name", Labels.label(g, c)));
    }
    if (!makers.isEmpty()) {
      ld.put("creator", makers);
    }
    if (exodusLink != null) {
      ld.put("sameAs", exodusLink.href());
    }
    Views.Page page = new Views.Page(name, Pages.jsonLd(ld), formats(docPath));
    return new Views.Tracker(page, iri, name, aliases, str(t, Vocab.schemaDescription), madeBy, chains,
        prov.founded(companies), prov.funding(companies), prov.wikidata(behind),
        places.isEmpty() ? null : String.join("; ", places), websites, docs, exodus, exodusLink, sigs, categories,
        clauses, relations, products, prov.references(t), prov.sources(t), picture(t, "network",
        "Integration network of " + name + ": its integrations on the right, the trackers integrating with it on "
        + "the left"));
  }

  private List<Views.Link> citations(Node n) {
    return new Provenance(g, this).citations(n);
  }

  private void products(List<Node> nodes, int depth, List<Views.Product> out, Set<String> seen) {
    List<Node> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing((Node n) -> {
      String s = str(n, Vocab.schemaName);
      return s == null ? "" : s;
    }));
    for (Node p : sorted) {
      String pname = str(p, Vocab.schemaName);
      String desc = str(p, Vocab.schemaDescription);
      // the same product stated twice (name and text alike) is shown once; a heading line is not a product
      String same = (pname == null ? "" : pname.strip().toLowerCase(java.util.Locale.ROOT)) + "\n"
          + (desc == null ? "" : desc.strip().toLowerCase(java.util.Locale.ROOT));
      if (!seen.add(p.toString()) || !seen.add(same) || depth > 10 || headingLine(pname, desc)) {
        continue;
      }
      out.add(new Views.Product(pname, desc, depth, citations(p)));
      products(objects(p, Vocab.schemaHasPart), depth + 1, out, seen);
    }
  }

  /** The picture of a thing ({@link PictureServlet}) when there is something to draw, else null. */
  private Views.Link picture(Node n, String kind, String alt) {
    Pictures p = new Pictures(g, base);
    boolean any = kind.equals("network") ? p.hasNetwork(n) : p.hasOwnership(n);
    String slug = n.getURI().substring(n.getURI().lastIndexOf('/') + 1);
    return any ? new Views.Link("/pictures/" + kind + "/" + slug + ".svg", alt) : null;
  }

  /** A list item that is a heading of its own ("### Products", "Products:", "**Services**") rather than a product. */
  static boolean headingLine(String name, String description) {
    String n = name == null ? "" : name.strip();
    if (description != null && !description.isBlank()) {
      return false;
    }
    return n.isEmpty() || n.startsWith("#") || n.endsWith(":") || n.matches("\\*\\*[^*]+\\*\\*:?")
        || n.matches("(?i)(products?|services?|products and services|features?)");
  }

  private List<String> literals(Node s, Node p) {
    List<String> out = new ArrayList<>();
    g.find(s, p, Node.ANY).forEachRemaining(t -> {
      if (t.getObject().isLiteral()) {
        out.add(t.getObject().getLiteralLexicalForm());
      }
    });
    return out;
  }

  Views.Organisation organisation(String iri, String docPath) {
    Node o = uri(iri);
    String name = Labels.label(g, o);
    Provenance prov = new Provenance(g, this);
    List<String> labels = new ArrayList<>(new TreeSet<>(literals(o, Vocab.label)));
    List<Views.Relation> namedBy = new ArrayList<>();
    for (String[] r : RELATIONS) {
      List<Views.Cited> items = new ArrayList<>();
      for (Node t : subjects(uri(r[0]), o)) {
        items.add(prov.cited(t, uri(r[0]), o, t));
      }
      if (!items.isEmpty()) {
        items.sort(Provenance.byText());
        namedBy.add(new Views.Relation(r[2], items));
      }
    }
    List<Node> made = subjects(TKG.company.asNode(), o);
    List<Node> viaSubsidiaries = new ArrayList<>(new Listings.Ownership(g).trackers(o));
    viaSubsidiaries.removeAll(made);
    List<Views.Link> websites = objects(o, Vocab.schemaUrl).stream().map(ViewBuilder::external).toList();
    List<Views.Link> wd = prov.wikidata(List.of(o));
    List<Views.Link> sources = new ArrayList<>();
    java.util.Set<Node> docs = new java.util.LinkedHashSet<>();
    for (Node t : made) {
      docs.addAll(subjects(FOAF_PRIMARY_TOPIC, t));
    }
    for (Views.Relation r : namedBy) { // the documents of the trackers naming it
      for (Views.Cited c : r.items()) {
        if (c.link().href() != null && c.link().href().startsWith("/doc/tracker/")) {
          docs.addAll(subjects(FOAF_PRIMARY_TOPIC, uri(base + "id/" + c.link().href().substring(5))));
        }
      }
    }
    docs.forEach(d -> sources.add(link(d)));
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "Organization");
    ld.put("@id", iri);
    ld.put("name", name);
    if (labels.size() > 1) {
      ld.put("alternateName", labels);
    }
    if (!wd.isEmpty()) {
      ld.put("sameAs", Listings.wikidata(g, o).getURI());
    }
    Views.Page page = new Views.Page(name, Pages.jsonLd(ld), formats(docPath));
    return new Views.Organisation(page, iri, name, labels, links(made), links(viaSubsidiaries),
        links(subjects(TKG.owner.asNode(), o)), links(objects(o, TKG.owner.asNode())), prov.ownerChains(o), namedBy,
        websites, wd.isEmpty() ? null : wd.get(0), prov.founded(List.of(o)), prov.funding(List.of(o)), sources,
        picture(o, "ownership", "Ownership tree around " + name + ", with the trackers each organisation makes or "
        + "owns"));
  }

  Views.Thing thing(String iri, String docPath, Set<String> owned) {
    Node n = uri(iri);
    String name = Labels.label(g, n);
    List<Views.Row> out = new ArrayList<>();
    List<Triple> ts = g.find(n, Node.ANY, Node.ANY).toList();
    ts.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getObject().toString()));
    ts.forEach(t -> out.add(new Views.Row(termLink(t.getPredicate()), link(t.getObject()))));
    List<Views.Row> in = new ArrayList<>();
    List<Triple> is = g.find(Node.ANY, Node.ANY, n).toList();
    is.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getSubject().toString()));
    is.forEach(t -> in.add(new Views.Row(link(t.getSubject()), termLink(t.getPredicate()))));
    List<Views.Row> own = new ArrayList<>();
    for (String s : owned) {
      Node x = uri(s);
      Node type = Labels.object(g, x, Vocab.type);
      own.add(new Views.Row(link(x), type == null ? Views.Link.text("") : termLink(type)));
    }
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "Thing");
    ld.put("@id", iri);
    ld.put("name", name);
    Views.Page page = new Views.Page(name, Pages.jsonLd(ld), formats(docPath));
    return new Views.Thing(page, iri, name, out, in, own);
  }
}
