package org.trackerkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * In front of the write endpoints ({@code /update}, {@code /data}): a request that may change the data makes
 * every kept response stale, before it runs (nothing computed meanwhile is kept) and after (nothing computed from
 * the old data is served).
 */
final class WriteFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private final transient ResultCache results;

  WriteFilter(ResultCache results) {
    this.results = results;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String m = req.getMethod();
    if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
      chain.doFilter(req, resp);
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
