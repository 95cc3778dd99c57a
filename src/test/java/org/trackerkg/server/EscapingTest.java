package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** Hostile text in a dossier reaches the pages escaped, and never as a link that runs script. */
class EscapingTest {
  static final String DOSSIER = """
      # Tracker Name
      Evil <script>alert(1)</script>

      # In εxodus?
      No

      ## Website
      [javascript:alert(3)](javascript:alert(3))

      ## About
      Evil <script>x</script> " onmouseover=alert(2) ' </script><!-- [Evil, 01](https://example.org/</script>)

      ## Relationships
      _Customers:_ <img src=x onerror=alert(4)> / Acme </script>

      ## References
      * _Evil, 01._ [https://example.org/a](https://example.org/a)
      """;

  @Test
  void hostileDossierRendersEscaped(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("evil.md");
    Files.writeString(f, DOSSIER, StandardCharsets.UTF_8);
    DatasetGraph dsg = Pipeline.load(List.of(f), Iris.DEFAULT_BASE).dataset();
    TrackerServer server = Fixture.server(dsg).build().start();
    try {
      HttpResponse<String> q = Fixture.get(server, "/sparql?query=" + Fixture.enc(
          "SELECT ?t { ?t a <https://w3id.org/tracker-kg/ontology#Tracker> }"), "Accept",
          "application/sparql-results+json");
      ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(q.body().getBytes(StandardCharsets.UTF_8)),
          ResultSetLang.RS_JSON);
      String iri = rs.next().getResource("t").getURI();
      String path = "/doc/" + iri.substring(Iris.DEFAULT_BASE.length() + 3);
      HttpResponse<String> r = Fixture.get(server, path, "Accept", "text/html");
      assertEquals(200, r.statusCode());
      String html = r.body();
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
      assertFalse(html.contains("<script>alert"), "no live script element");
      assertFalse(html.contains("<script>x"), "no live script element");
      assertFalse(html.contains("<img src=x"), "no live img element");
      assertFalse(html.contains("href=\"javascript:"), "no javascript: links");
      assertFalse(html.contains("<!--"), "no comment opener");
      // the JSON-LD block holds no "</" that could close it early
      Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
          .matcher(html);
      assertTrue(m.find());
      assertFalse(m.group(1).contains("<"), m.group(1));
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.group(1));
      // every script element on the page is the project's own or the JSON-LD block
      Matcher s = Pattern.compile("<script([^>]*)>").matcher(html);
      while (s.find()) {
        assertTrue(s.group(1).contains("src=\"/static/app.js\"") || s.group(1).contains("application/ld+json"),
            s.group());
      }
      HttpResponse<String> home = Fixture.get(server, "/", "Accept", "text/html");
      assertFalse(home.body().contains("<script>alert"));
      HttpResponse<String> results = Fixture.get(server, "/sparql?format=html&query=" + Fixture.enc(
          "SELECT ?o { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"script\")) }"));
      assertFalse(results.body().contains("<script>alert"));
      assertFalse(results.body().contains("<script>x"));
    } finally {
      server.stop();
    }
  }
}
