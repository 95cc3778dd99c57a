package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.trackerkg.vocab.TKG;

/**
 * {@code /pictures/…}: the pages' SVG pictures ({@link Pictures}), shown with {@code <img>} so they run nothing
 * and change no page's CSP: {@code countries.svg}, {@code retention.svg}, {@code exodus-categories.svg} (the home
 * page), {@code ownership/{org}.svg} (organisation pages), {@code network/{tracker}.svg} (tracker pages).
 */
final class PictureServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Site site;

  PictureServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    Function<Pictures, String> draw = null;
    if (path.equals("/countries.svg")) {
      draw = p -> p.countries(site.listings());
    } else if (path.equals("/retention.svg")) {
      draw = Pictures::retention;
    } else if (path.equals("/exodus-categories.svg")) {
      draw = p -> p.exodusCategories(site.listings());
    } else if (path.matches("/(ownership|network)/[a-z0-9-]+\\.svg")) {
      boolean isOrg = path.startsWith("/ownership/");
      String slug = path.substring(path.lastIndexOf('/') + 1, path.length() - 4);
      Node n = ViewBuilder.uri(site.data().base() + "id/" + (isOrg ? "org/" : "tracker/") + slug);
      boolean exists = site.data().read(() -> site.data().union().contains(n, org.trackerkg.vocab.Vocab.type,
          (isOrg ? TKG.Organization : TKG.Tracker).asNode()));
      if (exists) {
        draw = isOrg ? p -> p.ownership(n) : p -> p.network(n);
      }
    }
    if (draw == null) {
      Http.notFound(req, resp, "no picture " + req.getRequestURI());
      return;
    }
    Function<Pictures, String> d = draw;
    Site.Cached c = site.cached("picture " + path, () -> Site.Cached.of(site.data().read(
        () -> d.apply(new Pictures(site.data().union(), site.data().base()))).getBytes(StandardCharsets.UTF_8),
        Svg.CONTENT_TYPE));
    Http.send(req, resp, c);
  }
}
