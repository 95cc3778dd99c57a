package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.trackerkg.publish.VoidDescription;
import org.trackerkg.vocab.Vocab;

/**
 * {@code /void} and {@code /.well-known/void}: the VoID/DCAT description ({@link Descriptions#voidGraph}).
 */
final class VoidServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Site site;

  VoidServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String chosen = Http.negotiate(req, resp, RdfFormat.offers(true), true);
    if (chosen == null) {
      return;
    }
    RdfFormat f = RdfFormat.forOffer(chosen, false);
    String root = Http.root(req);
    Site.Cached c = site.cached("void " + f + " " + root + " " + Descriptions.dumpFiles(site.dumpsDir()), () -> {
      Graph g = Descriptions.voidGraph(site.data(), root, site.dumpsDir());
      if (f != RdfFormat.HTML) {
        return Site.Cached.of(f.write(g, site.data().base()), f.contentType());
      }
      String ttl = new String(RdfFormat.TURTLE.write(g, site.data().base()), StandardCharsets.UTF_8);
      Views.Page page = new Views.Page("VoID description", null, List.of(
          new Views.Link("/void?format=ttl", "Turtle"), new Views.Link("/void?format=jsonld", "JSON-LD")));
      // the figure the description states, not a second count
      long entities = Long.parseLong(g.find(ViewBuilder.uri(VoidDescription.datasetIri(root + "/")),
          ViewBuilder.uri(Vocab.VOID + "entities"), Node.ANY).next().getObject().getLiteralLexicalForm());
      java.util.Map<String, long[]> byLicence = new java.util.TreeMap<>();
      for (org.trackerkg.store.ServedData.Source src : site.data().sources()) {
        long[] n = byLicence.computeIfAbsent(src.license() == null ? "" : src.license(), k -> new long[2]);
        n[0]++;
        n[1] += src.triples();
      }
      List<Views.Licence> licences = new java.util.ArrayList<>();
      byLicence.forEach((l, n) -> licences.add(new Views.Licence(l.isEmpty() ? Views.Link.text("none stated")
          : new Views.Link(Http.safeHref(l), l), n[0], n[1])));
      List<Views.Download> downloads = new java.util.ArrayList<>();
      for (org.trackerkg.publish.DumpFile d : Descriptions.dumpFiles(site.dumpsDir())) {
        downloads.add(new Views.Download(new Views.Link("/dumps/" + d.name(), d.name()), d.bytes(), d.sha256()));
      }
      return Site.Cached.of(Pages.render("void.jte", new Views.Void(page, ttl, site.data().triples(), entities,
          site.data().trackers().size(), site.data().organisations().size(), site.data().sources().size(),
          licences, downloads, site.data().loaded().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())),
          Pages.HTML);
    });
    LinkedDataServlet.sendAs(req, resp, c, f, chosen);
  }
}
