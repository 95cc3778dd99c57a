package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trackerkg.base.SpreadsheetCsv;

/**
 * {@code /trackers} and {@code /organisations}: every tracker or organisation in a table, filtered on the server
 * by its facets ({@code ?country=US&exodus=yes}, exact values, several at once) and by part of the name
 * ({@code q}), sorted by any column ({@code sort=maker&dir=desc}), paged ({@code page}, {@code size} up to
 * {@value #MAX_SIZE}); {@code format=csv} downloads every row that matches (spreadsheet formulas neutralised, see
 * {@link SpreadsheetCsv}). Works without JavaScript.
 */
public final class ListingServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  /** A column heading: its text, the link that sorts by it, and its aria-sort state. */
  public record Head(String title, String href, String sort) {}

  /** One value of a facet's menu. */
  public record Option(String value, String label, boolean selected) {}

  /** A facet (filter) and its values, most frequent first. */
  public record Facet(String key, String title, List<Option> options) {}

  /** The page: headings, facets, this page's rows (cells of links), counts and paging links. */
  public record Listing(Views.Page page, String title, String path, String q, String sort, String dir, int size,
      List<Head> heads, List<Facet> facets, List<List<List<Views.Link>>> rows, int matching, int all, int pageNo,
      int pages, Views.Link prev, Views.Link next, String csvHref, List<Views.Link> active) {}

  private final transient Site site;

  ListingServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Listings l = site.listings();
    Listings.Table table = req.getServletPath().equals("/organisations") ? l.organisations : l.trackers;
    String q = param(req, "q");
    Map<String, String> filters = new LinkedHashMap<>();
    for (Listings.Column c : table.columns()) {
      String v = param(req, c.key());
      if (c.facet() && !v.isEmpty()) {
        filters.put(c.key(), v);
      }
    }
    String sort = param(req, "sort");
    if (table.column(sort) == null) {
      sort = "name";
    }
    boolean desc = param(req, "dir").equals("desc");
    List<Listings.Row> rows = select(table, q, filters, sort, desc);
    if (param(req, "format").equalsIgnoreCase("csv")) {
      csv(req, resp, table, rows);
      return;
    }
    int size = DEFAULT_SIZE;
    try {
      size = Math.max(1, Math.min(MAX_SIZE, Integer.parseInt(param(req, "size"))));
    } catch (NumberFormatException e) {
      // the default
    }
    int pages = Math.max(1, (rows.size() + size - 1) / size);
    int pageNo = 1;
    try {
      pageNo = Math.max(1, Math.min(pages, Integer.parseInt(param(req, "page"))));
    } catch (NumberFormatException e) {
      // the first page
    }
    Map<String, String> state = new LinkedHashMap<>();
    if (!q.isEmpty()) {
      state.put("q", q);
    }
    state.putAll(filters);
    state.put("sort", sort);
    state.put("dir", desc ? "desc" : "asc");
    if (size != DEFAULT_SIZE) {
      state.put("size", Integer.toString(size));
    }
    List<Head> heads = new ArrayList<>();
    for (Listings.Column c : table.columns()) {
      boolean current = c.key().equals(sort);
      Map<String, String> s = new LinkedHashMap<>(state);
      s.put("sort", c.key());
      s.put("dir", current && !desc ? "desc" : "asc");
      heads.add(new Head(c.title(), href(table.path(), s), current ? desc ? "descending" : "ascending" : "none"));
    }
    List<Facet> facets = new ArrayList<>();
    for (Listings.Column c : table.columns()) {
      if (c.facet()) {
        List<Option> opts = new ArrayList<>();
        table.values(c.key()).forEach((v, n) -> opts.add(new Option(v, v + " (" + n + ")",
            v.equalsIgnoreCase(filters.getOrDefault(c.key(), "")))));
        facets.add(new Facet(c.key(), c.title(), opts));
      }
    }
    List<Views.Link> active = new ArrayList<>();
    for (Map.Entry<String, String> f : filters.entrySet()) {
      Map<String, String> s = new LinkedHashMap<>(state);
      s.remove(f.getKey());
      active.add(new Views.Link(href(table.path(), s), table.column(f.getKey()).title() + ": " + f.getValue()));
    }
    List<List<List<Views.Link>>> shown = new ArrayList<>();
    for (Listings.Row r : rows.subList(Math.min(rows.size(), (pageNo - 1) * size),
        Math.min(rows.size(), pageNo * size))) {
      shown.add(table.columns().stream().map(c -> r.cell(c.key())).toList());
    }
    Views.Link prev = pageNo > 1 ? new Views.Link(pageHref(table, state, pageNo - 1), "previous") : null;
    Views.Link next = pageNo < pages ? new Views.Link(pageHref(table, state, pageNo + 1), "next") : null;
    Map<String, String> csvState = new LinkedHashMap<>(state);
    csvState.remove("size");
    csvState.put("format", "csv");
    Views.Page page = new Views.Page(table.title(), null, List.of(new Views.Link(href(table.path(), csvState), "CSV")));
    Pages.send(req, resp, "listing.jte", new Listing(page, table.title(), table.path(), q, sort, desc ? "desc" : "asc",
        size, heads, facets, shown, rows.size(), table.rows().size(), pageNo, pages, prev, next,
        href(table.path(), csvState), active));
  }

  /** The rows that pass every filter and hold {@code q} in their name, sorted by a column (then by name). */
  static List<Listings.Row> select(Listings.Table table, String q, Map<String, String> filters, String sort,
      boolean desc) {
    String needle = q.toLowerCase(Locale.ROOT);
    List<Listings.Row> out = new ArrayList<>();
    for (Listings.Row r : table.rows()) {
      if (!needle.isEmpty() && !r.text("name").toLowerCase(Locale.ROOT).contains(needle)) {
        continue;
      }
      if (filters.entrySet().stream().allMatch(f -> r.has(f.getKey(), f.getValue()))) {
        out.add(r);
      }
    }
    Listings.Column c = table.column(sort);
    Comparator<Listings.Row> by = c.numeric()
        ? Comparator.comparingDouble((Listings.Row r) -> number(r.text(sort)))
        : Comparator.comparing((Listings.Row r) -> r.text(sort).isEmpty() ? 1 : 0) // empty cells last
            .thenComparing(r -> r.text(sort).toLowerCase(Locale.ROOT));
    if (desc) {
      by = by.reversed();
    }
    out.sort(by.thenComparing(r -> r.text("name").toLowerCase(Locale.ROOT)).thenComparing(Listings.Row::iri));
    return out;
  }

  private static double number(String s) {
    try {
      return Double.parseDouble(s.length() > 4 && s.charAt(4) == '-' ? s.substring(0, 4) : s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void csv(HttpServletRequest req, HttpServletResponse resp, Listings.Table table,
      List<Listings.Row> rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    List<String> head = new ArrayList<>(table.columns().stream().map(Listings.Column::title).toList());
    head.add(1, "IRI");
    sb.append(SpreadsheetCsv.row(head));
    for (Listings.Row r : rows) {
      List<String> cells = new ArrayList<>(table.columns().stream().map(c -> r.text(c.key())).toList());
      cells.add(1, r.iri());
      sb.append(SpreadsheetCsv.row(cells));
    }
    byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
    resp.setHeader("Content-Disposition", "attachment; filename=\"" + table.path().substring(1) + ".csv\"");
    Http.send(req, resp, "text/csv; charset=utf-8; header=present", body, Http.etag(body));
  }

  private static String pageHref(Listings.Table table, Map<String, String> state, int page) {
    Map<String, String> s = new LinkedHashMap<>(state);
    s.put("page", Integer.toString(page));
    return href(table.path(), s);
  }

  private static String href(String path, Map<String, String> params) {
    StringBuilder sb = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sep).append(Http.enc(e.getKey())).append('=').append(Http.enc(e.getValue()));
      sep = '&';
    }
    return sb.toString();
  }

  private static String param(HttpServletRequest req, String name) {
    String v = req.getParameter(name);
    return v == null ? "" : v.strip();
  }
}
