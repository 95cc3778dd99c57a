package org.trackerkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The headers every response carries: a strict Content-Security-Policy, no sniffing, no referrer. */
final class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    apply(resp);
    if (req.getMethod().equals("TRACE")) {
      resp.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
      Http.sendText(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not allowed");
      return;
    }
    if (dotSegment(req.getRequestURI())) {
      // Jetty resolves /dumps/.. to / before any servlet sees it: refuse such paths instead of answering another page
      Http.sendText(req, resp, HttpServletResponse.SC_NOT_FOUND, "Not found: '.' and '..' path segments are not resolved");
      return;
    }
    chain.doFilter(req, resp);
  }

  /** Whether the raw path has a {@code .} or {@code ..} segment, percent-encoded or not. */
  static boolean dotSegment(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    for (String seg : rawPath.split("/", -1)) {
      String d = seg.replace("%2e", ".").replace("%2E", ".");
      if (d.equals(".") || d.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** Sets the headers: for the filters that answer before this one runs (authentication, origin checks). */
  static void apply(HttpServletResponse resp) {
    resp.setHeader("Content-Security-Policy", Http.CSP);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
  }

  /**
   * Jetty's own error responses (a URL or headers too long, a malformed request line) are made before any filter
   * runs: this error handler gives them the same headers, and never shows a stack trace.
   */
  static final class Errors extends org.eclipse.jetty.server.handler.ErrorHandler {
    Errors() {
      setShowStacks(false);
      setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
        org.eclipse.jetty.util.Callback callback) throws Exception {
      response.getHeaders().put("Content-Security-Policy", Http.CSP);
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.getHeaders().put("Referrer-Policy", "no-referrer");
      return super.handle(request, response, callback);
    }
  }
}
