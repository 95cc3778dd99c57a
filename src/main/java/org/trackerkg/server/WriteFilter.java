package org.trackerkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * In front of the write endpoints. First, cross-site request forgery: a page on another site can make a browser send
 * a form (or a {@code text/plain} body) with the admin's remembered Basic credentials, without a CORS preflight. A
 * browser always names the page's origin on such a request, so a write whose {@code Origin} is not this server's own
 * (or is {@code null}), or whose {@code Sec-Fetch-Site} says another site, is refused (403). A client that sends
 * neither header is not a browser (curl, a script) and may write with the password alone. Then, the cache: in front
 * of the write endpoints ({@code /update}, {@code /data}): a request that may change the data makes
 * every kept response stale, before it runs (nothing computed meanwhile is kept) and after (nothing computed from
 * the old data is served).
 */
final class WriteFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private final transient ResultCache results;

  WriteFilter(ResultCache results) {
    this.results = results;
  }

  /** Why this request looks cross-origin, or null when it does not. */
  static String crossOrigin(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    if (origin != null) {
      String own = req.getScheme() + "://" + req.getHeader("Host");
      return origin.equalsIgnoreCase(own) ? null : "Origin " + origin + " is not this server's (" + own + ")";
    }
    String site = req.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return "Sec-Fetch-Site: " + site;
    }
    return null;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String m = req.getMethod();
    if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
      chain.doFilter(req, resp);
      return;
    }
    String refused = crossOrigin(req);
    if (refused != null) {
      SecurityHeadersFilter.apply(resp);
      Http.sendText(req, resp, HttpServletResponse.SC_FORBIDDEN, "Write refused: " + refused);
      return;
    }
    results.dataChanged();
    try {
      chain.doFilter(req, resp);
    } finally {
      results.dataChanged();
    }
  }
}
