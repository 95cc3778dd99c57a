package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.SpreadsheetCsv;

/** /trackers and /organisations over the whole data set: filters, sorting, paging and the CSV download. */
class ListingTest {
  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = CorpusServer.get();
  }

  static String html(String path) throws Exception {
    HttpResponse<String> r = Fixture.get(server, path, "Accept", "text/html");
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }

  /** "N of M shown": N. */
  static int matching(String body) {
    Matcher m = Pattern.compile("<p id=\"listing-count\">(\\d+) of (\\d+) shown").matcher(body);
    assertTrue(m.find(), body);
    return Integer.parseInt(m.group(1));
  }

  static List<String> rowsOf(String body) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<tr><td><span class=\"value\"><a href=\"([^\"]+)\">").matcher(body);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void trackersFilteredSortedAndPaged() throws Exception {
    String all = html("/trackers");
    int total = matching(all);
    assertTrue(total > 400, "trackers: " + total);
    assertEquals(ListingServlet.DEFAULT_SIZE, rowsOf(all).size());
    assertTrue(all.contains("rel=\"next\""));
    // every facet the issue asks for is a filter
    for (String f : new String[] {"country", "category", "maker", "owner", "exodus", "policy"}) {
      assertTrue(all.contains("<select id=\"facet-" + f + "\" name=\"" + f + "\">"), f);
    }
    int us = matching(html("/trackers?country=US"));
    assertTrue(us > 10 && us < total, "US: " + us);
    int withPolicy = matching(html("/trackers?policy=yes"));
    int withoutPolicy = matching(html("/trackers?policy=no"));
    assertEquals(total, withPolicy + withoutPolicy);
    assertTrue(withPolicy > 20, "with a policy: " + withPolicy);
    // Google's trackers through subsidiaries (Crashlytics, DoubleClick…)
    String google = html("/trackers?owner=Google&size=500");
    List<String> googles = rowsOf(google);
    assertTrue(googles.contains("/doc/tracker/crashlytics"), googles.toString());
    assertTrue(googles.contains("/doc/tracker/doubleclick"), googles.toString());
    String both = html("/trackers?owner=Google&exodus=no&size=500");
    assertTrue(matching(both) < googles.size());
    // sorting: by name descending reverses the first page's order
    List<String> asc = rowsOf(html("/trackers?sort=name&dir=asc&size=500"));
    List<String> desc = rowsOf(html("/trackers?sort=name&dir=desc&size=500"));
    assertEquals(asc.get(0), desc.get(desc.size() - 1));
    assertTrue(html("/trackers?sort=maker").contains("aria-sort=\"ascending\"><a href=\"/trackers?sort=maker&amp;dir=desc\""));
    // paging: the last page holds the rest; a page past the end is the last one
    int pages = (total + 49) / 50;
    assertEquals(total - 50 * (pages - 1), rowsOf(html("/trackers?page=" + pages)).size());
    assertEquals(rowsOf(html("/trackers?page=" + pages)), rowsOf(html("/trackers?page=9999")));
    // name filter, and an unknown facet value gives nothing, not an error
    assertTrue(rowsOf(html("/trackers?q=flurr")).contains("/doc/tracker/flurry"));
    assertEquals(0, matching(html("/trackers?country=ZZ")));
  }

  @Test
  void organisationsListed() throws Exception {
    String all = html("/organisations");
    assertTrue(matching(all) > 400);
    String google = html("/organisations?q=google&sort=trackers&dir=desc");
    assertEquals("/doc/org/google", rowsOf(google).get(0), google);
    String wd = html("/organisations?wikidata=yes&size=500");
    assertTrue(rowsOf(wd).contains("/doc/org/google"));
    assertTrue(wd.contains("href=\"http://www.wikidata.org/entity/Q95\""));
    List<String> owned = rowsOf(html("/organisations?ultimate=Google&size=500"));
    assertTrue(owned.contains("/doc/org/crashlytics") && owned.contains("/doc/org/doubleclick"), owned.toString());
  }

  @Test
  void csvDownloadHasEveryMatchingRowAndNoFormulas() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/trackers?format=csv&owner=Google");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("trackers.csv"));
    var records = org.apache.commons.csv.CSVFormat.RFC4180.parse(new StringReader(r.body())).getRecords();
    assertEquals("Tracker", records.get(0).get(0));
    assertEquals("IRI", records.get(0).get(1));
    assertEquals(matching(html("/trackers?owner=Google")) + 1, records.size());
    assertTrue(records.stream().anyMatch(x -> x.get(1).equals("https://w3id.org/tracker-kg/id/tracker/crashlytics")));
    HttpResponse<String> orgs = Fixture.get(server, "/organisations?format=csv");
    for (var rec : org.apache.commons.csv.CSVFormat.RFC4180.parse(new StringReader(orgs.body()))) {
      for (String cell : rec) {
        assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, "formula-like cell " + cell);
      }
    }
    assertEquals("'=cmd|' /C calc'!A0", SpreadsheetCsv.field("=cmd|' /C calc'!A0").replace("\"", "").replace("''", "'"));
    assertEquals("\"'=1+1\"", SpreadsheetCsv.field("=1+1"));
    assertEquals("\"'@SUM(A1)\"", SpreadsheetCsv.field("@SUM(A1)"));
    assertEquals("plain", SpreadsheetCsv.field("plain"));
    assertEquals("\"a,b\"", SpreadsheetCsv.field("a,b"));
  }
}
