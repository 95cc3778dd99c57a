package org.trackerkg.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.trackerkg.base.SpreadsheetCsv;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.query.ParameterException;
import org.trackerkg.query.QueryCatalogue;
import org.trackerkg.query.QueryParam;

/**
 * The canned queries over HTTP. {@code /queries} lists the catalogue (an HTML page with a form per query, or JSON);
 * {@code /queries/{name}?param=value} runs one over the served dataset with the values bound by
 * {@link CannedQuery} (typed RDF terms in the parsed query, never text), within the server's time limit and row
 * cap, and answers with an HTML table or SPARQL results in JSON, XML, CSV or TSV (by Accept or {@code format=}).
 * An unknown query is 404; a missing, unknown or malformed parameter is 400 with the reason.
 */
public final class QueriesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_LIST = "application/json; charset=utf-8";

  /** A results format: its media type for negotiation, the Content-Type sent, Jena's writer, its format= name. */
  private enum Format {
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON, "json"),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML, "xml"),
    CSV("text/csv", ResultSetLang.RS_CSV, "csv"),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV, "tsv"),
    HTML("text/html", null, "html");

    final String mediaType;
    final Lang lang;
    final String param;

    Format(String mediaType, Lang lang, String param) {
      this.mediaType = mediaType;
      this.lang = lang;
      this.param = param;
    }

    String contentType() {
      return mediaType + "; charset=utf-8";
    }
  }

  /** What a results request may ask for; plain application/json gets SPARQL JSON. */
  private static final List<String> RESULT_OFFERS = List.of("application/sparql-results+json", "application/json",
      "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/html");
  private static final List<String> LIST_OFFERS = List.of("application/json", "text/html");

  private final transient Site site;

  QueriesServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Vary", "Accept");
    String path = req.getPathInfo();
    if (path == null || path.equals("/")) {
      list(req, resp);
      return;
    }
    String name = path.substring(1);
    QueryCatalogue.Entry entry = name.contains("/") ? null : site.catalogue().get(name).orElse(null);
    if (entry == null) {
      Http.notFound(req, resp, "no canned query '" + name + "' (see /queries)");
      return;
    }
    run(req, resp, entry);
  }

  // ---------------------------------------------------------------- the list

  private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String fp = req.getParameter("format");
    String chosen = fp == null ? Negotiation.choose(req.getHeader("Accept"), LIST_OFFERS)
        : switch (fp.toLowerCase(Locale.ROOT)) {
          case "json" -> "application/json";
          case "html" -> "text/html";
          default -> null;
        };
    if (chosen == null) {
      Http.notAcceptable(req, resp, List.of("application/json", "text/html (or format=json, format=html)"));
      return;
    }
    List<Views.CannedEntry> entries = new ArrayList<>();
    for (QueryCatalogue.Entry e : site.catalogue().list()) {
      entries.add(entryView(e, Map.of()));
    }
    if (chosen.equals("text/html")) {
      Views.Page page = new Views.Page("Canned queries", null,
          List.of(new Views.Link("/queries?format=json", "JSON")));
      Pages.send(req, resp, "queries.jte", new Views.Queries(page, entries));
      return;
    }
    String root = Http.root(req);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Views.CannedEntry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.name());
      m.put("title", e.title());
      m.put("description", e.description());
      List<Map<String, Object>> params = new ArrayList<>();
      for (Views.CannedParam p : e.params()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("name", p.name());
        pm.put("type", p.type());
        pm.put("default", p.defaultValue());
        pm.put("description", p.description());
        params.add(pm);
      }
      m.put("params", params);
      m.put("url", root + e.href());
      out.add(m);
    }
    byte[] body;
    try {
      body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    Http.send(req, resp, JSON_LIST, body, Http.etag(body));
  }

  /**
   * A query for the pages: its parameters with the values to show in the form ({@code values}, else the
   * defaults), and the query text with those values substituted for the SPARQL editor (the text as written when
   * a required value is missing or a value is bad).
   */
  Views.CannedEntry entryView(QueryCatalogue.Entry e, Map<String, String> values) {
    List<Views.CannedParam> params = new ArrayList<>();
    for (QueryParam p : e.params()) {
      String def = p.defaultValue().orElse(null);
      String shown = values.getOrDefault(p.name(), def == null ? "" : def);
      params.add(new Views.CannedParam(p.name(), p.type().label(), def, p.description(), p.required(), shown));
    }
    String text;
    try {
      text = CannedQuery.bind(e, values, site.data().base()).substituted().serialize();
    } catch (ParameterException ex) {
      text = e.text();
    }
    return new Views.CannedEntry(e.name(), e.title(), e.description(), params, text, "/queries/" + e.name(),
        "/sparql?format=html&query=" + Http.enc(text));
  }

  // ---------------------------------------------------------------- running one

  private void run(HttpServletRequest req, HttpServletResponse resp, QueryCatalogue.Entry entry)
      throws IOException {
    Format format = format(req);
    if (format == null) {
      String fp = req.getParameter("format");
      if (fp != null) {
        Http.sendText(req, resp, 400, "Bad request: unknown format '" + fp + "' (json, xml, csv, tsv or html)");
      } else {
        Http.notAcceptable(req, resp, List.of(Format.JSON.mediaType, Format.XML.mediaType, Format.CSV.mediaType,
            Format.TSV.mediaType, Format.HTML.mediaType));
      }
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    String error = null;
    for (Map.Entry<String, String[]> p : req.getParameterMap().entrySet()) {
      if (p.getKey().equals("format")) {
        continue;
      }
      if (p.getValue().length > 1) {
        error = "parameter '" + p.getKey() + "' is given " + p.getValue().length + " times";
      }
      String v = p.getValue()[0];
      if (!v.isEmpty()) { // an emptied form field means "the default"
        values.put(p.getKey(), v);
      }
    }
    CannedQuery bound = null;
    if (error == null) {
      try {
        bound = CannedQuery.bind(entry, values, site.data().base());
      } catch (ParameterException e) {
        error = e.getMessage();
      }
    }
    if (bound == null) {
      fail(req, resp, format, entry, values, 400, "Bad request: " + error);
      return;
    }
    QueryLimits limits = site.limits();
    Query query = bound.substituted();
    boolean capping = limits.caps(query);
    limits.cap(query);
    RowSetRewindable rows;
    try {
      rows = site.data().read(() -> {
        try (QueryExec qe = limits.exec(query, site.data().dataset())) {
          return RowSetMem.create(qe.select());
        }
      });
    } catch (QueryCancelledException e) {
      fail(req, resp, format, entry, values, 503,
          "The query ran longer than " + limits.timeoutMillis() + " ms and was stopped.");
      return;
    } catch (QueryException e) {
      fail(req, resp, format, entry, values, 500, "The query failed: " + e.getMessage());
      return;
    }
    if (capping && rows.size() >= limits.maxRows()) {
      resp.setHeader(QueryLimits.MAX_ROWS_HEADER, Long.toString(limits.maxRows()));
    }
    if (format == Format.HTML) {
      Views.Page page = new Views.Page(entry.title(), null, dataLinks(entry, values));
      byte[] body = Pages.render("query-results.jte",
          new Views.CannedResults(page, entryView(entry, values), site.data().read(() -> table(rows, limits)),
          null));
      Http.send(req, resp, Pages.HTML, body, Http.etag(body));
      return;
    }
    byte[] body;
    if (format == Format.CSV) {
      body = spreadsheetCsv(rows); // a download for spreadsheets, unlike /sparql's standard CSV
    } else {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ResultSetMgr.write(out, ResultSet.adapt(rows), format.lang);
      body = out.toByteArray();
    }
    Http.send(req, resp, format.contentType(), body, Http.etag(body));
  }

  /**
   * SPARQL's CSV results (header of variable names, IRIs and literals' lexical forms) with each cell neutralised for
   * spreadsheets ({@link org.trackerkg.base.SpreadsheetCsv}): a value starting with {@code =} is shown, not run.
   */
  static byte[] spreadsheetCsv(org.apache.jena.sparql.exec.RowSet rows) {
    StringBuilder sb = new StringBuilder();
    List<org.apache.jena.sparql.core.Var> vars = rows.getResultVars();
    sb.append(String.join(",", vars.stream().map(v -> SpreadsheetCsv.field(v.getVarName()))
        .toList())).append("\r\n");
    rows.forEachRemaining(b -> {
      for (int i = 0; i < vars.size(); i++) {
        org.apache.jena.graph.Node n = b.get(vars.get(i));
        String v = n == null ? "" : n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm()
            : n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
        sb.append(i == 0 ? "" : ",").append(SpreadsheetCsv.field(v));
      }
      sb.append("\r\n");
    });
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The format asked for: {@code format=} if given (null when unknown), else the Accept header's choice. */
  private static Format format(HttpServletRequest req) {
    String fp = req.getParameter("format");
    if (fp != null) {
      for (Format f : Format.values()) {
        if (f.param.equals(fp.toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      return null;
    }
    String chosen = Negotiation.choose(req.getHeader("Accept"), RESULT_OFFERS);
    if (chosen == null) {
      return null;
    }
    if (chosen.equals("application/json")) {
      return Format.JSON;
    }
    for (Format f : Format.values()) {
      if (f.mediaType.equals(chosen)) {
        return f;
      }
    }
    return null;
  }

  /** An error: in the query's page (with its form, to correct the value) for browsers, else plain text. */
  private void fail(HttpServletRequest req, HttpServletResponse resp, Format format, QueryCatalogue.Entry entry,
      Map<String, String> values, int status, String message) throws IOException {
    if (format != Format.HTML) {
      Http.sendText(req, resp, status, message);
      return;
    }
    resp.setStatus(status);
    Views.Page page = new Views.Page(entry.title(), null, null);
    byte[] body = Pages.render("query-results.jte",
        new Views.CannedResults(page, entryView(entry, values), null, message));
    Http.send(req, resp, Pages.HTML, body, null);
  }

  /** Links to the same results in the other formats. */
  private static List<Views.Link> dataLinks(QueryCatalogue.Entry entry, Map<String, String> values) {
    StringBuilder qs = new StringBuilder();
    values.forEach((k, v) -> qs.append(Http.enc(k)).append('=').append(Http.enc(v)).append('&'));
    List<Views.Link> out = new ArrayList<>();
    for (Format f : List.of(Format.JSON, Format.XML, Format.CSV, Format.TSV)) {
      out.add(new Views.Link("/queries/" + entry.name() + "?" + qs + "format=" + f.param, f.name()));
    }
    return out;
  }

  private Views.Results table(RowSetRewindable rows, QueryLimits limits) {
    ViewBuilder v = site.views();
    List<Var> vars = rows.getResultVars();
    List<List<Views.Cell>> out = new ArrayList<>();
    while (rows.hasNext()) {
      Binding b = rows.next();
      List<Views.Cell> row = new ArrayList<>();
      for (Var var : vars) {
        row.add(v.cell(b.get(var)));
      }
      out.add(row);
    }
    rows.reset();
    return new Views.Results(vars.stream().map(Var::getVarName).toList(), out, null,
        out.size() >= limits.maxRows(), limits.maxRows());
  }
}
