package org.trackerkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.trackerkg.query.QueryCatalogue;

/**
 * {@code GET /queries/{name}?…} answered from the result cache, as {@code /sparql} is: a canned query's answer is a
 * function of the data, its bound parameters, its format and the Accept header, all of which make the key. Results
 * only (JSON, XML, CSV, TSV): the HTML page is not kept. Without
 * it every request ran the query again (a JFR profile of the mixed load: a quarter of the serving samples in
 * {@code QueriesServlet}, executing and writing the same tracker profiles; bench/README.md, "Mixed load").
 */
final class CannedResultFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private final transient Site site;

  CannedResultFilter(Site site) {
    this.site = site;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getPathInfo();
    String name = path == null || path.length() < 2 ? null : path.substring(1);
    QueryCatalogue.Entry entry = name == null || name.contains("/") ? null
        : site.catalogue().get(name).orElse(null);
    if (!req.getMethod().equals("GET") || entry == null || !site.results().enabled()
        || !ResultCache.cacheable(entry.text()) || html(req)) {
      chain.doFilter(req, resp);
      return;
    }
    site.results().through(req, resp, chain, "/queries/" + name + "\u0000" + ResultCache.key(req));
  }

  /** The HTML page (a form for browsers, with links that may follow the request's host): never kept. */
  private static boolean html(HttpServletRequest req) {
    String format = req.getParameter("format");
    String accept = req.getHeader("Accept");
    return format == null ? accept == null || accept.contains("text/html") || accept.contains("*/*")
        : format.equals("html");
  }
}
