package org.trackerkg.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.Corpus;
import org.trackerkg.cli.Main;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Vocab;

/**
 * {@code link import} over the real data: fixture files as a user would bring them back from the Wikidata Query
 * Service and from OpenRefine, written here. Q-ids from Q9000001 on are fixture values, not claims about Wikidata;
 * Q95 and Q380 are the shipped links file's own (Google, Facebook).
 */
class WikidataImportTest {
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  static DatasetGraph data;

  static final String WDQS = String.join("\n",
      "item,itemLabel,website",
      "http://www.wikidata.org/entity/Q95,Google LLC,https://www.google.com/",         // 2 already in the file
      "http://www.wikidata.org/entity/Q9000001,AppsFlyer,https://www.appsflyer.com/",  // 3 accepted
      "http://www.wikidata.org/entity/Q9000002,Gmail,https://mail.google.com/",        // 4 website alone
      "http://www.wikidata.org/entity/Q9000003,Adjust,https://www.adjust.de/",         // 5 name alone
      "http://www.wikidata.org/entity/Q9000004,Criteo,https://www.criteo.com/",        // 6 ambiguous (7)
      "http://www.wikidata.org/entity/Q9000005,Criteo SA,https://criteo.com",        // 7 ambiguous (6)
      "http://www.wikidata.org/entity/Q9000006,Amplitude,https://amplitude.com",       // 8 accepted
      "http://www.wikidata.org/entity/Q9000006,Amplitude,http://www.amplitude.com/",   // 9 same link again
      "http://www.wikidata.org/entity/Q9000007,Foo,https://www.crunchbase.com/organization/foo",            // 10 hosting domain
      "not-a-qid,Bar,https://bar.example/",                                            // 11 malformed
      "http://www.wikidata.org/entity/Q380,Heap,https://heap.io/",                     // 12 Q-id taken (facebook)
      "http://www.wikidata.org/entity/Q9000008,Facebook,https://facebook.com/",        // 13 facebook has Q380
      "http://www.wikidata.org/entity/Q9000009,\"Bugsnag, Inc.\",https://www.bugsnag.com/", // 14 accepted
      "http://www.wikidata.org/entity/Q9000010,Nobody,https://nobody.example/",        // 15 nothing in the data
      "");

  static final String OPENREFINE = String.join("\r\n",
      "id,name,type,wikidata,url,qid,match name,judgment",
      "org/appsflyer,AppsFlyer,Organization,,https://w3id.org/tracker-kg/id/org/appsflyer,Q9000011,AppsFlyer,matched",
      "org/criteo,Criteo,Organization,,https://w3id.org/tracker-kg/id/org/criteo,Q9000012,Criteo SA,matched",
      "org/heap,Heap,Organization,,https://w3id.org/tracker-kg/id/org/heap,Q9000013,Heap Analytics,matched",
      "org/amplitude,Amplitude,Organization,,https://w3id.org/tracker-kg/id/org/amplitude,Q9000014,Amplitude,new",
      "tracker/amplitude,Amplitude,Tracker,,https://w3id.org/tracker-kg/id/tracker/amplitude,Q9000015,Amplitude,matched",
      "org/no-such-org,Nobody,Organization,,https://w3id.org/tracker-kg/id/org/no-such-org,Q9000016,Nobody,matched",
      "org/bugsnag,Bugsnag,Organization,,https://w3id.org/tracker-kg/id/org/bugsnag,,,none",
      "org/flurry,Flurry,Organization,,https://w3id.org/tracker-kg/id/org/flurry,Q95,Flurry,matched",
      "");

  @BeforeAll
  static void load() {
    data = Pipeline.load(List.of(Corpus.project().resolve("data")), Iris.DEFAULT_BASE).dataset();
  }

  private static Path shippedLinks(Path dir) throws Exception {
    Path tsv = dir.resolve("wikidata.tsv");
    Files.copy(Corpus.project().resolve("data/links/wikidata.tsv"), tsv);
    return tsv;
  }

  private static Map<Integer, String> whyByLine(WikidataImport.Result r) {
    Map<Integer, String> m = new TreeMap<>();
    r.rejected().forEach(x -> m.put(x.line(), x.why()));
    return m;
  }

  @Test
  void wdqsRowsNeedTheirWebsiteDomainAndTheirNameToAgreeOnOneOrganisation(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("wdqs.csv");
    Files.writeString(csv, WDQS, StandardCharsets.UTF_8);
    Path tsv = shippedLinks(dir);
    WikidataImport.Result r = WikidataImport.match(csv, data, IRIS, WikidataLinks.read(tsv));
    assertEquals(WikidataImport.Kind.WDQS, r.kind());
    assertEquals(List.of("amplitude Q9000006 8", "appsflyer Q9000001 3", "bugsnag Q9000009 14"),
        r.accepted().stream().map(a -> a.slug() + " " + a.qid() + " " + a.line()).toList());
    WikidataImport.Accepted apps = r.accepted().get(1);
    assertTrue(apps.evidence().contains("wdqs.csv:3") && apps.evidence().contains("label \"AppsFlyer\" names")
        && apps.evidence().contains("→ appsflyer.com"), apps.evidence());
    Map<Integer, String> why = whyByLine(r);
    assertEquals(List.of(2, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15), List.copyOf(why.keySet()));
    assertTrue(why.get(2).startsWith("already in the links file"), why.get(2));
    assertTrue(why.get(4).contains("belongs to google") && why.get(4).contains("a website alone"), why.get(4));
    assertTrue(why.get(5).contains("adjust.de") && why.get(5).contains("a name alone"), why.get(5));
    assertTrue(why.get(6).startsWith("ambiguous: criteo") && why.get(7).startsWith("ambiguous: criteo"), why.get(6));
    assertEquals("the same link as an earlier row", why.get(9));
    assertTrue(why.get(10).contains("hosting"), why.get(10));
    assertTrue(why.get(11).contains("malformed"), why.get(11));
    assertTrue(why.get(12).contains("Q380 is already linked to facebook"), why.get(12));
    assertTrue(why.get(13).contains("facebook is already linked to Q380"), why.get(13));
    assertTrue(why.get(15).startsWith("no organisation in the data"), why.get(15));
  }

  @Test
  void openRefineRowsNeedTheMatchNameToNameTheirOrganisation(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("refine.csv");
    Files.writeString(csv, OPENREFINE, StandardCharsets.UTF_8);
    WikidataImport.Result r = WikidataImport.match(csv, data, IRIS, WikidataLinks.read(shippedLinks(dir)));
    assertEquals(WikidataImport.Kind.OPENREFINE, r.kind());
    assertEquals(List.of("appsflyer Q9000011", "criteo Q9000012"),
        r.accepted().stream().map(a -> a.slug() + " " + a.qid()).toList());
    Map<Integer, String> why = whyByLine(r);
    assertEquals(List.of(4, 5, 6, 7, 8, 9), List.copyOf(why.keySet()));
    assertTrue(why.get(4).contains("does not name Heap"), why.get(4));
    assertTrue(why.get(5).contains("judgment \"new\""), why.get(5));
    assertTrue(why.get(6).contains("is a tracker"), why.get(6));
    assertTrue(why.get(7).contains("no organisation in the data"), why.get(7));
    assertEquals("no Wikidata Q-id", why.get(8));
    assertTrue(why.get(9).contains("Q95 is already linked to google"), why.get(9));
  }

  /** Import → TSV → the links land on the organisations; importing again changes no byte. */
  @Test
  void roundTripsThroughTheLinksFile(@TempDir Path dir) throws Exception {
    for (String[] fixture : new String[][] {{"wdqs.csv", WDQS}, {"refine.csv", OPENREFINE}}) {
      Path csv = dir.resolve(fixture[0]);
      Files.writeString(csv, fixture[1], StandardCharsets.UTF_8);
      Path tsv = dir.resolve("out-" + fixture[0] + ".tsv");
      WikidataImport.Result r = WikidataImport.match(csv, data, IRIS, null);
      WikidataImport.write(tsv, r.accepted());
      byte[] first = Files.readAllBytes(tsv);
      WikidataLinks.Table table = WikidataLinks.read(tsv);
      assertTrue(table.diagnostics().isEmpty(), table.diagnostics().toString());
      assertEquals(r.accepted().size(), table.entries().size());
      DatasetGraph copy = DatasetGraphFactory.create();
      data.find().forEachRemaining(copy::add);
      WikidataLinks.Outcome o = WikidataLinks.apply(table, copy, IRIS);
      assertTrue(o.diagnostics().isEmpty(), o.diagnostics().toString());
      for (WikidataImport.Accepted a : r.accepted()) {
        assertTrue(copy.contains(NodeFactory.createURI(o.graph()), NodeFactory.createURI(IRIS.org(a.slug())),
            Vocab.sameAs, NodeFactory.createURI(Vocab.WIKIDATA + a.qid())), a.toString());
      }
      WikidataImport.Result again = WikidataImport.match(csv, data, IRIS, table);
      assertTrue(again.accepted().isEmpty(), again.accepted().toString());
      WikidataImport.write(tsv, again.accepted());
      assertArrayEquals(first, Files.readAllBytes(tsv));
    }
  }

  @Test
  void neitherKindIsBadInput(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("other.csv");
    Files.writeString(csv, "a,b\n1,2\n", StandardCharsets.UTF_8);
    WikidataImport.FormatException e = assertThrows(WikidataImport.FormatException.class,
        () -> WikidataImport.match(csv, data, IRIS, null));
    assertEquals(1, e.line());
  }

  /** The command: accepted rows to the file and standard output, rejected ones to standard error as file:line. */
  @Test
  void commandAddsToTheLinksFileAndReportsRejections(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("wdqs.csv");
    Files.writeString(csv, WDQS, StandardCharsets.UTF_8);
    Path tsv = shippedLinks(dir);
    String before = Files.readString(tsv);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("link", "import",
        csv.toString(), Corpus.project().resolve("data").toString(), "--out", tsv.toString());
    assertEquals(0, code, err.toString());
    String after = Files.readString(tsv);
    assertTrue(after.startsWith(before), "existing rows are kept as they were");
    assertEquals("amplitude\tQ9000006\nappsflyer\tQ9000001\nbugsnag\tQ9000009\n",
        after.substring(before.length()).replaceAll("\t[^\t\n]*\n", "\n"));
    assertTrue(err.toString().contains(csv + ":4: rejected Q9000002 \"Gmail\": website domain google.com"),
        err.toString());
    assertTrue(err.toString().contains(csv + ":2: skipped Q95"), err.toString());
    assertTrue(err.toString().contains("3 accepted"), err.toString());
    StringWriter err2 = new StringWriter();
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "a,b\n", StandardCharsets.UTF_8);
    assertEquals(2, Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err2)).execute("link",
        "import", bad.toString(), Corpus.project().resolve("data").toString(), "--out", tsv.toString()));
    assertTrue(err2.toString().contains(bad + ":1: error: neither"), err2.toString());
    assertEquals(after, Files.readString(tsv));
  }
}
