package org.trackerkg.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.query.QueryCatalogue;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Vocab;

/**
 * {@code tkg history} over a Git repository built here with JGit: three versions of mParticle (the seed's, the
 * Yale one, one with a new retention clause), Cifrasoft renamed with the same content then deleted, and Zapr
 * first committed as Latin-1 (unreadable), then fixed.
 */
class HistoryTest {
  static final String BASE = Iris.DEFAULT_BASE;
  @TempDir static Path tmp;
  static History.Result history;
  static String bad;

  @BeforeAll
  static void build() throws Exception {
    try (TestRepo r = new TestRepo(tmp.resolve("repo"))) {
      r.write("mParticle.md", Files.readString(Path.of(System.getProperty("basedir", System.getProperty("user.dir")),
          "data/dossiers/mparticle.md")));
      r.copy("Cifrasoft.md");
      r.commit("First profiles");
      r.copy("mParticle.md");
      r.commit("mParticle: Yale template");
      r.delete("Cifrasoft.md").copy("Cifrasoft.md"); // no change
      Files.move(r.dir.resolve("trackers/Cifrasoft.md"), r.dir.resolve("trackers/Cifra Soft.md"));
      r.commit("Rename Cifrasoft");
      r.write("Zapr.md", Files.readString(TestRepo.profile("Zapr.md")).replace("Zapr", "Zäpr")
          .getBytes(StandardCharsets.ISO_8859_1));
      bad = r.commit("Zapr, in the wrong encoding").substring(0, 12);
      String mp = Files.readString(TestRepo.profile("mParticle.md"));
      int at = mp.indexOf("_Data retention:_");
      String line = mp.substring(at, mp.indexOf('\n', at));
      r.write("mParticle.md", mp.replace(line, "_Data retention:_ mParticle retains all data indefinitely. "
          + "[mParticle, 04](https://www.mparticle.com/privacy)"));
      r.copy("Zapr.md");
      r.delete("Cifra Soft.md");
      r.commit("mParticle keeps data forever; Zapr fixed; Cifrasoft gone");
    }
    history = History.read(tmp.resolve("repo"), BASE);
  }

  @Test
  void oneGraphPerDistinctVersionWithDatesAndRevisions() {
    Map<String, Long> perSlug = new java.util.TreeMap<>();
    history.versions().forEach(v -> perSlug.merge(v.slug(), 1L, Long::sum));
    assertEquals(Map.of("mparticle", 3L, "cifrasoft", 1L, "zapr", 1L), perSlug, history.versions().toString());
    DatasetGraph d = history.dataset();
    for (History.Version v : history.versions()) {
      Node g = NodeFactory.createURI(v.graph());
      assertTrue(v.graph().startsWith(BASE + "graph/profiles/" + v.slug() + "/"), v.graph());
      assertTrue(d.contains(g, g, Vocab.type, org.trackerkg.vocab.TKG.SourceDocument.asNode()), v.graph());
      assertTrue(d.contains(g, g, Vocab.uri(Vocab.PROV + "generatedAtTime"), Node.ANY), v.graph());
      assertEquals(v.previous() != null, d.contains(g, g, Vocab.uri(Vocab.PROV + "wasRevisionOf"),
          v.previous() == null ? Node.ANY : NodeFactory.createURI(v.previous())), v.graph());
    }
    History.Version cifra = history.versions().stream().filter(v -> v.slug().equals("cifrasoft")).findFirst().get();
    Node cg = NodeFactory.createURI(cifra.graph());
    assertTrue(d.contains(cg, cg, Vocab.uri(Vocab.PROV + "invalidatedAtTime"), Node.ANY), "deleted: its end is dated");
  }

  @Test
  void anUnreadableVersionIsADiagnosticNamingCommitAndFile() {
    List<Diagnostic> errors = history.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), history.diagnostics().toString());
    assertTrue(errors.get(0).toString().startsWith(bad + ":trackers/Zapr.md:"), errors.get(0).toString());
    assertTrue(errors.get(0).toString().contains("UTF-8"), errors.get(0).toString());
  }

  @Test
  void historyOfAndPolicyChangesGiveTheExpectedRows() throws Exception {
    // as `tkg serve --history` serves it: the named graphs, and a default graph without the past versions
    Dataset ds = org.apache.jena.query.DatasetFactory.wrap(
        org.trackerkg.store.ServedData.inMemory(history.dataset(), BASE, false).dataset());
    assertTrue(ds.getDefaultModel().isEmpty(), "past versions stay out of the default graph");
    QueryCatalogue catalogue = QueryCatalogue.load();
    check(catalogue, ds, "history-of", Map.of("tracker", "mparticle"));
    check(catalogue, ds, "policy-changes", Map.of());
  }

  private static void check(QueryCatalogue catalogue, Dataset ds, String name, Map<String, String> params)
      throws Exception {
    ResultSetRewindable rows = CannedQuery.bind(catalogue.entries().get(name), params, BASE)
        .execute(ds, Duration.ofSeconds(60));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultSetMgr.write(out, rows, ResultSetLang.RS_TSV);
    String actual = out.toString(StandardCharsets.UTF_8);
    Path expected = Path.of(System.getProperty("basedir", System.getProperty("user.dir")),
        "src/test/resources/org/trackerkg/sources/expected", name + ".tsv");
    if (Boolean.getBoolean("tkg.regenerate")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual);
      return;
    }
    assertTrue(Files.isRegularFile(expected), expected + " is missing: run with -Dtkg.regenerate=true");
    assertEquals(Files.readString(expected), actual, name);
  }
}
