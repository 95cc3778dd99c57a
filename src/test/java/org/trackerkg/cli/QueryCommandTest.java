package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.vocab.Iris;

/** {@code tkg query} through the real entry point, over data/ (the seed) and against a Fuseki on port 0. */
class QueryCommandTest {
  static FusekiServer fuseki;

  record Run(int code, String out, String err) {}

  static Path data() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src/test/seed");
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void startFuseki() {
    fuseki = FusekiServer.create().port(0)
        .add("/ds", CannedQuery.unionView(Pipeline.load(List.of(data()), Iris.DEFAULT_BASE).dataset()))
        .build().start();
  }

  @AfterAll
  static void stopFuseki() {
    if (fuseki != null) {
      fuseki.stop();
    }
  }

  @Test
  void listsTheCatalogue() {
    Run r = run("query", "--list");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("match-host") && r.out().contains("--param host=STRING"), r.out());
    assertTrue(r.out().lines().count() >= 18, r.out());
  }

  @Test
  void everyFormatParsesBack() {
    for (String format : List.of("json", "xml", "csv", "tsv")) {
      Run r = run("query", "match-host", data().toString(), "--param", "host=api.mparticle.com", "--format", format);
      assertEquals(0, r.code(), format + ": " + r.err());
      Lang lang = switch (format) {
        case "json" -> ResultSetLang.RS_JSON;
        case "xml" -> ResultSetLang.RS_XML;
        case "csv" -> ResultSetLang.RS_CSV;
        default -> ResultSetLang.RS_TSV;
      };
      List<String> trackers = trackers(ResultSetMgr.read(
          new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)), lang));
      assertEquals(List.of(Iris.DEFAULT_BASE + "id/tracker/mparticle"), trackers, format + ": " + r.out());
    }
    Run table = run("query", "match-host", data().toString(), "--param", "host=api.mparticle.com");
    assertEquals(0, table.code(), table.err());
    assertTrue(table.out().contains("tracker:mparticle"), table.out());
  }

  private static List<String> trackers(ResultSet rs) {
    List<String> out = new ArrayList<>();
    while (rs.hasNext()) {
      QuerySolution s = rs.next();
      out.add(s.get("tracker").toString());
    }
    return out;
  }

  @Test
  void badUsageExitsTwoWithAMessage() {
    Run missing = run("query", "match-host", data().toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("needs parameter 'host'"), missing.err());

    Run unknown = run("query", "no-such-query");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no canned query 'no-such-query'"), unknown.err());

    Run badTracker = run("query", "tracker-profile", data().toString(), "--param", "tracker=<http://evil.example/>");
    assertEquals(2, badTracker.code());
    assertTrue(badTracker.err().contains("parameter 'tracker'"), badTracker.err());

    Run extra = run("query", "trackers", data().toString(), "--param", "x=1");
    assertEquals(2, extra.code());
    assertTrue(extra.err().contains("has no parameter 'x'"), extra.err());

    Run format = run("query", "trackers", data().toString(), "--format", "yaml");
    assertEquals(2, format.code());
    assertTrue(format.err().contains("--format"), format.err());
  }

  @Test
  void runsAQueryFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("names.rq");
    Files.writeString(file, """
        # title: Names
        # param: tracker (tracker)
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?tracker ?name WHERE { ?tracker rdfs:label ?name } ORDER BY ?name
        """);
    Run r = run("query", file.toString(), data().toString(), "--param", "tracker=mparticle", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("mParticle"), r.out());
  }

  @Test
  void endpointGivesTheSameRowsAsInProcess() {
    String url = "http://localhost:" + fuseki.getHttpPort() + "/ds";
    for (String[] q : List.of(new String[] {"match-host", "host=api.mparticle.com"},
        new String[] {"tracker-profile", "tracker=mparticle"}, new String[] {"trackers", null})) {
      List<String> args = new ArrayList<>(List.of("query", q[0], "--format", "tsv"));
      if (q[1] != null) {
        args.addAll(List.of("--param", q[1]));
      }
      List<String> remote = new ArrayList<>(args);
      remote.addAll(List.of("--endpoint", url));
      List<String> local = new ArrayList<>(args);
      local.add(data().toString());
      Run r = run(remote.toArray(String[]::new));
      Run l = run(local.toArray(String[]::new));
      assertEquals(0, r.code(), r.err());
      assertEquals(0, l.code(), l.err());
      assertEquals(l.out(), r.out(), q[0]);
      assertTrue(r.out().lines().count() > 1, r.out());
    }
    Run down = run("query", "trackers", "--endpoint", "http://localhost:1/ds", "--timeout", "5");
    assertEquals(2, down.code(), down.err());
  }

  @Test
  void anEndpointErrorShowsItsStatusAndTheFirstLineOfItsBody() throws Exception {
    // what Virtuoso answers a query its compiler rejects: 500, a plain-text body of several lines
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/sparql", x -> {
      byte[] body = "\nVirtuoso 37000 Error SQ156: Internal Optimized compiler error\n\nSPARQL query:\nSELECT …\n"
          .getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "text/plain");
      x.sendResponseHeaders(500, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    try {
      Run r = run("query", "trackers", "--endpoint",
          "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql", "--timeout", "10");
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("HTTP 500"), r.err());
      assertTrue(r.err().contains("Virtuoso 37000 Error SQ156: Internal Optimized compiler error"), r.err());
      assertFalse(r.err().contains("SPARQL query:"), "only the first line of the body: " + r.err());
      assertFalse(r.err().contains("%20") || r.err().contains("query="), "no encoded request: " + r.err());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachableEndpointSaysConnectionRefusedInOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    Run r = run("query", "trackers", "--endpoint", "http://127.0.0.1:" + port + "/sparql", "--timeout", "10");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("connection refused"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("query="), r.err());
  }
}
