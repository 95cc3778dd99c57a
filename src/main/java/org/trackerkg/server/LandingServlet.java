package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.store.ServedData;
import org.trackerkg.vocab.Dataset;

/**
 * {@code /}: the landing page with its tracker search; RDF clients are sent to {@code /void}.
 */
final class LandingServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  /** The page first (so that {@code *}{@code /*} gets it); any RDF format is sent on to {@code /void}. */
  private static final List<String> OFFERS = Stream.concat(Stream.of("text/html"), RdfFormat.offers(false).stream())
      .toList();
  private final transient Site site;

  LandingServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String chosen = Http.negotiate(req, resp, OFFERS, false);
    if (chosen == null) {
      return;
    }
    if (!chosen.equals("text/html")) {
      resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
      resp.setHeader("Location", "/void");
      return;
    }
    String q = req.getParameter("q");
    String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
    Site.Cached c = site.cached("landing " + needle, () -> {
      ViewBuilder v = new ViewBuilder(GraphFactory.createDefaultGraph(), site.data().base());
      List<Views.Link> links = new ArrayList<>();
      for (ServedData.Entry e : site.data().trackers()) {
        if (needle.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(needle)) {
          links.add(new Views.Link(v.href(e.iri()), e.name()));
        }
      }
      Map<String, Object> ld = new LinkedHashMap<>();
      ld.put("@context", "https://schema.org");
      ld.put("@type", "Dataset");
      ld.put("name", Dataset.TITLE);
      ld.put("description", Dataset.DESCRIPTION);
      ld.put("license", site.data().sources().stream().map(ServedData.Source::license)
          .filter(java.util.Objects::nonNull).distinct().sorted().toList());
      Views.Page page = new Views.Page("tracker-kg", Pages.jsonLd(ld), null);
      return Site.Cached.of(Pages.render("landing.jte", new Views.Landing(page, site.data().trackers().size(),
          site.data().organisations().size(), site.data().triples(), q == null ? "" : q, links, links.size())), Pages.HTML);
    });
    Http.send(req, resp, c);
  }
}
