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
    // every canned query has a link; the tracker's sources runs with an example tracker within the time limit (it
    // was a 503: unbound, it ran over every tracker); a query needing another value opens its form
    Matcher m = Pattern.compile("<a href=\"([^\"]+)\" class=\"canned\" data-query=\"[^\"]*\">(?:<bdi>)?([^<]*)")
        .matcher(page);
    int n = 0;
    boolean sources = false;
    while (m.find()) {
      String href = m.group(1).replace("&amp;", "&");
      if (m.group(2).contains("sources of a tracker")) {
        assertTrue(href.startsWith("/sparql?format=html&query="), href);
        assertTrue(java.net.URLDecoder.decode(href, java.nio.charset.StandardCharsets.UTF_8)
            .contains("<https://w3id.org/tracker-kg/id/tracker/mparticle>"), href);
        HttpResponse<String> r = html(href);
        assertEquals(200, r.statusCode(), href);
        assertTrue(r.body().contains("mParticle, 01"), "rows with citations");
        sources = true;
      } else if (!href.startsWith("/sparql")) {
        assertEquals(400, html(href).statusCode(), href);
      }
      n++;
    }
    assertTrue(sources, "the sources example is listed");
    assertTrue(n > 10, "canned links: " + n);
  }

  @Test
  void resultsShowLabelsWithPrefixedNamesAndDownloads() throws Exception {
    String q = "SELECT ?t ?type WHERE { BIND(<https://w3id.org/tracker-kg/id/tracker/mparticle> AS ?t) ?t a ?type }";
    String body = html("/sparql?format=html&query=" + Fixture.enc(q)).body();
    assertTrue(Pattern.compile("<a href=\"/doc/tracker/mparticle\" title=\"https://w3id.org/tracker-kg/id/tracker/"
        + "mparticle\">(<bdi>)?mParticle(</bdi>)?</a>").matcher(body).find(), body.substring(body.indexOf("<main>")));
    assertTrue(body.contains("title=\"tkg:Tracker\""), body);
    assertTrue(body.contains("class=\"download\" href=\"/sparql?query="), body);
    String csv = Fixture.get(CorpusServer.get(), "/sparql?query=" + Fixture.enc(q) + "&format=csv").body();
    assertTrue(csv.startsWith("t,type"), csv);
    String canned = html("/queries/trackers-by-country").body();
    assertTrue(canned.contains("class=\"download\" href=\"/queries/trackers-by-country?"), canned);
    assertFalse(canned.contains("<th>?" + "\n"));
  }
}
