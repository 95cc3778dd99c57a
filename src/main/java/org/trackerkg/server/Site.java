package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.link.SignatureMatcher;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.query.ParameterException;
import org.trackerkg.publish.VoidDescription;
import org.trackerkg.query.QueryCatalogue;
import org.trackerkg.store.ServedData;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.Ontology;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The linked-data front end and the pages: {@code /}, {@code /id/…} (303), {@code /doc/…} and {@code /graph/…}
 * (negotiated documents), {@code /ontology}, {@code /void}, {@code /queries}. Serialised documents are kept
 * while the data stays the same (it changes only through the optional write endpoints, which bump the
 * {@link ResultCache#generation()}).
 */
final class Site {
  private static final int CACHE_LIMIT = 20_000;

  /** A serialised response: body, its ETag, its Content-Type. */
  record Cached(byte[] body, String etag, String contentType) {
    static Cached of(byte[] body, String contentType) {
      return new Cached(body, Http.etag(body), contentType);
    }
  }

  private final ServedData data;
  private final QueryLimits limits;
  private final Path dumpsDir;
  private final QueryCatalogue catalogue;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final ResultCache results;
  private long cacheGeneration;
  private SignatureMatcher matcher;

  Site(ServedData data, QueryLimits limits, Path dumpsDir, ResultCache results) {
    this.results = results;
    this.data = data;
    this.limits = limits;
    this.dumpsDir = dumpsDir;
    this.catalogue = QueryCatalogue.load();
  }

  ServedData data() {
    return data;
  }

  /** SPARQL protocol responses kept while the data stays the same; its generation also guards {@link #cached}. */
  ResultCache results() {
    return results;
  }

  /** The trackers' signatures, built once for {@code /match} and {@code /reconcile} alike. */
  /** The data changed (a replica applied a patch): kept answers, pages and the matcher are rebuilt on demand. */
  synchronized void dataChanged() {
    results.dataChanged();
    matcher = null;
  }

  synchronized SignatureMatcher matcher() {
    if (matcher == null) {
      matcher = data.read(() -> SignatureMatcher.fromDataset(data.dataset(), data.union(), data.base()));
    }
    return matcher;
  }

  QueryLimits limits() {
    return limits;
  }

  QueryCatalogue catalogue() {
    return catalogue;
  }

  ViewBuilder views() {
    return new ViewBuilder(data.union(), data.base());
  }

  private Cached cached(String key, java.util.function.Supplier<Cached> make) {
    long generation = results.generation();
    synchronized (cache) {
      if (generation != cacheGeneration) {  // a write went through: nothing kept is current
        cache.clear();
        cacheGeneration = generation;
      }
    }
    Cached c = cache.get(key);
    if (c == null) {
      c = make.get();
      if (cache.size() > CACHE_LIMIT) {
        cache.clear();
      }
      if (results.generation() == generation) {
        cache.put(key, c);
      }
    }
    return c;
  }

  static void send(HttpServletRequest req, HttpServletResponse resp, Cached c) throws IOException {
    Http.send(req, resp, c.contentType(), c.body(), c.etag());
  }

  /** 406 with the list of what is available. */
  static void notAcceptable(HttpServletRequest req, HttpServletResponse resp, List<String> offers)
      throws IOException {
    Http.sendText(req, resp, 406, "Not Acceptable: available as " + String.join(", ", offers));
  }

  /** The format a request asks for: a {@code format=} parameter (any name of the format registry, or html), else its Accept header. */
  static String choose(HttpServletRequest req, List<String> offers) {
    String fp = req.getParameter("format");
    if (fp != null) {
      RdfFormat f = RdfFormat.byName(fp.toLowerCase(Locale.ROOT));
      return f != null && offers.contains(f.mediaType) ? f.mediaType : null;
    }
    return Negotiation.choose(req.getHeader("Accept"), offers);
  }

  private static boolean prefersHtml(HttpServletRequest req) {
    String a = req.getHeader("Accept");
    return a != null && "text/html".equals(Negotiation.choose(a, List.of("text/plain", "text/html")));
  }

  static void notFound(HttpServletRequest req, HttpServletResponse resp, String what) throws IOException {
    if (prefersHtml(req)) {
      Pages.sendError(req, resp, 404, "Not found: " + what);
    } else {
      Http.sendText(req, resp, 404, "Not found: " + what);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- linked data

  /** Whether the data says anything about the IRI (as subject, object, or owner of nodes). */
  boolean exists(String iri) {
    if (data.subjects().contains(iri) || !data.owned(iri).isEmpty()) {
      return true;
    }
    return data.read(() -> data.union()
        .find(Node.ANY, Node.ANY, ViewBuilder.uri(iri)).hasNext());
  }

  /** The thing's document: its outgoing triples, its incoming links, and the triples of the nodes it owns. */
  Graph describe(String iri) {
    return data.read(() -> {
      Graph u = data.union();
      Graph out = GraphFactory.createDefaultGraph();
      Node t = ViewBuilder.uri(iri);
      u.find(t, Node.ANY, Node.ANY).forEachRemaining(out::add);
      u.find(Node.ANY, Node.ANY, t).forEachRemaining(out::add);
      for (String o : data.owned(iri)) {
        u.find(ViewBuilder.uri(o), Node.ANY, Node.ANY).forEachRemaining(out::add);
      }
      return out;
    });
  }

  private byte[] page(String iri, String docPath) {
    return data.read(() -> {
      ViewBuilder v = views();
      Node n = ViewBuilder.uri(iri);
      if (v.isA(n, TKG.Tracker)) {
        return Pages.render("tracker.jte", v.tracker(iri, docPath));
      }
      if (v.isA(n, TKG.Organization)) {
        return Pages.render("org.jte", v.organisation(iri, docPath));
      }
      return Pages.render("thing.jte", v.thing(iri, docPath, data.owned(iri)));
    });
  }

  HttpServlet linkedDataServlet() {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        linkedData(req, resp);
      }
    };
  }

  private void linkedData(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String area = req.getServletPath(); // /id, /doc or /graph
    String rest = req.getPathInfo();
    if (rest == null || rest.length() < 2) {
      notFound(req, resp, area + "/");
      return;
    }
    if (area.equals("/id")) {
      String iri = data.base() + "id" + rest;
      if (!exists(iri)) {
        notFound(req, resp, iri);
        return;
      }
      resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
      resp.setHeader("Location", "/doc" + rest);
      resp.setContentLength(0);
      return;
    }
    String prefix = area.equals("/doc") ? "id" : "graph";
    String iri = data.base() + prefix + rest;
    String docPath = area + rest;
    RdfFormat fixed = null;
    if (!exists(iri)) {
      int dot = rest.lastIndexOf('.');
      RdfFormat f = dot > rest.lastIndexOf('/') ? RdfFormat.byExtension(rest.substring(dot + 1)) : null;
      String stripped = f == null ? null : data.base() + prefix + rest.substring(0, dot);
      if (stripped == null || !exists(stripped)) {
        notFound(req, resp, iri);
        return;
      }
      iri = stripped;
      docPath = area + rest.substring(0, dot);
      fixed = f;
    }
    RdfFormat format = fixed;
    if (format == null) {
      resp.setHeader("Vary", "Accept");
      List<String> offers = RdfFormat.offers(true);
      String chosen = Negotiation.choose(req.getHeader("Accept"), offers);
      if (chosen == null) {
        notAcceptable(req, resp, offers);
        return;
      }
      format = RdfFormat.byMediaType(chosen);
      resp.setHeader("Content-Location", docPath + "." + format.extension);
    }
    String thing = iri;
    String path = docPath;
    RdfFormat fmt = format;
    Cached c = cached(fmt + " " + thing, () -> fmt == RdfFormat.HTML
        ? Cached.of(page(thing, path), Pages.HTML)
        : Cached.of(fmt.write(describe(thing), data.base()), fmt.contentType()));
    resp.setHeader("Link", "<" + thing + ">; rel=\"describes\"");
    send(req, resp, c);
  }

  // ---------------------------------------------------------------- landing page

  HttpServlet landingServlet() {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        landing(req, resp);
      }
    };
  }

  private void landing(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Vary", "Accept");
    List<String> offers = RdfFormat.offers(true);
    String chosen = Negotiation.choose(req.getHeader("Accept"), List.of("text/html", "text/turtle",
        "application/n-triples", "application/ld+json", "application/rdf+xml"));
    if (chosen == null) {
      notAcceptable(req, resp, offers);
      return;
    }
    if (!chosen.equals("text/html")) {
      resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
      resp.setHeader("Location", "/void");
      return;
    }
    String q = req.getParameter("q");
    String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
    Cached c = cached("landing " + needle, () -> {
      ViewBuilder v = new ViewBuilder(GraphFactory.createDefaultGraph(), data.base());
      List<Views.Link> links = new ArrayList<>();
      for (ServedData.Entry e : data.trackers()) {
        if (needle.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(needle)) {
          links.add(new Views.Link(v.href(e.iri()), e.name()));
        }
      }
      Map<String, Object> ld = new LinkedHashMap<>();
      ld.put("@context", "https://schema.org");
      ld.put("@type", "Dataset");
      ld.put("name", "tracker-kg");
      ld.put("description", "Dossiers about mobile-app trackers as linked open data.");
      ld.put("license", data.sources().stream().map(ServedData.Source::license)
          .filter(java.util.Objects::nonNull).distinct().sorted().toList());
      Views.Page page = new Views.Page("tracker-kg", Pages.jsonLd(ld), null);
      return Cached.of(Pages.render("landing.jte", new Views.Landing(page, data.trackers().size(),
          data.organisations().size(), data.triples(), q == null ? "" : q, links, links.size())), Pages.HTML);
    });
    send(req, resp, c);
  }

  // ---------------------------------------------------------------- ontology

  HttpServlet ontologyServlet() {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        List<String> offers = List.of("text/turtle", "text/html", "application/n-triples", "application/ld+json",
            "application/rdf+xml");
        String chosen = choose(req, offers);
        if (chosen == null) {
          notAcceptable(req, resp, offers);
          return;
        }
        RdfFormat f = RdfFormat.byMediaType(chosen);
        Cached c = cached("ontology " + f, () -> switch (f) {
          case HTML -> Cached.of(Pages.render("ontology.jte", ontologyView()), Pages.HTML);
          case TURTLE -> Cached.of(Ontology.bytes(Ontology.TRACKER_TTL), f.contentType());
          default -> Cached.of(f.write(Ontology.graph(), data.base()), f.contentType());
        });
        send(req, resp, c);
      }
    };
  }

  private Views.Ontology ontologyView() {
    Graph o = Ontology.graph();
    ViewBuilder v = new ViewBuilder(o, data.base());
    List<Views.Term> classes = new ArrayList<>();
    List<Views.Term> props = new ArrayList<>();
    List<Views.Term> concepts = new ArrayList<>();
    java.util.Set<Node> subjects = new java.util.TreeSet<>(Comparator.comparing(Node::toString));
    o.find().forEachRemaining(t -> {
      if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(TKG.NS)
          && t.getSubject().getURI().length() > TKG.NS.length()) {
        subjects.add(t.getSubject());
      }
    });
    for (Node s : subjects) {
      String id = s.getURI().substring(TKG.NS.length());
      String comment = Labels.literal(o, s, ViewBuilder.uri(Vocab.RDFS + "comment"));
      if (comment == null) {
        comment = Labels.literal(o, s, ViewBuilder.uri(Vocab.SKOS + "definition"));
      }
      List<Views.Link> details = new ArrayList<>();
      for (String[] p : new String[][] {{Vocab.RDFS + "subClassOf", "subclass of"},
          {Vocab.RDFS + "subPropertyOf", "subproperty of"}, {Vocab.RDFS + "domain", "domain"},
          {Vocab.RDFS + "range", "range"}, {Vocab.SKOS + "broader", "broader"},
          {Vocab.SKOS + "inScheme", "in scheme"}, {Vocab.SKOS + "exactMatch", "exact match"},
          {Vocab.SKOS + "closeMatch", "close match"}}) {
        for (Node x : v.objects(s, ViewBuilder.uri(p[0]))) {
          if (x.isURI()) {
            details.add(new Views.Link(v.href(x.getURI()), p[1] + " " + Labels.shortIri(x)));
          }
        }
      }
      Views.Term term = new Views.Term(id, Labels.label(o, s), s.getURI(), comment, details);
      boolean isClass = o.contains(s, Vocab.type, ViewBuilder.uri(Vocab.OWL + "Class"))
          || o.contains(s, Vocab.type, ViewBuilder.uri(Vocab.RDFS + "Class"));
      boolean isConcept = o.contains(s, Vocab.type, Vocab.skosConcept)
          || o.contains(s, Vocab.type, ViewBuilder.uri(Vocab.SKOS + "ConceptScheme"));
      if (isClass) {
        classes.add(term);
      } else if (isConcept) {
        concepts.add(term);
      } else if (o.find(s, Vocab.type, Node.ANY).toList().stream().map(Triple::getObject)
          .anyMatch(t -> t.isURI() && t.getURI().endsWith("Property"))) {
        props.add(term);
      }
    }
    Node onto = ViewBuilder.uri(TKG.NS.substring(0, TKG.NS.length() - 1));
    String title = Labels.literal(o, onto, Vocab.dctTitle);
    if (title == null) {
      title = Labels.literal(o, onto, Vocab.label);
    }
    String comment = Labels.literal(o, onto, ViewBuilder.uri(Vocab.RDFS + "comment"));
    if (comment == null) {
      comment = Labels.literal(o, onto, ViewBuilder.uri(Vocab.DCT + "description"));
    }
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "DefinedTermSet");
    ld.put("@id", TKG.NS);
    ld.put("name", title == null ? "tracker-kg ontology" : title);
    Views.Page page = new Views.Page("Ontology", Pages.jsonLd(ld),
        List.of(new Views.Link("/ontology?format=ttl", "Turtle")));
    return new Views.Ontology(page, TKG.NS, title == null ? "The tracker-kg ontology" : title, comment,
        classes, props, concepts);
  }

  // ---------------------------------------------------------------- VoID

  HttpServlet voidServlet() {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        List<String> offers = RdfFormat.offers(true);
        String chosen = choose(req, offers);
        if (chosen == null) {
          notAcceptable(req, resp, offers);
          return;
        }
        RdfFormat f = RdfFormat.byMediaType(chosen);
        String root = Http.root(req);
        Cached c = cached("void " + f + " " + root + " " + Descriptions.dumpFiles(dumpsDir), () -> {
          Graph g = Descriptions.voidGraph(data, root, dumpsDir);
          if (f != RdfFormat.HTML) {
            return Cached.of(f.write(g, data.base()), f.contentType());
          }
          String ttl = new String(RdfFormat.TURTLE.write(g, data.base()), StandardCharsets.UTF_8);
          Views.Page page = new Views.Page("VoID description", null, List.of(
              new Views.Link("/void?format=ttl", "Turtle"), new Views.Link("/void?format=jsonld", "JSON-LD")));
          // the figure the description states, not a second count
          long entities = Long.parseLong(g.find(ViewBuilder.uri(VoidDescription.datasetIri(root + "/")),
              ViewBuilder.uri(Vocab.VOID + "entities"), Node.ANY).next().getObject().getLiteralLexicalForm());
          return Cached.of(Pages.render("void.jte", new Views.Void(page, ttl, data.triples(), entities,
              data.trackers().size(), data.organisations().size())), Pages.HTML);
        });
        send(req, resp, c);
      }
    };
  }

  /** The service description in a negotiated RDF format, or false when the client accepts none of them. */
  boolean serviceDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<String> offers = RdfFormat.offers(false);
    String chosen = Negotiation.choose(req.getHeader("Accept"), offers);
    resp.setHeader("Vary", "Accept");
    if (chosen == null) {
      return false;
    }
    RdfFormat f = RdfFormat.byMediaType(chosen);
    String root = Http.root(req);
    send(req, resp, cached("sd " + f + " " + root,
        () -> Cached.of(f.write(Descriptions.serviceDescription(data, root, limits), data.base()),
            f.contentType())));
    return true;
  }

  // ---------------------------------------------------------------- canned queries

  /** The canned queries for the SPARQL page: the text with the defaults substituted (as written if required). */
  List<Views.Canned> cannedViews() {
    List<Views.Canned> out = new ArrayList<>();
    for (QueryCatalogue.Entry q : catalogue.list()) {
      String text;
      try {
        text = CannedQuery.bind(q, Map.of(), data.base()).substituted().serialize();
      } catch (ParameterException e) {
        text = q.text();
      }
      out.add(new Views.Canned(q.name(), q.title(), text, "/sparql?format=html&query=" + enc(text),
          "/queries/" + q.name()));
    }
    return out;
  }

  NavigableSet<String> owned(String iri) {
    return data.owned(iri);
  }
}
