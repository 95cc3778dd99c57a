package org.trackerkg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.Corpus;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Labels;

/** Signature matching, reconciliation, stable IRIs and exports over the whole corpus. */
class LinkingTest {
  static Pipeline.Loaded loaded;
  static SignatureMatcher matcher;
  static Reconciler reconciler;

  @BeforeAll
  static void load() {
    Corpus.assumePresent();
    loaded = Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson(), Path.of("src/test/seed")), Iris.DEFAULT_BASE);
    matcher = SignatureMatcher.fromDataset(loaded.dataset(), Iris.DEFAULT_BASE);
    reconciler = Reconciler.fromDataset(loaded.dataset(), Iris.DEFAULT_BASE, "http://localhost/reconcile");
  }

  static List<String> slugs(String name) {
    return matcher.trackersOf(name).stream().map(SignatureMatcher.Tracker::slug).toList();
  }

  /** One display-name rule ({@link Labels}): a tracker has the same name on its page, in /match and /reconcile. */
  @Test
  void oneNameForATrackerEverywhere() {
    var union = loaded.dataset().getUnionGraph();
    Iris iris = new Iris(Iris.DEFAULT_BASE);
    for (String[] c : new String[][] {{"safegraph", "api.safegraph.com", "OpenLocate"},
        {"krux", "com.krux.androidsdk.Krux", "Audience Studio"}}) {
      String page = Labels.label(union, org.apache.jena.graph.NodeFactory.createURI(iris.tracker(c[0])));
      assertEquals(c[2], page);
      assertEquals(List.of(page), matcher.trackersOf(c[1]).stream().map(SignatureMatcher.Tracker::name).toList());
      assertEquals(page, reconciler.entity("tracker/" + c[0]).name());
    }
  }

  @Test
  void hostsAndClasses() {
    assertEquals(List.of("mparticle"), slugs("api.mparticle.com"));
    assertEquals(List.of("appsflyer"), slugs("com.appsflyer.AppsFlyerLib"));
    assertEquals(List.of("google-admob"), slugs("com.google.android.gms.ads.AdView"));
    assertEquals("Google AdMob", matcher.trackersOf("com.google.android.gms.ads.AdView").get(0).name());
    // AdMob's code signatures name classes (AdView, AdActivity, AdRequest, mediation, doubleclick), not the
    // com.google.android.gms.ads package: the ads-identifier library below it (the advertising ID, used by
    // libraries of every kind) is no tracker by itself, and no other signature covers it
    assertEquals(List.of(), slugs("com.google.android.gms.ads.identifier.AdvertisingIdClient"));
    // a prefix matches at a name boundary only
    assertEquals(List.of("mparticle"), slugs("com.mparticle.MParticle"));
    assertEquals(List.of(), slugs("com.mparticlesque.Foo"));
    // dotted infixes match anywhere (εxodus's ".kochavaccpa.")
    assertEquals(List.of("kochava"), slugs("io.example.kochavaccpa.Consent"));
    // smali and path forms
    assertEquals(List.of("appsflyer"), slugs("Lcom/appsflyer/AppsFlyerLib;"));
    // network regexes are found anywhere in the host, case-blind
    assertEquals(List.of("kochava"), slugs("control.kochava.com"));
    assertTrue(slugs("pagead2.GOOGLESYNDICATION.com").contains("google-admob"));
    assertEquals(List.of(), slugs("example.org"));
  }

  @Test
  void prefilterAgreesWithANaiveLoopOnEverySignature() {
    // every network regex is found by the prefiltered matcher in a host built from its own literal parts
    assertEquals("appsflyer", SignatureMatcher.requiredLiteral("appsflyer\\.com").substring(0, 9));
    assertEquals("appsflyer.com", SignatureMatcher.requiredLiteral("appsflyer\\.com"));
    assertEquals("", SignatureMatcher.requiredLiteral("a\\.com|b\\.com"));
    assertEquals(".is.autonavi.com", SignatureMatcher.requiredLiteral("mst[0-9]*\\.is\\.autonavi\\.com"));
    assertEquals("estimote.com", SignatureMatcher.requiredLiteral(".*\\.estimote\\.com").substring(1));
  }

  @Test
  void stableTrackerIris() {
    // the formatter pattern {base}id/tracker/$1: these must never change
    for (String[] e : new String[][] {{"mparticle", "18"}, {"appsflyer", "12"}, {"flurry", "25"}, {"mopub", "35"},
        {"kochava", "127"}, {"safegraph", "44"}, {"krux", "3"}, {"crashlytics", "27"}, {"appboy", "17"}}) {
      String ask = "ASK { GRAPH ?g { <https://w3id.org/tracker-kg/id/tracker/" + e[0] + ">"
          + " <https://w3id.org/tracker-kg/ontology#exodusId> " + e[1] + " } }";
      try (var qe = org.apache.jena.query.QueryExecution.dataset(
          org.apache.jena.query.DatasetFactory.wrap(loaded.dataset())).query(ask).build()) {
        assertTrue(qe.execAsk(), e[0]);
      }
    }
  }

  @Test
  void reconcileByNameDomainAndPackage() throws Exception {
    for (String q : List.of("mparticle", "mParticle", "mparticle.com", "https://www.mparticle.com/", "com.mparticle")) {
      List<Reconciler.Candidate> r = reconciler.query(q, "Tracker", 3);
      assertEquals("tracker/mparticle", r.get(0).entity().id(), q);
      assertTrue(r.get(0).match(), q);
      assertTrue(r.size() <= 3);
    }
    assertEquals("tracker/mopub", reconciler.query("Twitter MoPub", "Tracker", 3).get(0).entity().id());
    assertEquals("org/google", reconciler.query("Google", "Organization", 3).get(0).entity().id());
    // the request and response shapes of the specification
    JsonNode res = reconciler.reconcile("{\"q0\":{\"query\":\"mparticle\",\"type\":\"Tracker\",\"limit\":3},"
        + "\"q1\":{\"query\":\"appsflyer.com\"}}");
    JsonNode first = res.path("q0").path("result").get(0);
    assertEquals("tracker/mparticle", first.path("id").asText());
    assertEquals("mParticle", first.path("name").asText());
    assertEquals(100, first.path("score").asInt());
    assertTrue(first.path("match").asBoolean());
    assertEquals("Tracker", first.path("type").get(0).path("id").asText());
    assertEquals("tracker/appsflyer", res.path("q1").path("result").get(0).path("id").asText());
    JsonNode m = reconciler.manifest();
    assertEquals("0.2", m.path("versions").get(0).asText());
    assertEquals("https://w3id.org/tracker-kg/id/", m.path("identifierSpace").asText());
    assertEquals(2, m.path("defaultTypes").size());
    assertTrue(m.path("view").path("url").asText().contains("{{id}}"));
    assertTrue(m.path("preview").path("url").asText().contains("{{id}}"));
    String preview = reconciler.preview("tracker/mparticle");
    assertTrue(preview.contains("mParticle") && !preview.contains("<script"));
    assertEquals("&lt;b&gt;&amp;&quot;", Reconciler.escape("<b>&\""));
  }

  @Test
  void wikidataExports() {
    StringWriter qs = new StringWriter();
    LinkExport.quickStatements(loaded.dataset(), Iris.DEFAULT_BASE, new PrintWriter(qs));
    assertTrue(qs.toString().contains("Q95\tP973\t\"https://w3id.org/tracker-kg/id/org/google\"\tS854\t\"https://w3id.org/tracker-kg/doc/org/google\"\tS813\t+2023-12-05T00:00:00Z/11\n"), qs.toString());
    StringWriter csv = new StringWriter();
    LinkExport.csv(loaded.dataset(), Iris.DEFAULT_BASE, new PrintWriter(csv));
    assertTrue(csv.toString().startsWith("id,name,type,wikidata,url\r\n"));
    assertTrue(csv.toString().contains("org/google,Google,Organization,Q95,https://w3id.org/tracker-kg/id/org/google"),
        csv.toString().substring(0, 500));
  }

  @Test
  void wikidataWarnings(@TempDir Path dir) throws Exception {
    Path tsv = dir.resolve("wikidata.tsv");
    Files.writeString(tsv, "organisation\tqid\tevidence\n# comment\nmparticle\tQ12x\tbad id\nNo Such Org\tQ5\tnone\n"
        + "mParticle\tQ95\tnot really, a test\n");
    Pipeline.Loaded l = Pipeline.load(List.of(Path.of("src/test/seed")), Iris.DEFAULT_BASE, tsv);
    List<String> warnings = l.diagnostics().stream().filter(d -> d.file().equals(tsv.toString()))
        .map(Diagnostic::toString).toList();
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith(tsv + ":3: warning: malformed Wikidata Q-id"), warnings.get(0));
    assertTrue(warnings.get(1).startsWith(tsv + ":4: warning: \"No Such Org\" resolves to no organisation"));
    assertFalse(l.hasInputErrors());
  }
}
