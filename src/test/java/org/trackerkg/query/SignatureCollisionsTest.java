package org.trackerkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;

/**
 * {@code signature-collisions} finds prefix pairs by joining on the patterns' first 8 characters (rdflib cannot
 * compare every pair in reasonable time), with patterns shorter than 8 compared with every pattern: its rows must
 * be exactly what the definition gives, computed here pair by pair. Over made-up signatures around the 8-character
 * boundary (which the corpus does not reach: its shortest code pattern has 6 characters and prefixes nothing) and
 * over the corpus.
 */
class SignatureCollisionsTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  static final String T = "https://example.org/tracker/";

  /**
   * Made-up signatures around the 8-character key: shorter, exactly 8, longer, non-ASCII, identical, of one
   * tracker, a code and a network signature with the same text; each in its own named graph, one stated twice.
   * Also run on Virtuoso and rdflib ({@link StoreComparisonTest}).
   */
  static DatasetGraph aroundTheKeyLength() {
    StringBuilder trig = new StringBuilder("PREFIX tkg: <" + TKG.NS + ">\n");
    String[][] sigs = { // tracker, kind, pattern
        {"a", "Code", "a.b"}, {"b", "Code", "a.bcdefghij"},            // 3 characters: compared with all
        {"c", "Code", "com.abc"}, {"d", "Code", "com.abcd"},           // 7 and exactly 8
        {"e", "Code", "com.abcdefg"}, {"f", "Code", "com.abcd"},       // f and d identical
        {"g", "Code", "org.x.y"}, {"g", "Code", "org.x.y.z"},          // one tracker: no pair
        {"h", "Network", "example\\.com"}, {"i", "Network", "example\\.com"},
        {"j", "Network", "example"},                                   // network patterns: identical only
        {"k", "Code", "x.y.z"}, {"l", "Network", "x.y.z"},             // same text, different kinds: no pair
        {"m", "Code", "é.ü"}, {"n", "Code", "é.üabcdefgh"},             // non-ASCII, short
        {"o", "Code", "ééééééé.x"}, {"p", "Code", "ééééééé.xyz"},         // non-ASCII, keyed
        {"q", "Code", "com.abcX"}, {"r", "Code", "com.abcY"},          // same key, not prefixes
        {"s", "Code", "com.abcd"},                                     // stated twice below
    };
    int n = 0;
    for (String[] s : sigs) {
      n++;
      String sig = T + s[0] + "/signature/" + n;
      String body = "<" + T + s[0] + "> tkg:signature <" + sig + "> . <" + sig + "> a tkg:" + s[1]
          + "Signature ; tkg:pattern \"" + s[2].replace("\\", "\\\\") + "\" .";
      trig.append("<https://example.org/graph/").append(n).append("> { ").append(body).append(" }\n");
      if (s[0].equals("s")) {
        trig.append("<https://example.org/graph/again> { ").append(body).append(" }\n");
      }
    }
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    RDFParser.create().source(new StringReader(trig.toString())).lang(Lang.TRIG).parse(dsg);
    return dsg;
  }

  @Test
  void madeUpSignaturesAroundTheKeyLength() {
    String t = T;
    Dataset union = CannedQuery.unionView(aroundTheKeyLength());

    TreeSet<String> rows = rows(union);
    assertEquals(definition(union.getDefaultModel()), rows);
    // the cases above are all there (the definition is not trivially empty)
    assertTrue(rows.contains(row("prefix", "CodeSignature", t + "a", "a.b", t + "b", "a.bcdefghij")), rows::toString);
    assertTrue(rows.contains(row("prefix", "CodeSignature", t + "c", "com.abc", t + "d", "com.abcd")), rows::toString);
    assertTrue(rows.contains(row("prefix", "CodeSignature", t + "d", "com.abcd", t + "e", "com.abcdefg")),
        rows::toString);
    assertTrue(rows.contains(row("prefix", "CodeSignature", t + "m", "é.ü", t + "n", "é.üabcdefgh")), rows::toString);
    assertTrue(rows.contains(row("prefix", "CodeSignature", t + "o", "ééééééé.x", t + "p", "ééééééé.xyz")),
        rows::toString);
    assertTrue(rows.contains(row("identical", "CodeSignature", t + "d", "com.abcd", t + "f", "com.abcd")),
        rows::toString);
    assertTrue(rows.contains(row("identical", "NetworkSignature", t + "h", "example\\.com", t + "i", "example\\.com")),
        rows::toString);
  }

  @Test
  void theCorpus() {
    Corpus.assumePresent();
    Dataset union = CannedQuery.unionView(
        Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson()), Iris.DEFAULT_BASE).dataset());
    TreeSet<String> rows = rows(union);
    assertEquals(definition(union.getDefaultModel()), rows);
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("prefix\t")), "the corpus has prefix pairs");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static TreeSet<String> rows(Dataset union) {
    QueryCatalogue.Entry e = QueryCatalogue.load().entries().get("signature-collisions");
    ResultSetRewindable rs = CannedQuery.bind(e, Map.of(), Iris.DEFAULT_BASE).execute(union, TIMEOUT);
    TreeSet<String> rows = new TreeSet<>();
    int count = 0;
    while (rs.hasNext()) {
      QuerySolution s = rs.next();
      count++;
      rows.add(row(s.getLiteral("kind").getString(), s.getLiteral("type").getString(),
          s.getResource("tracker1").getURI(), s.getLiteral("pattern1").getString(),
          s.getResource("tracker2").getURI(), s.getLiteral("pattern2").getString()));
    }
    assertEquals(rows.size(), count, "no row twice");
    return rows;
  }

  /**
   * The query's definition, pair by pair: two signatures of one kind with the same pattern, of trackers in IRI
   * order ("identical"); or two code signatures of different trackers, the first pattern a proper prefix of the
   * second ("prefix").
   */
  private static TreeSet<String> definition(Model m) {
    record Sig(Resource node, String tracker, String kind, String pattern) {}
    List<Sig> sigs = new ArrayList<>();
    for (Statement st : m.listStatements(null, TKG.signature, (RDFNode) null).toList()) {
      Resource sig = st.getResource();
      for (Resource kind : List.of(TKG.CodeSignature, TKG.NetworkSignature)) {
        if (m.contains(sig, RDF.type, kind)) {
          for (Statement p : m.listStatements(sig, TKG.pattern, (RDFNode) null).toList()) {
            sigs.add(new Sig(sig, st.getSubject().getURI(), kind.getLocalName(), p.getString()));
          }
        }
      }
    }
    TreeSet<String> rows = new TreeSet<>();
    for (Sig a : sigs) {
      for (Sig b : sigs) {
        if (a.kind.equals(b.kind) && !a.node.equals(b.node) && a.pattern.equals(b.pattern)
            && a.tracker.compareTo(b.tracker) < 0) {
          rows.add(row("identical", a.kind, a.tracker, a.pattern, b.tracker, b.pattern));
        }
        if (a.kind.equals("CodeSignature") && b.kind.equals("CodeSignature") && !a.tracker.equals(b.tracker)
            && !a.pattern.equals(b.pattern) && b.pattern.startsWith(a.pattern)) {
          rows.add(row("prefix", a.kind, a.tracker, a.pattern, b.tracker, b.pattern));
        }
      }
    }
    return rows;
  }

  private static String row(String... cells) {
    return String.join("\t", cells);
  }
}
