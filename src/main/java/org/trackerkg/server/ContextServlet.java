package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.trackerkg.publish.RdfOutput;

/**
 * {@code /context.jsonld}: the JSON-LD context of the dumps, byte for byte the one the JSON-LD dump carries inline
 * ({@link RdfOutput#jsonLdContextDocument}), so that JSON-LD written elsewhere can refer to it by URL. The prefixes
 * follow the served base IRI, not the address the request came to: the context describes the data's IRIs.
 */
final class ContextServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/context.jsonld";
  private final transient Site site;

  ContextServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Site.Cached c = site.cached("context.jsonld", () -> Site.Cached.of(
        RdfOutput.jsonLdContextDocument(site.data().base()).getBytes(StandardCharsets.UTF_8),
        "application/ld+json"));
    Http.send(req, resp, c);
  }
}
