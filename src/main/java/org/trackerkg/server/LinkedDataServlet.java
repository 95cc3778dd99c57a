package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.vocab.TKG;

/**
 * {@code /id/…} (303 to the document), {@code /doc/…} and {@code /graph/…}: a thing's document, negotiated (HTML,
 * Turtle, N-Triples, JSON-LD, RDF/XML; aliases in {@link RdfFormat}) or fixed by a suffix. TriG and N-Quads show
 * named graphs: for {@code /graph/…} the source document's whole graph (its content, where the other formats give
 * its description), for {@code /doc/…} the document's triples each in the source graphs that state it.
 */
final class LinkedDataServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Site site;

  LinkedDataServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String area = req.getServletPath(); // /id, /doc or /graph
    String rest = req.getPathInfo();
    if (rest == null || rest.length() < 2) {
      Http.notFound(req, resp, area + "/");
      return;
    }
    if (area.equals("/id")) {
      String iri = site.data().base() + "id" + rest;
      if (!exists(iri)) {
        Http.notFound(req, resp, iri);
        return;
      }
      resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
      resp.setHeader("Location", "/doc" + rest);
      resp.setContentLength(0);
      return;
    }
    String prefix = area.equals("/doc") ? "id" : "graph";
    String iri = site.data().base() + prefix + rest;
    String docPath = area + rest;
    RdfFormat fixed = null;
    if (!exists(iri)) {
      int dot = rest.lastIndexOf('.');
      RdfFormat f = dot > rest.lastIndexOf('/') ? RdfFormat.byExtension(rest.substring(dot + 1)) : null;
      String stripped = f == null ? null : site.data().base() + prefix + rest.substring(0, dot);
      if (stripped == null || !exists(stripped)) {
        Http.notFound(req, resp, iri);
        return;
      }
      iri = stripped;
      docPath = area + rest.substring(0, dot);
      fixed = f;
    }
    RdfFormat format = fixed;
    String chosen = null;
    if (format == null) {
      chosen = Http.negotiate(req, resp, RdfFormat.offersWithGraphs(true), false);
      if (chosen == null) {
        return;
      }
      format = RdfFormat.forOffer(chosen, true);
      resp.setHeader("Content-Location", docPath + "." + format.extension);
    }
    String thing = iri;
    String path = docPath;
    RdfFormat fmt = format;
    boolean graph = area.equals("/graph");
    Site.Cached c = site.cached(fmt + " " + thing, () -> switch (fmt) {
      case HTML -> Site.Cached.of(page(thing, path), Pages.HTML);
      // the named graphs: a source document's content, or where each of a thing's triples is stated
      case TRIG, NQUADS -> Site.Cached.of(fmt.write(graph ? content(thing) : sources(describe(thing)),
          site.data().base()), fmt.contentType());
      default -> Site.Cached.of(fmt.write(describe(thing), site.data().base()), fmt.contentType());
    });
    resp.setHeader("Link", "<" + thing + ">; rel=\"describes\"");
    sendAs(req, resp, c, fmt, chosen);
  }

  /** A kept document under the media type negotiated: an alias (text/plain…) gets its own Content-Type and ETag. */
  static void sendAs(HttpServletRequest req, HttpServletResponse resp, Site.Cached c, RdfFormat f, String chosen)
      throws IOException {
    if (chosen == null || chosen.equals(f.mediaType)) {
      Http.send(req, resp, c);
      return;
    }
    String type = f.contentType(chosen);
    Http.send(req, resp, type, c.body(), Http.etag(c.etag(), type));
  }

  /** A source document's named graph, whole, as a dataset of that one graph (empty when it has none). */
  DatasetGraph content(String graphIri) {
    return site.data().read(() -> {
      DatasetGraph out = DatasetGraphFactory.createGeneral();
      Node g = ViewBuilder.uri(graphIri);
      if (site.data().dataset().containsGraph(g)) {
        site.data().dataset().getGraph(g).find().forEachRemaining(t -> out.add(g, t.getSubject(),
            t.getPredicate(), t.getObject()));
      }
      return out;
    });
  }

  /** Each triple in every named graph (source document) that states it. */
  DatasetGraph sources(Graph triples) {
    return site.data().read(() -> {
      DatasetGraph out = DatasetGraphFactory.createGeneral();
      DatasetGraph dsg = site.data().dataset();
      triples.find().forEachRemaining(t -> dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject())
          .forEachRemaining(q -> {
            if (!q.isDefaultGraph()) {
              out.add(q);
            }
          }));
      return out;
    });
  }

  /** Whether the data says anything about the IRI (as subject, object, or owner of nodes). */
  boolean exists(String iri) {
    if (site.data().subjects().contains(iri) || !site.data().owned(iri).isEmpty()) {
      return true;
    }
    return site.data().read(() -> site.data().union()
        .find(Node.ANY, Node.ANY, ViewBuilder.uri(iri)).hasNext());
  }

  /** The thing's document: its outgoing triples, its incoming links, and the triples of the nodes it owns. */
  Graph describe(String iri) {
    return site.data().read(() -> {
      Graph u = site.data().union();
      Graph out = GraphFactory.createDefaultGraph();
      Node t = ViewBuilder.uri(iri);
      u.find(t, Node.ANY, Node.ANY).forEachRemaining(out::add);
      u.find(Node.ANY, Node.ANY, t).forEachRemaining(out::add);
      for (String o : site.data().owned(iri)) {
        u.find(ViewBuilder.uri(o), Node.ANY, Node.ANY).forEachRemaining(out::add);
      }
      return out;
    });
  }

  private byte[] page(String iri, String docPath) {
    return site.data().read(() -> {
      ViewBuilder v = site.views();
      Node n = ViewBuilder.uri(iri);
      if (v.isA(n, TKG.Tracker)) {
        return Pages.render("tracker.jte", v.tracker(iri, docPath));
      }
      if (v.isA(n, TKG.Organization)) {
        return Pages.render("org.jte", v.organisation(iri, docPath));
      }
      return Pages.render("thing.jte", v.thing(iri, docPath, site.data().owned(iri)));
    });
  }

}
