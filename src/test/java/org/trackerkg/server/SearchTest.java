package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /search over the whole published data set (data/), as HTML without JavaScript and as JSON. */
class SearchTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = CorpusServer.get();
  }

  static JsonNode search(String q) throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/search?q=" + Fixture.enc(q), "Accept", "application/json");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  /** The first hit of a query: the page a person reaches in one click. */
  static JsonNode first(String q) throws Exception {
    JsonNode rs = search(q).path("results");
    assertTrue(rs.size() > 0, "nothing found for " + q);
    return rs.get(0);
  }

  @Test
  void whatPeopleTypeReachesTheRightPage() throws Exception {
    for (String[] c : new String[][] {
        {"Flury", "/doc/tracker/flurry", "tracker"},
        {"flurry", "/doc/tracker/flurry", "tracker"},
        {"Braze", "/doc/tracker/appboy", "tracker"},
        {"appsflyer.com", "/doc/tracker/appsflyer", "tracker"},
        {"com.appsflyer", "/doc/tracker/appsflyer", "tracker"},
        {"com.appsflyer.AppsFlyerLib", "/doc/tracker/appsflyer", "tracker"},
        {"mparticle.com", "/doc/tracker/mparticle", "tracker"},
        {"Google", "/doc/org/google", "organisation"},
        {"Yahoo", "/doc/org/yahoo", "organisation"}}) {
      JsonNode h = first(c[0]);
      assertEquals(c[1], h.path("href").asText(), c[0] + ": " + search(c[0]));
      assertEquals(c[2], h.path("kind").asText(), c[0]);
      assertFalse(h.path("via").asText().isEmpty());
    }
  }

  @Test
  void htmlPageWorksWithoutJavaScriptAndEscapes() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/search?q=Flury", "Accept", "text/html");
    assertEquals(200, r.statusCode());
    String body = r.body();
    // the first hit links to the tracker's page and says what it is and why it was found
    String plain = body.replace("<bdi>", "").replace("</bdi>", "");
    int first = plain.indexOf("<li><span class=\"kind kind-tracker\">tracker</span> <a href=\"/doc/tracker/flurry\">");
    assertTrue(first > 0, body);
    body = plain;
    assertTrue(body.contains("similar name Flurry"), body);
    assertTrue(body.contains("kind-organisation"), body);
    HttpResponse<String> evil = Fixture.get(server, "/search?q=" + Fixture.enc("<script>alert(1)</script>"));
    assertEquals(200, evil.statusCode());
    assertFalse(evil.body().contains("<script>alert"), evil.body());
    assertTrue(evil.body().contains("&lt;script&gt;"));
    assertTrue(evil.body().contains("id=\"no-hits\""));
    // format=json without an Accept header; an unknown format is 406
    assertTrue(Fixture.get(server, "/search?format=json&q=Braze").headers().firstValue("Content-Type").orElse("")
        .startsWith("application/json"));
    assertEquals(406, Fixture.get(server, "/search?format=xml&q=Braze").statusCode());
    assertEquals(0, search("").path("results").size());
  }

  @Test
  void everyPageHasTheSearchBox() throws Exception {
    for (String path : new String[] {"/", "/sparql", "/queries", "/doc/tracker/flurry", "/doc/org/google",
        "/ontology", "/search"}) {
      HttpResponse<String> r = Fixture.get(server, path, "Accept", "text/html");
      assertEquals(200, r.statusCode(), path);
      assertTrue(r.body().contains("<form class=\"search\" method=\"get\" action=\"/search\" role=\"search\">"),
          path);
    }
  }
}
