package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.sources.TestRepo;

/** {@code tkg history -o} and {@code tkg serve --history} over a Git repository built here with JGit. */
class HistoryCommandTest {
  static Path repo(Path tmp) throws Exception {
    try (TestRepo r = new TestRepo(tmp.resolve("repo"))) {
      r.copy("mParticle.md");
      r.commit("mParticle");
      String mp = Files.readString(tmp.resolve("repo/trackers/mParticle.md"));
      int at = mp.indexOf("_Data retention:_");
      r.write("mParticle.md", mp.substring(0, at) + "_Data retention:_ kept forever.\n"
          + mp.substring(mp.indexOf('\n', at) + 1));
      r.commit("mParticle keeps data forever");
    }
    return tmp.resolve("repo");
  }

  @Test
  void writesOneGraphPerVersionAtomically(@TempDir Path tmp) throws Exception {
    Path repo = repo(tmp);
    Path out = tmp.resolve("history.trig");
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
        .execute("history", "--repo", repo.toString(), "--format", "trig", "-o", out.toString());
    assertEquals(ExitCode.OK, code, err.toString());
    assertTrue(err.toString().contains("2 versions of 1 profiles"), err.toString());
    DatasetGraph d = DatasetGraphFactory.create();
    RDFParser.source(out).parse(d);  // Jena reads it back
    assertEquals(2, org.apache.jena.atlas.iterator.Iter.count(d.listGraphNodes()));
    var rio = org.eclipse.rdf4j.rio.Rio.parse(Files.newInputStream(out), org.eclipse.rdf4j.rio.RDFFormat.TRIG);
    assertEquals(d.stream().count(), rio.size(), "RDF4J reads the same statements");
    StringWriter err2 = new StringWriter();
    assertEquals(ExitCode.BAD_INPUT, Main.commandLine(new PrintWriter(new StringWriter(), true),
        new PrintWriter(err2, true)).execute("history", "--repo", tmp.resolve("nothing").toString()));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)  // a hang guard only
  void servePublishesTheVersionsOutsideTheDefaultGraph(@TempDir Path tmp) throws Exception {
    Path repo = repo(tmp);
    ServeWarmStartTest.Started s = ServeWarmStartTest.start("src/test/seed", "--port", "0", "--dumps",
        tmp.resolve("dumps").toString(), "--history", repo.toString());
    try {
      HttpResponse<String> r = ServeWarmStartTest.HTTP.send(HttpRequest.newBuilder(
          URI.create(s.url() + "queries/policy-changes")).header("Accept", "text/csv").timeout(Duration.ofSeconds(30))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("kept forever."), r.body());
      assertEquals(3, r.body().strip().lines().count(), r.body());  // header, removed, added
      // the default graph holds the current data only: no version's commit in it
      String q = "SELECT (COUNT(*) AS ?n) WHERE { ?v <https://w3id.org/tracker-kg/ontology#commit> ?c }";
      HttpResponse<String> c = ServeWarmStartTest.HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "sparql?query="
          + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))).header("Accept", "text/csv")
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("n\r\n0\r\n", c.body());
    } finally {
      ServeWarmStartTest.stop(s);
    }
    assertTrue(s.stderr().toString().contains("tkg: history: 2 versions"), s.stderr().toString());
  }
}
