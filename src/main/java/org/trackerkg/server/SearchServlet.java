package org.trackerkg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.trackerkg.link.Reconciler;

/**
 * {@code /search?q=…}: trackers and organisations by name (typos forgiven), alias, website domain, host name or
 * package/class name — the {@link Reconciler}'s candidates (which use the signature matcher for hosts and
 * classes), so {@code /search} and {@code /reconcile} always agree. An HTML page that needs no JavaScript, or JSON
 * ({@code Accept: application/json} or {@code format=json}): {@code {"query","results":[{"id","iri","href","name",
 * "kind","via","score","match"}]}}. Each hit says what kind of thing it is and what it was found by.
 */
public final class SearchServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The most hits answered for one query. */
  static final int MAX_HITS = 30;
  /** Longer queries are cut: names, domains and class names are short. */
  static final int MAX_QUERY = 300;
  private static final List<String> OFFERS = List.of("text/html", "application/json");

  /** One hit: the thing's page, what kind it is, what it was found by. */
  public record Hit(Views.Link link, String iri, String kind, String via, int score) {}

  public record Search(Views.Page page, String q, List<Hit> hits) {}

  private final transient Site site;

  SearchServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Vary", "Accept");
    String format = req.getParameter("format");
    String chosen = format == null ? Negotiation.choose(req.getHeader("Accept"), OFFERS)
        : format.equalsIgnoreCase("json") ? "application/json" : format.equalsIgnoreCase("html") ? "text/html"
        : null;
    if (chosen == null) {
      Http.notAcceptable(req, resp, OFFERS);
      return;
    }
    String raw = req.getParameter("q");
    String q = raw == null ? "" : raw.strip();
    if (q.length() > MAX_QUERY) {
      q = q.substring(0, MAX_QUERY);
    }
    List<Hit> hits = search(q);
    if (chosen.equals("application/json")) {
      ObjectNode out = JSON.createObjectNode();
      out.put("query", q);
      ArrayNode rs = out.putArray("results");
      for (Hit h : hits) {
        rs.addObject().put("iri", h.iri()).put("href", h.link().href()).put("name", h.link().text())
            .put("kind", h.kind()).put("via", h.via()).put("score", h.score());
      }
      byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
      Http.send(req, resp, "application/json; charset=utf-8", body, Http.etag(body));
      return;
    }
    Views.Page page = new Views.Page(q.isEmpty() ? "Search" : "Search: " + q, null,
        q.isEmpty() ? null : List.of(new Views.Link("/search?format=json&q=" + Http.enc(q), "JSON")));
    Pages.send(req, resp, "search.jte", new Search(page, q, hits));
  }

  /** The hits for a query, best first; on equal scores trackers before organisations (the usual aim). */
  List<Hit> search(String q) {
    if (q.isEmpty()) {
      return List.of();
    }
    Reconciler r = site.reconciler();
    ViewBuilder v = new ViewBuilder(org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph(),
        site.data().base());
    List<Reconciler.Candidate> cs = new ArrayList<>(r.query(q, null, MAX_HITS));
    cs.sort(Comparator.comparingInt((Reconciler.Candidate c) -> -c.score())
        .thenComparing(c -> c.entity().type().equals(Reconciler.TRACKER) ? 0 : 1)
        .thenComparing(c -> c.entity().name().toLowerCase(Locale.ROOT)));
    List<Hit> out = new ArrayList<>();
    for (Reconciler.Candidate c : cs) {
      String iri = site.data().base() + "id/" + c.entity().id();
      String kind = c.entity().type().equals(Reconciler.TRACKER) ? "tracker" : "organisation";
      out.add(new Hit(new Views.Link(v.href(iri), c.entity().name()), iri, kind, r.why(c.entity(), q),
          c.score()));
    }
    return out;
  }
}
