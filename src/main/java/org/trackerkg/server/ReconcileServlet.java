package org.trackerkg.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.trackerkg.link.Reconciler;

/**
 * The W3C Reconciliation Service API (0.2) over HTTP, for OpenRefine and the like. {@code GET /reconcile} is the
 * manifest (its view and preview templates point at this server); {@code GET /reconcile?queries={…}} and
 * {@code POST /reconcile} (form field {@code queries}, or the batch as an {@code application/json} body) answer a
 * batch ({@code {"q0":…}}, or wrapped as {@code {"queries":{"q0":…}}}); {@code extend={…}} (GET or form POST) is
 * the data extension, {@code /reconcile/properties?type=} its property proposals, {@code /reconcile/suggest/entity},
 * {@code /suggest/type} and {@code /suggest/property} ({@code ?prefix=}) the suggest services;
 * {@code GET /reconcile/preview?id=tracker/…} is an HTML snippet with every text escaped. A batch that is
 * not JSON, or not an object of queries, is 400 with the reason. CORS comes from the server's filter on every path.
 * The {@link Reconciler} is built once, from the served dataset, on the first request that needs it.
 */
public final class ReconcileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  static final String PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
      + "form-action 'none'";
  /** The largest batch read from a JSON body. */
  static final int MAX_BODY = 1024 * 1024;

  private final transient Site site;

  /**
   * The reconciler is the site's, asked for on each request: built on first use (building it at start walked every
   * label of a TDB2 store before the server answered), and rebuilt after the data changed.
   */
  ReconcileServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    if (path == null || path.equals("/")) {
      String queries = req.getParameter("queries");
      String extend = req.getParameter("extend");
      if (extend != null) {
        extend(req, resp, extend);
      } else if (queries == null) {
        manifest(req, resp);
      } else {
        batch(req, resp, queries);
      }
    } else if (path.equals("/preview")) {
      preview(req, resp);
    } else if (path.equals("/properties")) {
      send(req, resp, site.reconciler().proposeProperties(req.getParameter("type"), limit(req)));
    } else if (path.startsWith("/suggest/")) {
      String kind = path.substring("/suggest/".length());
      String prefix = req.getParameter("prefix");
      if (prefix == null) {
        Http.sendText(req, resp, 400, "Bad request: no 'prefix'");
        return;
      }
      try {
        send(req, resp, site.reconciler().suggest(kind, prefix, limit(req)));
      } catch (IllegalArgumentException e) {
        Http.notFound(req, resp, e.getMessage());
      }
    } else {
      Http.notFound(req, resp, "no " + req.getRequestURI() + " (see /reconcile and /reconcile/preview?id=…)");
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    if (path != null && !path.equals("/")) {
      Http.sendText(req, resp, 405, "Method Not Allowed: POST only to /reconcile");
      return;
    }
    String ct = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    String queries;
    if (ct.startsWith("application/json")) {
      queries = readBody(req, MAX_BODY);
      if (queries == null) {
        Http.sendText(req, resp, 413, "Payload Too Large: a batch of at most " + MAX_BODY + " bytes");
        return;
      }
    } else {
      try {
        queries = req.getParameter("queries");
      } catch (IllegalStateException | IllegalArgumentException e) { // form too large or malformed
        Http.sendText(req, resp, 413, "Payload Too Large: " + e.getMessage());
        return;
      }
    }
    if (queries == null) {
      String extend = req.getParameter("extend");
      if (extend != null) {
        extend(req, resp, extend);
        return;
      }
      Http.sendText(req, resp, 400, "Bad request: no 'queries' or 'extend' form field (or application/json body)");
      return;
    }
    batch(req, resp, queries);
  }

  private void extend(HttpServletRequest req, HttpServletResponse resp, String extend) throws IOException {
    ObjectNode out;
    try {
      out = site.reconciler().extend(extend);
    } catch (IllegalArgumentException e) {
      Http.sendText(req, resp, 400, "Bad request: " + e.getMessage());
      return;
    }
    send(req, resp, out);
  }

  /** The {@code limit} parameter of suggest and property proposals (10 when absent or not a number). */
  private static int limit(HttpServletRequest req) {
    try {
      return Math.max(1, Math.min(100, Integer.parseInt(req.getParameter("limit"))));
    } catch (NumberFormatException e) {
      return 10;
    }
  }

  private void manifest(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String root = Http.root(req);
    ObjectNode m = site.reconciler().manifest();
    m.putObject("view").put("url", root + "/id/{{id}}");
    ((ObjectNode) m.get("preview")).put("url", root + "/reconcile/preview?id={{id}}");
    String service = root + "/reconcile";
    ObjectNode suggest = m.putObject("suggest");
    for (String kind : new String[] {"entity", "type", "property"}) {
      suggest.putObject(kind).put("service_url", service).put("service_path", "/suggest/" + kind);
    }
    ObjectNode extend = m.putObject("extend");
    extend.putObject("propose_properties").put("service_url", service).put("service_path", "/properties");
    extend.putArray("property_settings");
    send(req, resp, m);
  }

  private void batch(HttpServletRequest req, HttpServletResponse resp, String queries) throws IOException {
    ObjectNode out;
    try {
      out = site.reconciler().reconcile(queries);
    } catch (IllegalArgumentException e) {
      Http.sendText(req, resp, 400, "Bad request: " + e.getMessage());
      return;
    }
    send(req, resp, out);
  }

  private void preview(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String id = req.getParameter("id");
    if (id == null || id.isBlank()) {
      Http.sendText(req, resp, 400, "Bad request: no 'id' (such as id=tracker/mparticle)");
      return;
    }
    String html = site.reconciler().preview(id);
    if (html == null) {
      Http.sendText(req, resp, 404, "Not found: no tracker or organisation '" + id + "'");
      return;
    }
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    // OpenRefine shows the preview in an iframe of its own page: framing allowed, and the snippet's inline
    // styles; still no scripts, no other resources.
    resp.setHeader("Content-Security-Policy", PREVIEW_CSP);
    Http.send(req, resp, Pages.HTML, body, Http.etag(body));
  }

  private static void send(HttpServletRequest req, HttpServletResponse resp, ObjectNode json) throws IOException {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Http.send(req, resp, JSON_TYPE, body, "GET".equals(req.getMethod()) ? Http.etag(body) : null);
  }

  /** The request body as UTF-8, or null when it is longer than {@code max} bytes. */
  static String readBody(HttpServletRequest req, int max) throws IOException {
    if (req.getContentLengthLong() > max) {
      return null;
    }
    try (InputStream in = req.getInputStream()) {
      byte[] b = in.readNBytes(max + 1);
      return b.length > max ? null : new String(b, StandardCharsets.UTF_8);
    }
  }
}
