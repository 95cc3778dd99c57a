package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.publish.DumpWriter;

/** /void for people: sizes, licences, attribution, downloads with their checksums; the Turtle one click away. */
class VoidPageTest {
  @Test
  void summaryPage(@TempDir Path dir) throws Exception {
    DatasetGraph dsg = Fixture.seed();
    Path dumps = Files.createDirectories(dir.resolve("dumps"));
    DumpWriter.create().write(dsg, dumps);
    TrackerServer s = Fixture.server(dsg).dumpsDir(dumps).build().start();
    try {
      String page = Fixture.get(s, "/void", "Accept", "text/html").body().replace("<bdi>", "").replace("</bdi>", "");
      assertTrue(page.contains("<h1>About this data set</h1>"), page);
      assertTrue(page.contains("<a id=\"void-turtle\" href=\"/void?format=ttl\">Turtle</a>"), page);
      assertTrue(page.contains("<dt>Trackers</dt><dd><a href=\"/trackers\">1</a></dd>"), page);
      assertTrue(page.contains("creativecommons.org/licenses/by-sa/4.0/"), page);
      String sums = Files.readString(dumps.resolve("SHA256SUMS"));
      String ntSum = sums.lines().filter(l -> l.endsWith(" tracker-kg.nt")).findFirst().orElseThrow().split(" ")[0];
      assertTrue(page.replaceAll("</a>\\s+</td>", "</a></td>").contains("<a href=\"/dumps/tracker-kg.nt\">tracker-kg.nt"
          + "</a></td><td>" + Files.size(dumps.resolve("tracker-kg.nt")) + "</td><td><code>" + ntSum + "</code>"), page);
      HttpResponse<String> ttl = Fixture.get(s, "/void?format=ttl");
      assertEquals(200, ttl.statusCode());
      assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    } finally {
      s.stop();
    }
  }
}
