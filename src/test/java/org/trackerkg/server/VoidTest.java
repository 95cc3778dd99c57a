package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.vocab.Vocab;

/** The VoID/DCAT description: parses, counts what is served, names endpoint, dumps and licences. */
class VoidTest {
  static Node v(String local) {
    return ViewBuilder.uri(Vocab.VOID + local);
  }

  @Test
  void voidDescribesTheServedData(@TempDir Path dumps) throws Exception {
    Files.writeString(dumps.resolve("tracker-kg.ttl"), "<urn:a> <urn:b> <urn:c> .\n");
    TrackerServer server = Fixture.server(Fixture.seed()).dumpsDir(dumps).build().start();
    try {
      for (String path : new String[] {"/void", "/.well-known/void"}) {
        HttpResponse<String> r = Fixture.get(server, path);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), "Turtle by default");
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        Triple sparql = g.find(Node.ANY, v("sparqlEndpoint"), Node.ANY).next();
        Node ds = sparql.getSubject();
        assertEquals(server.url() + "sparql", sparql.getObject().getURI());
        long triples = Long.parseLong(g.find(ds, v("triples"), Node.ANY).next().getObject().getLiteralLexicalForm());
        HttpResponse<String> count = Fixture.get(server, "/sparql?query="
            + Fixture.enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
        long n = ResultSetMgr.read(new ByteArrayInputStream(count.body().getBytes(StandardCharsets.UTF_8)),
            ResultSetLang.RS_JSON).next().getLiteral("n").getLong();
        assertEquals(n, triples);
        assertEquals(server.dataset().getUnionGraph().size(), triples);
        assertTrue(g.contains(ds, v("classPartition"), Node.ANY));
        assertTrue(g.contains(ds, v("propertyPartition"), Node.ANY));
        assertTrue(g.contains(ds, v("entities"), Node.ANY));
        assertTrue(g.contains(ds, v("exampleResource"), ViewBuilder.uri(LinkedDataTest.MPARTICLE)));
        assertTrue(g.contains(ds, v("dataDump"), ViewBuilder.uri(server.url() + "dumps/tracker-kg.ttl")));
        assertTrue(g.contains(ds, Vocab.dctLicense, ViewBuilder.uri("https://creativecommons.org/licenses/by-sa/4.0/")));
        assertTrue(g.contains(ds, ViewBuilder.uri(Vocab.DCT + "modified"), Node.ANY));
        assertTrue(g.contains(ds, v("uriSpace"), Node.ANY));
        assertTrue(g.contains(ds, v("vocabulary"), ViewBuilder.uri(org.trackerkg.vocab.TKG.NS)));
      }
      HttpResponse<String> jsonld = Fixture.get(server, "/void", "Accept", "application/ld+json");
      Graph j = GraphFactory.createDefaultGraph();
      RDFParser.fromString(jsonld.body(), Lang.JSONLD).parse(j);
      assertFalse(j.isEmpty());
      HttpResponse<String> page = Fixture.get(server, "/void", "Accept", "text/html,*/*;q=0.8");
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    } finally {
      server.stop();
    }
  }

  /** /void and the dump's void.ttl come from one builder: after the server's URL is read as the base, every triple
   * /void states is in void.ttl (same entities, same data date, same media type IRIs, same sizes and checksums). */
  @Test
  void voidAndTheDumpsVoidAgree(@TempDir Path dumps) throws Exception {
    var dsg = Fixture.seed();
    dsg.add(ViewBuilder.uri(org.trackerkg.vocab.Iris.DEFAULT_BASE + "graph/test-date"),
        ViewBuilder.uri(LinkedDataTest.MPARTICLE), org.trackerkg.vocab.TKG.exodusCreated.asNode(),
        org.apache.jena.graph.NodeFactory.createLiteralDT("2021-03-04",
            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
    org.trackerkg.publish.DumpWriter.create().base(org.trackerkg.vocab.Iris.DEFAULT_BASE).write(dsg, dumps);
    Graph dumped = GraphFactory.createDefaultGraph();
    RDFParser.source(dumps.resolve("void.ttl")).lang(Lang.TURTLE).parse(dumped);
    TrackerServer server = Fixture.server(dsg).dumpsDir(dumps).build().start();
    try {
      HttpResponse<String> r = Fixture.get(server, "/void", "Accept", "application/n-triples");
      assertEquals(200, r.statusCode());
      String nt = r.body().replace("<" + server.url(), "<" + org.trackerkg.vocab.Iris.DEFAULT_BASE);
      Graph served = GraphFactory.createDefaultGraph();
      RDFParser.fromString(nt, Lang.NTRIPLES).parse(served);
      java.util.List<Triple> missing = served.find().filterDrop(dumped::contains).toList();
      assertEquals(java.util.List.of(), missing, "stated by /void, not by void.ttl");
      Node ds = ViewBuilder.uri(org.trackerkg.publish.VoidDescription.datasetIri(
          org.trackerkg.vocab.Iris.DEFAULT_BASE));
      for (Node p : new Node[] {v("entities"), v("triples"), v("distinctSubjects"), v("distinctObjects"),
          v("classes"), v("properties"), ViewBuilder.uri(Vocab.DCT + "modified")}) {
        assertTrue(served.contains(ds, p, Node.ANY), p.toString());
      }
      assertTrue(served.contains(ds, ViewBuilder.uri(Vocab.DCT + "modified"), org.apache.jena.graph.NodeFactory
          .createLiteralDT("2021-03-04", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
      assertTrue(served.contains(Node.ANY, ViewBuilder.uri(Vocab.DCAT + "mediaType"),
          ViewBuilder.uri(org.trackerkg.publish.VoidDescription.IANA_MEDIA + "application/n-quads")));
    } finally {
      server.stop();
    }
  }
}
