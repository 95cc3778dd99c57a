package org.trackerkg.server;

import org.trackerkg.base.Hashes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Writing responses: bodies with ETag and 304, plain-text errors, the server's own absolute URLs. */
final class Http {
  static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  private Http() {}

  /** A strong ETag for the bytes. */
  static String etag(byte[] body) {
    return "\"" + Hashes.sha256Hex(body).substring(0, 24) + "\"";
  }

  /** The ETag of the same bytes sent under another Content-Type (another representation, another tag). */
  static String etag(String etag, String contentType) {
    return etag.substring(0, etag.length() - 1) + "-"
        + Hashes.sha256Hex(contentType.getBytes(StandardCharsets.UTF_8)).substring(0, 8) + "\"";
  }

  /** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
  static boolean notModified(HttpServletRequest req, String etag) {
    String inm = req.getHeader("If-None-Match");
    if (inm == null || etag == null) {
      return false;
    }
    String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String t : inm.split(",")) {
      String v = t.trim();
      if (v.equals("*")) {
        return true;
      }
      if (v.startsWith("W/")) {
        v = v.substring(2);
      }
      if (v.equals(bare)) {
        return true;
      }
    }
    return false;
  }

  /** Sends a cached body: ETag, 304 when the client has it, no body for HEAD. */
  static void send(HttpServletRequest req, HttpServletResponse resp, String contentType, byte[] body, String etag)
      throws IOException {
    if (etag != null) {
      resp.setHeader("ETag", etag);
      resp.setHeader("Cache-Control", "public, max-age=60");
      if (notModified(req, etag)) {
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
    }
    resp.setContentType(contentType);
    resp.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      resp.getOutputStream().write(body);
    }
  }

  static void sendText(HttpServletRequest req, HttpServletResponse resp, int status, String text)
      throws IOException {
    resp.setStatus(status);
    send(req, resp, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8), null);
  }

  /** Request attribute: {@code --behind-proxy} is on (Jetty's ForwardedRequestCustomizer has run). */
  static final String BEHIND_PROXY = Http.class.getName() + ".behindProxy";

  /**
   * {@code scheme://host:port} of the request, as the client addressed the server (behind a proxy, as the proxy
   * reports it).
   */
  static String root(HttpServletRequest req) {
    String scheme = req.getScheme();
    int port = req.getServerPort();
    if (req.getAttribute(BEHIND_PROXY) != null && forwardedHostWithoutPort(req.getHeader("Forwarded"))) {
      // Jetty 12.1 keeps the connector's port when Forwarded's host has none (jetty/jetty.project#13970): the
      // client used the scheme's default port
      port = scheme.equals("https") ? 443 : 80;
    }
    String host = req.getServerName();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    boolean dflt = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (dflt ? "" : ":" + port);
  }

  /** Whether the first element of an RFC 7239 {@code Forwarded} header names a host without a port. */
  static boolean forwardedHostWithoutPort(String forwarded) {
    if (forwarded == null) {
      return false;
    }
    for (String pair : forwarded.split(",", 2)[0].split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("host")) {
        String host = pair.substring(eq + 1).strip().replace("\"", "");
        int close = host.lastIndexOf(']');
        return host.indexOf(':', close + 1) < 0;
      }
    }
    return false;
  }

  /** Only http(s) values become links: anything else (javascript:, data:…) gives null. */
  static String safeHref(String iri) {
    if (iri == null) {
      return null;
    }
    String l = iri.trim().toLowerCase(java.util.Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://") ? iri.trim() : null;
  }

  static void send(HttpServletRequest req, HttpServletResponse resp, Site.Cached c) throws IOException {
    send(req, resp, c.contentType(), c.body(), c.etag());
  }

  /** 406 with the list of what is available. */
  static void notAcceptable(HttpServletRequest req, HttpServletResponse resp, List<String> offers)
      throws IOException {
    sendText(req, resp, 406, "Not Acceptable: available as " + String.join(", ", offers));
  }

  /**
   * Content negotiation's common start: marks the answer as varying by Accept, picks one of {@code offers} (a
   * {@code format=} parameter first when {@code formatParameter}), and answers 406 listing them when none fits.
   *
   * @return the chosen media type, or null when the 406 was sent
   */
  static String negotiate(HttpServletRequest req, HttpServletResponse resp, List<String> offers,
      boolean formatParameter) throws IOException {
    resp.setHeader("Vary", "Accept");
    String chosen = formatParameter ? choose(req, offers) : Negotiation.choose(req.getHeader("Accept"), offers);
    if (chosen == null) {
      notAcceptable(req, resp, offers);
    }
    return chosen;
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
      sendText(req, resp, 404, "Not found: " + what);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
