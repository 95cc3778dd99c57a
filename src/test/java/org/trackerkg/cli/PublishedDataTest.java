package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.Corpus;

/**
 * {@code tkg serve} with no INPUT, as a user runs it on a fresh clone: it publishes data/ (the 60 profiles, the
 * εxodus database and our Wikidata links) with no warning lines, and states each source's licence and attribution.
 */
class PublishedDataTest {
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)  // a hang guard only
  void serveWithoutArgumentsPublishesDataWithoutWarnings(@TempDir Path tmp) throws Exception {
    Corpus.assumePresent();
    ServeWarmStartTest.Started s = ServeWarmStartTest.start("--port", "0", "--dumps", tmp.toString());
    try {
      // 60 profiles + 432 εxodus records + the seed dossier
      assertTrue(s.serving().startsWith("493 "), s.serving());
      // the 60 profiles and the seed dossier (another version of the mParticle profile)
      assertEquals("n\r\n61\r\n", select(s.url(), "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {}"
          + " FILTER(STRSTARTS(STR(?g), 'https://w3id.org/tracker-kg/graph/profiles/')) }"));
      assertEquals("n\r\n432\r\n", select(s.url(), "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {}"
          + " FILTER(STRSTARTS(STR(?g), 'https://w3id.org/tracker-kg/graph/exodus/')) }"));
      String linked = select(s.url(), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/tracker-kg/graph/"
          + "links/wikidata> { ?o <http://www.w3.org/2002/07/owl#sameAs> ?q } }");
      assertTrue(Integer.parseInt(linked.split("\r\n")[1]) > 0, linked);
      // every source document says under which licence and whose rights
      assertEquals("n\r\n0\r\n", select(s.url(), "PREFIX dct: <http://purl.org/dc/terms/> SELECT (COUNT(*) AS ?n)"
          + " WHERE { GRAPH ?g { ?g a <https://w3id.org/tracker-kg/ontology#SourceDocument> }"
          + " FILTER NOT EXISTS { GRAPH ?g { ?g dct:license ?l } } }"));
      assertEquals("n\r\n0\r\n", select(s.url(), "PREFIX dct: <http://purl.org/dc/terms/> SELECT (COUNT(*) AS ?n)"
          + " WHERE { GRAPH ?g { ?g a <https://w3id.org/tracker-kg/ontology#SourceDocument> ; dct:license ?l }"
          + " FILTER(?l != <https://creativecommons.org/publicdomain/zero/1.0/>)"
          + " FILTER NOT EXISTS { GRAPH ?g { ?g dct:rightsHolder ?h ; dct:rights ?r } } }"));
      String voidTtl = get(s.url() + "void", "text/turtle");
      for (String term : new String[] {"https://opendatacommons.org/licenses/dbcl/1-0/",
          "https://www.gnu.org/licenses/agpl-3.0.html", "Contains information from the εxodus tracker database",
          "dct:rightsHolder"}) {
        assertTrue(voidTtl.contains(term), term + " in /void:\n" + voidTtl);
      }
      String page = get(s.url(), "text/html");
      assertTrue(page.contains("https://opendatacommons.org/licenses/odbl/1-0/") && page.contains("Yale Privacy Lab"),
          "the footer states licences and attribution");
    } finally {
      ServeWarmStartTest.stop(s);
    }
    String err = s.stderr().toString();
    for (String line : err.split("\n")) {
      assertTrue(!line.contains(": warning:") && !line.contains(": error:"), "a warning line on stderr:\n" + err);
    }
    assertTrue(err.contains("findings about the sources that do not stop publishing"), err);
  }

  private static String select(String url, String q) throws Exception {
    return get(url + "sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "text/csv");
  }

  private static String get(String url, String accept) throws Exception {
    HttpResponse<String> r = ServeWarmStartTest.HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Accept", accept).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }
}
