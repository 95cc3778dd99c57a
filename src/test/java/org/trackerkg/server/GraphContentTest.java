package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.vocab.Iris;

/**
 * One source's graph over HTTP: {@code /graph/{source}/{slug}} as TriG and N-Quads (its content), the Graph Store
 * Protocol's read-only {@code GET /sparql?graph=IRI} (writes refused), and the media types clients send that used to
 * get 406 ({@code text/plain}, {@code application/json}, {@code text/n3}, {@code application/x-turtle}, the quad
 * syntaxes). Real HTTP, read back by RDF4J Rio and Jena.
 */
class GraphContentTest {
  static DatasetGraph data;
  static TrackerServer server;
  /** A source document's named graph and its path on the server. */
  static Node graph;
  static String graphPath;

  @BeforeAll
  static void start() {
    data = Fixture.seed();
    server = Fixture.server(data).build().start();
    graph = data.listGraphNodes().next();
    assertTrue(graph.getURI().startsWith(Iris.DEFAULT_BASE + "graph/"), graph.getURI());
    graphPath = "/" + graph.getURI().substring(Iris.DEFAULT_BASE.length());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aSourceGraphIsServedWholeAsTrigAndNQuads() throws Exception {
    long size = data.getGraph(graph).size();
    assertTrue(size > 10, "the seed's graph has content: " + size);
    for (String[] t : new String[][] {{"application/trig", "TRIG"}, {"application/n-quads", "NQUADS"}}) {
      HttpResponse<String> r = Fixture.get(server, graphPath, "Accept", t[0]);
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(t[0]), r.headers().toString());
      RDFFormat rio = t[1].equals("TRIG") ? RDFFormat.TRIG : RDFFormat.NQUADS;
      Model m = Rio.parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), "", rio);
      assertEquals(size, m.size(), t[0]);
      assertEquals(1, m.contexts().size(), "one named graph: " + m.contexts());
      assertEquals(SimpleValueFactory.getInstance().createIRI(graph.getURI()), m.contexts().iterator().next());
    }
    // by suffix too, and the same bytes
    HttpResponse<String> nq = Fixture.get(server, graphPath + ".nq");
    assertEquals(200, nq.statusCode());
    assertEquals(Fixture.get(server, graphPath, "Accept", "application/n-quads").body(), nq.body());
    // Turtle (and the other triple syntaxes) still describe the document, not its content
    HttpResponse<String> ttl = Fixture.get(server, graphPath, "Accept", "text/turtle");
    Graph described = RDFParser.fromString(ttl.body(), Lang.TURTLE).toGraph();
    assertTrue(described.size() < size, "description " + described.size() + " vs content " + size);
  }

  @Test
  void graphStoreProtocolReadsOneGraphAndRefusesWrites() throws Exception {
    String gsp = "/sparql?graph=" + Fixture.enc(graph.getURI());
    HttpResponse<String> r = Fixture.get(server, gsp, "Accept", "text/turtle");
    assertEquals(200, r.statusCode(), r.body());
    Graph got = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
    assertTrue(got.isIsomorphicWith(data.getGraph(graph)), "the named graph, whole");
    HttpResponse<String> nt = Fixture.get(server, gsp, "Accept", "application/n-triples");
    assertEquals(200, nt.statusCode());
    assertTrue(RDFParser.fromString(nt.body(), Lang.NTRIPLES).toGraph().isIsomorphicWith(data.getGraph(graph)));
    // a browser asking for the graph gets data too, not the query page
    HttpResponse<String> browser = Fixture.get(server, gsp, "Accept", "text/html,*/*;q=0.8");
    assertEquals(200, browser.statusCode());
    assertFalse(browser.body().contains("<form"), browser.body());
    assertEquals(404, Fixture.get(server, "/sparql?graph=" + Fixture.enc(Iris.DEFAULT_BASE + "graph/no/such"),
        "Accept", "text/turtle").statusCode());
    // writes: refused, and the graph is unchanged
    for (String method : List.of("PUT", "POST", "DELETE")) {
      HttpResponse<String> w = Fixture.send(HttpRequest.newBuilder(URI.create(server.url() + gsp.substring(1)))
          .method(method, HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> ."))
          .header("Content-Type", "text/turtle").build());
      assertEquals(405, w.statusCode(), method + " " + w.body());
    }
    HttpResponse<String> after = Fixture.get(server, gsp, "Accept", "text/turtle");
    assertTrue(RDFParser.fromString(after.body(), Lang.TURTLE).toGraph().isIsomorphicWith(data.getGraph(graph)));
  }

  @Test
  void mediaTypesThatUsedToGet406() throws Exception {
    String doc = "/doc/tracker/mparticle";
    String nTriples = Fixture.get(server, doc, "Accept", "application/n-triples").body();
    String turtle = Fixture.get(server, doc, "Accept", "text/turtle").body();
    String jsonLd = Fixture.get(server, doc, "Accept", "application/ld+json").body();
    // text/plain: N-Triples (as LodView answers), under the type asked for, with its own ETag
    HttpResponse<String> plain = Fixture.get(server, doc, "Accept", "text/plain");
    assertEquals(200, plain.statusCode());
    assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertEquals(nTriples, plain.body());
    assertNotEquals(Fixture.get(server, doc, "Accept", "application/n-triples").headers().firstValue("ETag"),
        plain.headers().firstValue("ETag"));
    assertEquals(304, Fixture.get(server, doc, "Accept", "text/plain", "If-None-Match",
        plain.headers().firstValue("ETag").orElseThrow()).statusCode());
    // application/json: JSON-LD
    HttpResponse<String> json = Fixture.get(server, doc, "Accept", "application/json");
    assertEquals(200, json.statusCode());
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(jsonLd, json.body());
    Rio.parse(new ByteArrayInputStream(json.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.JSONLD);
    // text/n3 and application/x-turtle: Turtle (which is N3)
    for (String t : List.of("text/n3", "application/x-turtle")) {
      HttpResponse<String> r = Fixture.get(server, doc, "Accept", t);
      assertEquals(200, r.statusCode(), t);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(t), r.headers().toString());
      assertEquals(turtle, r.body(), t);
    }
    // a thing's document as quads: each triple in the source graphs that state it
    HttpResponse<String> quads = Fixture.get(server, doc, "Accept", "application/n-quads");
    assertEquals(200, quads.statusCode());
    Model q = Rio.parse(new ByteArrayInputStream(quads.body().getBytes(StandardCharsets.UTF_8)), "",
        RDFFormat.NQUADS);
    Model t = Rio.parse(new ByteArrayInputStream(nTriples.getBytes(StandardCharsets.UTF_8)), "", RDFFormat.NTRIPLES);
    assertFalse(q.contexts().isEmpty());
    assertTrue(q.contexts().stream().allMatch(c -> c != null && c.stringValue().startsWith(Iris.DEFAULT_BASE
        + "graph/")), q.contexts().toString());
    assertEquals(t.size(), q.filter(null, null, null).stream().map(s -> List.of(s.getSubject(), s.getPredicate(),
        s.getObject())).distinct().count(), "every triple of the document, in its graphs");
    // documents of one graph asked for as quads: Turtle as TriG, N-Triples as N-Quads (default graph)
    HttpResponse<String> voidTrig = Fixture.get(server, "/void", "Accept", "application/trig");
    assertEquals(200, voidTrig.statusCode());
    assertTrue(voidTrig.headers().firstValue("Content-Type").orElse("").startsWith("application/trig"));
    assertFalse(RDFParser.fromString(voidTrig.body(), Lang.TRIG).toDatasetGraph().getDefaultGraph().isEmpty());
    HttpResponse<String> ontoNq = Fixture.get(server, "/ontology", "Accept", "application/n-quads");
    assertEquals(200, ontoNq.statusCode());
    assertFalse(RDFParser.fromString(ontoNq.body(), Lang.NQUADS).toDatasetGraph().getDefaultGraph().isEmpty());
    HttpResponse<String> sd = Fixture.get(server, "/sparql", "Accept", "text/plain");
    assertEquals(200, sd.statusCode());
    assertFalse(RDFParser.fromString(sd.body(), Lang.NTRIPLES).toGraph().isEmpty());
    // what nothing fits is still 406
    assertEquals(406, Fixture.get(server, doc, "Accept", "image/png").statusCode());
  }
}
