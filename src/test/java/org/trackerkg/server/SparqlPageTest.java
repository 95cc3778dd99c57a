package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SPARQL page and results tables for people, over the whole data set. */
class SparqlPageTest {
  static HttpResponse<String> html(String path) throws Exception {
    return Fixture.get(CorpusServer.get(), path, "Accept", "text/html");
  }

  @Test
  void exampleFormatChoiceAndCannedLinksThatRun() throws Exception {
    String page = html("/sparql").body();
    assertTrue(page.contains("PREFIX tkg:    &lt;https://w3id.org/tracker-kg/ontology#&gt;"), "example with prefixes");
    assertTrue(page.contains("<select id=\"result-format\" name=\"format\">"));
    assertTrue(page.contains("<option value=\"csv\">CSV</option>"));
    // every canned query's link runs within the time limit; none is a 503 (the unbound "sources" example was)
    Matcher m = Pattern.compile("<a href=\"([^\"]+)\" class=\"canned\"").matcher(page);
    int n = 0;
    while (m.find()) {
      String href = m.group(1).replace("&amp;", "&");
      HttpResponse<String> r = html(href);
      // a query run in the editor answers; a query that needs a value opens its form (400 until one is given)
      assertEquals(href.startsWith("/sparql") ? 200 : 400, r.statusCode(), href);
      n++;
    }
    assertTrue(n > 10, "canned links: " + n);
    assertTrue(page.contains("The sources of a tracker&#39;s facts") || page.contains("The sources of a tracker's facts"));
  }

  @Test
  void resultsShowLabelsWithPrefixedNamesAndDownloads() throws Exception {
    String q = "SELECT ?t ?type WHERE { BIND(<https://w3id.org/tracker-kg/id/tracker/mparticle> AS ?t) ?t a ?type }";
    String body = html("/sparql?format=html&query=" + Fixture.enc(q)).body();
    assertTrue(body.contains("<a href=\"/doc/tracker/mparticle\" title=\"https://w3id.org/tracker-kg/id/tracker/mparticle\">mParticle</a>"),
        body.substring(body.indexOf("<main>")));
    assertTrue(body.contains("title=\"tkg:Tracker\""), body);
    assertTrue(body.contains("class=\"download\" href=\"/sparql?query="), body);
    String csv = Fixture.get(CorpusServer.get(), "/sparql?query=" + Fixture.enc(q) + "&format=csv").body();
    assertTrue(csv.startsWith("t,type"), csv);
    String canned = html("/queries/trackers-by-country").body();
    assertTrue(canned.contains("class=\"download\" href=\"/queries/trackers-by-country?"), canned);
    assertFalse(canned.contains("<th>?" + "\n"));
  }
}
