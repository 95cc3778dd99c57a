package org.trackerkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * In front of Fuseki's {@code /sparql}: a browser (Accept preferring text/html, or {@code format=html}) gets the
 * query page, with the results as an HTML table when it sent a query; a GET without a query gets the SPARQL
 * Service Description. Everything else (the SPARQL protocol proper) goes on to Fuseki.
 */
final class SparqlFrontFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final List<String> RESULT_TYPES = List.of("application/sparql-results+json",
      "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/turtle", "text/html");

  private final transient Site site;

  SparqlFrontFilter(Site site) {
    this.site = site;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String method = req.getMethod();
    boolean get = method.equals("GET") || method.equals("HEAD");
    String ct = req.getContentType();
    boolean form = method.equals("POST") && ct != null && ct.startsWith("application/x-www-form-urlencoded");
    // a query POSTed as the body (application/sparql-query): read once (RequestLimitFilter has bounded its size)
    // and handed on unchanged, so that it gets the same HTML page and SERVICE refusal as GET and forms
    String bodyQuery = null;
    if (method.equals("POST") && ct != null && ct.startsWith("application/sparql-query")) {
      byte[] body = req.getInputStream().readAllBytes();
      bodyQuery = new String(body, StandardCharsets.UTF_8);
      req = new RequestLimitFilter.Buffered(req, body);
    }
    if (!get && !form && bodyQuery == null) {
      chain.doFilter(req, resp);
      return;
    }
    String format = req.getParameter("format");
    String query = bodyQuery != null ? bodyQuery : req.getParameter("query");
    if (get && query == null && (req.getParameter("graph") != null || req.getParameter("default") != null)) {
      chain.doFilter(req, resp); // Graph Store Protocol GET: Fuseki's, negotiated by Accept like its own
      return;
    }
    boolean update = req.getParameter("update") != null;
    boolean html = "html".equals(format)
        || (format == null && "text/html".equals(Negotiation.choose(req.getHeader("Accept"), RESULT_TYPES)));
    if (html && !update) {
      page(req, resp, query);
      return;
    }
    if (query != null && usesService(query)) {
      Http.sendText(req, resp, 400, SERVICE_REFUSED);
      return;
    }
    req = OutputNames.wrap(req);
    if (bodyQuery != null) {
      chain.doFilter(req, resp);
      return;
    }
    if (get && query == null && !update && format == null && req.getQueryString() == null) {
      if (site.serviceDescription(req, resp)) {
        return;
      }
      Http.notAcceptable(req, resp, RdfFormat.offers(false));
      return;
    }
    if (query == null || update || method.equals("HEAD") || !site.results().enabled()
        || !ResultCache.cacheable(query)) {
      chain.doFilter(req, resp);
      return;
    }
    cached(req, resp, chain, query);
  }

  /** A protocol query: a kept response when there is one, else Fuseki's, kept when it is whole and a 200. */
  private void cached(HttpServletRequest req, HttpServletResponse resp, FilterChain chain, String query)
      throws IOException, ServletException {
    site.results().through(req, resp, chain, ResultCache.key(req));
  }

  private void page(HttpServletRequest req, HttpServletResponse resp, String query) throws IOException {
    QueryLimits limits = site.limits();
    Views.Results results = null;
    String error = null;
    int status = 200;
    if (query != null && !query.isBlank()) {
      try {
        Query q = QueryGuard.parse(query, Syntax.syntaxSPARQL_11);
        if (usesServiceBounded(q)) {
          throw new QueryException(SERVICE_REFUSED);
        }
        results = site.data().read(() -> run(q));
      } catch (QueryParseException e) {
        error = "Syntax error: " + e.getMessage();
        status = 400;
      } catch (QueryCancelledException e) {
        error = "The query ran longer than " + limits.timeoutMillis() + " ms and was stopped.";
        status = 503;
      } catch (QueryException e) {
        error = "The query failed: " + e.getMessage();
        status = 400;
      }
    }
    Views.Page page = new Views.Page("SPARQL", null, null);
    if (query == null || query.isBlank()) {
      query = EXAMPLE;
    }
    resp.setStatus(status);
    if (results != null && results.capped()) {
      resp.setHeader(QueryLimits.MAX_ROWS_HEADER, Long.toString(limits.maxRows()));
    }
    resp.setHeader("Vary", "Accept");
    byte[] body = Pages.render("sparql.jte", new Views.Sparql(page, query == null ? "" : query,
        site.cannedViews(), results, error, Math.max(1, limits.timeoutMillis() / 1000), limits.maxRows(),
        downloads(results == null ? null : query)));
    Http.send(req, resp, Pages.HTML, body, status == 200 ? Http.etag(body) : null);
  }

  /** The query the empty editor shows: the prefixes the data uses, and a first question. */
  static final String EXAMPLE = """
      PREFIX tkg:    <https://w3id.org/tracker-kg/ontology#>
      PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX schema: <http://schema.org/>
      PREFIX dpv:    <https://w3id.org/dpv#>
      PREFIX pd:     <https://w3id.org/dpv/pd#>

      # trackers and who makes them
      SELECT ?tracker ?maker WHERE {
        ?tracker a tkg:Tracker .
        OPTIONAL { ?tracker tkg:company ?maker }
      }
      ORDER BY ?tracker
      LIMIT 50
      """;

  /** The same query's results as files: one link per result format. */
  private static List<Views.Link> downloads(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    List<Views.Link> out = new ArrayList<>();
    for (String[] f : new String[][] {{"json", "JSON"}, {"csv", "CSV"}, {"tsv", "TSV"}, {"xml", "XML"}}) {
      out.add(new Views.Link("/sparql?query=" + Http.enc(query) + "&format=" + f[0], f[1]));
    }
    return out;
  }

  private Views.Results run(Query q) {
    ViewBuilder v = site.views();
    QueryLimits limits = site.limits();
    try (QueryExec qe = limits.exec(q, site.data().dataset())) {
      if (q.isAskType()) {
        return new Views.Results(List.of(), List.of(), qe.ask(), false, limits.maxRows());
      }
      if (q.isSelectType()) {
        RowSet rs = qe.select();
        List<String> vars = rs.getResultVars().stream().map(org.apache.jena.sparql.core.Var::getVarName).toList();
        List<List<Views.Cell>> rows = new ArrayList<>();
        while (rs.hasNext()) {
          Binding b = rs.next();
          List<Views.Cell> row = new ArrayList<>();
          for (var var : rs.getResultVars()) {
            row.add(v.cell(b.get(var)));
          }
          rows.add(row);
        }
        return new Views.Results(vars, rows, null, rows.size() >= limits.maxRows(), limits.maxRows());
      }
      Graph g = q.isConstructType() ? qe.construct(GraphFactory.createDefaultGraph())
          : qe.describe(GraphFactory.createDefaultGraph());
      List<List<Views.Cell>> rows = new ArrayList<>();
      Iterator<Triple> it = g.find();
      while (it.hasNext() && rows.size() < limits.maxRows()) {
        Triple t = it.next();
        rows.add(List.of(v.cell(t.getSubject()), v.cell(t.getPredicate()), v.cell(t.getObject())));
      }
      return new Views.Results(List.of("subject", "predicate", "object"), rows, null,
          rows.size() >= limits.maxRows(), limits.maxRows());
    }
  }

  /** The answer to a query with SERVICE (Jena's own message names its internal setting). */
  static final String SERVICE_REFUSED = "SERVICE is not allowed on this endpoint";

  /** Whether a query that parses calls SERVICE anywhere (sub-queries and EXISTS included); cheap when it cannot. */
  static boolean usesService(String query) {
    if (!query.toUpperCase(java.util.Locale.ROOT).contains("SERVICE")) {
      return false;
    }
    try {
      return usesService(QueryFactory.create(query, Syntax.syntaxSPARQL_11));
    } catch (QueryException | StackOverflowError e) {
      return false; // the endpoint reports the syntax error, or that the query is too complex
    }
  }

  /** {@link #usesService(Query)}, with a query too deep to walk refused as too complex (400), not a 500. */
  private static boolean usesServiceBounded(Query q) {
    try {
      return usesService(q);
    } catch (StackOverflowError e) {
      throw QueryGuard.tooDeep();
    }
  }

  static boolean usesService(Query q) {
    // the algebra, printed, has "(service <iri> …)" wherever SERVICE appears: in sub-queries and inside
    // EXISTS in FILTER or BIND too (a walker over the syntax misses the last two)
    return org.apache.jena.sparql.algebra.Algebra.compile(q).toString().contains("(service ");
  }

  /** The most characters of one value shown in an HTML results table. */
  static final int MAX_CELL_CHARS = ViewBuilder.MAX_CELL_CHARS;
}
