package org.trackerkg.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.trackerkg.link.MatchOutput;
import org.trackerkg.link.SignatureMatcher;

/**
 * Host and class names to trackers over HTTP, as {@code tkg match} does. {@code GET /match?q=NAME} ({@code q} may
 * repeat) answers {@code {"results":[{"query":…,"trackers":[{"id","name","iri"}]}]}}, or an HTML table for
 * browsers; {@code POST /match} with a text body of one name per line (at most {@value #MAX_LINES} lines and
 * {@value #MAX_BYTES} bytes, else 413) answers TSV lines {@code name<TAB>slugs<TAB>names} ({@code -} for none)
 * when Accept asks for text/tab-separated-values or text/plain, else the same JSON. No {@code q} is 400.
 */
public final class MatchServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  static final int MAX_LINES = 100_000;
  static final int MAX_BYTES = 8 * 1024 * 1024;
  private static final List<String> GET_OFFERS = List.of("application/json", "text/html");
  private static final List<String> POST_OFFERS = List.of("application/json", "text/tab-separated-values",
      "text/plain");

  /** The HTML page: one row per name asked. */
  public record MatchPage(Views.Page page, List<Row> rows) {}

  /** One name and its trackers (links to their pages). */
  public record Row(String query, List<Views.Link> trackers) {}

  private final transient Site site;
  private final transient ViewBuilder views;

  /** The matcher is the site's, asked for per request: built on first use, not before the server answers. */
  MatchServlet(Site site) {
    this.views = site.views();
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Vary", "Accept");
    String[] qs = req.getParameterValues("q");
    List<String> names = new ArrayList<>();
    if (qs != null) {
      for (String q : qs) {
        if (!q.isBlank()) {
          names.add(q.strip());
        }
      }
    }
    if (names.isEmpty()) {
      Http.sendText(req, resp, 400, "Bad request: no name to match (such as /match?q=api.mparticle.com&q=com.mparticle.MParticle)");
      return;
    }
    String chosen = Http.negotiate(req, resp, GET_OFFERS, false);
    if (chosen == null) {
      return;
    }
    if (chosen.equals("text/html")) {
      List<Row> rows = new ArrayList<>();
      for (String n : names) {
        List<Views.Link> ts = new ArrayList<>();
        for (SignatureMatcher.Tracker t : site.matcher().trackersOf(n)) {
          ts.add(new Views.Link(views.href(t.iri()), t.name()));
        }
        rows.add(new Row(n, ts));
      }
      StringBuilder q = new StringBuilder();
      names.forEach(n -> q.append(q.length() == 0 ? "?" : "&").append("q=").append(Http.enc(n)));
      Views.Page page = new Views.Page("Match names to trackers", null,
          List.of(new Views.Link("/match" + q, "JSON")));
      Pages.send(req, resp, "match.jte", new MatchPage(page, rows));
      return;
    }
    sendJson(req, resp, names);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String chosen = Http.negotiate(req, resp, POST_OFFERS, false);
    if (chosen == null) {
      return;
    }
    String body = ReconcileServlet.readBody(req, MAX_BYTES);
    if (body == null) {
      Http.sendText(req, resp, 413, "Payload Too Large: at most " + MAX_BYTES + " bytes of names");
      return;
    }
    List<String> names = new ArrayList<>();
    for (String line : body.split("\r?\n")) {
      String n = line.strip();
      if (!n.isEmpty()) {
        if (names.size() == MAX_LINES) {
          Http.sendText(req, resp, 413, "Payload Too Large: at most " + MAX_LINES + " names a request");
          return;
        }
        names.add(n);
      }
    }
    if (chosen.equals("application/json")) {
      sendJson(req, resp, names);
      return;
    }
    String tsv = MatchOutput.tsv(site.matcher(), names, SignatureMatcher.As.AUTO);
    Http.send(req, resp, chosen + "; charset=utf-8", tsv.getBytes(StandardCharsets.UTF_8), null);
  }
  private void sendJson(HttpServletRequest req, HttpServletResponse resp, List<String> names) throws IOException {
    ObjectNode out = MatchOutput.json(site.matcher(), names, SignatureMatcher.As.AUTO);
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Http.send(req, resp, JSON_TYPE, body, "GET".equals(req.getMethod()) ? Http.etag(body) : null);
  }
}
