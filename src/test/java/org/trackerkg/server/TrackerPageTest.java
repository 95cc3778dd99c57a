package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** Tracker and organisation pages over the whole data set: what the graph knows, shown with its sources. */
class TrackerPageTest {
  static String html(String path) throws Exception {
    HttpResponse<String> r = Fixture.get(CorpusServer.get(), path, "Accept", "text/html");
    assertEquals(200, r.statusCode(), path);
    return r.body().replace("<bdi>", "").replace("</bdi>", ""); // the isolation of each value aside
  }

  static String section(String body, String id) {
    int i = body.indexOf("id=\"" + id + "\"");
    assertTrue(i > 0, id + " missing");
    int end = body.indexOf("</dd>", i);
    int sec = body.indexOf("</section>", i);
    return body.substring(i, end < 0 || (sec > 0 && sec < end) ? sec : end);
  }

  @Test
  void foundingFundingWikidataAndOwnerChain() throws Exception {
    String af = html("/doc/tracker/appsflyer");
    assertTrue(section(af, "funding").contains("USD 84 million"), section(af, "funding"));
    assertTrue(section(af, "funding").contains("[<a href=\"https://www.crunchbase.com/"), section(af, "funding"));
    String braze = html("/doc/tracker/appboy");
    assertTrue(section(braze, "founded").contains("2011"), section(braze, "founded"));
    String crash = html("/doc/tracker/crashlytics");
    String chain = section(crash, "owner-chain");
    assertTrue(chain.contains("<a href=\"/doc/org/crashlytics\">") && chain.contains("→ <a href=\"/doc/org/google\">"),
        chain);
    assertTrue(section(crash, "wikidata").contains("href=\"https://www.wikidata.org/wiki/Q95\""), section(crash, "wikidata"));
    assertTrue(section(crash, "exodus").contains("exodus-privacy.eu.org"), section(crash, "exodus"));
  }

  @Test
  void citationsBesideRelationsReferencesOnceSourcesToldApart() throws Exception {
    String mp = html("/doc/tracker/mparticle");
    // Walmart is a customer cited as mParticle, 03
    Matcher walmart = Pattern.compile("<li><a href=\"/doc/org/walmart\">[^<]*</a>(.*?)</li>", Pattern.DOTALL)
        .matcher(mp);
    assertTrue(walmart.find(), mp.substring(mp.indexOf("<h2>Customers</h2>")));
    assertTrue(walmart.group(1).contains("mParticle, 03"), walmart.group(1));
    // each reference key once, and its title not repeated when it is the key
    Matcher keys = Pattern.compile("<span class=\"ref-key\">([^<]*)</span>").matcher(section(mp, "references"));
    List<String> seen = new ArrayList<>();
    while (keys.find()) {
      seen.add(keys.group(1));
    }
    assertTrue(seen.size() > 5, seen.toString());
    assertEquals(new HashSet<>(seen).size(), seen.size(), "duplicate reference: " + seen);
    assertFalse(mp.contains("mParticle, 01 — mParticle, 01"));
    // source documents with file, rights holder and licence
    String sources = section(mp, "sources");
    assertTrue(sources.contains("<code>trackers.json</code>"), sources);
    assertTrue(sources.contains("creativecommons.org/licenses/by-sa/4.0/"), sources);
    assertTrue(sources.contains("opendatacommons.org/licenses/odbl/1-0/"), sources);
    // the clause's Markdown rendered: no raw [key](url) syntax nor "* " bullets in the policy section
    String policy = section(mp, "policy");
    assertFalse(policy.contains("](http"), "raw Markdown link in the policy");
    assertFalse(Pattern.compile("<p>\\* ").matcher(policy).find(), "raw bullet");
    // products: each (name, description) once, no heading lines
    Matcher products = Pattern.compile("<li class=\"depth-\\d\">(.*?)</li>", Pattern.DOTALL).matcher(mp);
    Set<String> ps = new HashSet<>();
    while (products.find()) {
      String p = products.group(1).replaceAll("<span class=\"cite\">.*", "").strip();
      assertTrue(ps.add(p), "duplicate product " + p);
      assertFalse(p.startsWith("<strong>#"), p);
    }
  }

  @Test
  void organisationPage() throws Exception {
    String g = html("/doc/org/google");
    assertTrue(section(g, "wikidata").contains("https://www.wikidata.org/wiki/Q95"));
    String owned = section(g, "owned-trackers");
    assertTrue(owned.contains("/doc/tracker/crashlytics") && owned.contains("/doc/tracker/doubleclick"), owned);
    assertTrue(section(g, "owns").contains("/doc/org/crashlytics"));
    String crash = html("/doc/org/crashlytics");
    assertTrue(section(crash, "owner-chain").contains("/doc/org/google"));
    assertTrue(section(crash, "makes").contains("/doc/tracker/crashlytics"));
    String walmart = html("/doc/org/walmart");
    assertTrue(walmart.contains("<h2>Customer of</h2>"), walmart);
    assertTrue(walmart.contains("/doc/tracker/mparticle") && walmart.contains("mParticle, 03"));
  }

  @Test
  void clauseMarkdownRenderedAndEscapedInAHostileDossier(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("hostile.md");
    Files.writeString(f, """
        # Tracker Name
        Hostile Markdown

        ## Privacy Policy
        _Data Collection:_ They collect **everything** <script>alert(1)</script> and share it [Evil, 01](javascript:alert(2)), \
        see [Good, 02](https://example.org/policy) and ![pixel](https://tracker.example/p.gif) <img src=x onerror=alert(3)>

        * first bullet with [data](data:text/html,hi)
        * second bullet
        """, StandardCharsets.UTF_8);
    TrackerServer s = Fixture.server(Pipeline.load(List.of(f), Iris.DEFAULT_BASE).dataset()).build().start();
    try {
      HttpResponse<String> r = Fixture.get(s, "/doc/tracker/hostile-markdown", "Accept", "text/html");
      assertEquals(200, r.statusCode());
      String policy = section(r.body().replace("<bdi>", "").replace("</bdi>", ""), "policy");
      assertTrue(policy.contains("<strong>everything</strong>"), policy);
      assertTrue(policy.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), policy);
      assertTrue(policy.contains("&lt;img src=x onerror=alert(3)&gt;"), policy);
      assertFalse(policy.contains("javascript:"), policy);
      assertFalse(policy.contains("data:text"), policy);
      assertFalse(policy.contains("<img"), policy);
      assertFalse(policy.contains("tracker.example"), policy);
      assertTrue(policy.contains("<a rel=\"nofollow noopener\" href=\"https://example.org/policy\">Good, 02</a>"), policy);
      assertTrue(policy.contains("<li>second bullet</li>") || policy.contains("second bullet"), policy);
      PageEscapingTest.assertClean(r.body());
    } finally {
      s.stop();
    }
  }

  @Test
  void markdownAlone() {
    assertEquals("<p>a <em>b</em></p>\n", Markdown.html("a *b*"));
    assertEquals("<p>x</p>\n", Markdown.html("[x](javascript:alert(1))"));
    assertEquals("<p>&lt;b&gt;</p>\n", Markdown.html("<b>"));
    assertEquals("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n", Markdown.html("* one\n* two"));
    assertEquals("USD 84 million", Provenance.amount("84000000.0", "USD"));
    assertEquals("EUR 1.5 billion", Provenance.amount("1500000000", "EUR"));
    assertEquals("about 3", Provenance.amount("about 3", null));
  }
}
