package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Iris;

/** One RDF format registry and one sort order, whether a file is dumped, listed under /dumps/ or negotiated. */
class FormatRegistryTest {

  @Test
  void everyNameResolvesTheSameEverywhere() {
    for (RdfOutput.Format f : RdfOutput.Format.values()) {
      assertEquals(f, RdfOutput.Format.parse(f.extension));
      assertEquals(f, RdfOutput.Format.byExtension(f.extension));
      assertEquals(f, RdfOutput.Format.byMediaType(f.mediaType));
      assertEquals(f.contentType(), DumpsServlet.mediaType("tracker-kg." + f.extension));
    }
    for (String name : List.of("rdf", "rdfxml", "rdf-xml", "xml")) {
      assertEquals(RdfOutput.Format.RDFXML, RdfOutput.Format.parse(name), name);
      assertEquals(RdfFormat.RDFXML, RdfFormat.byName(name), name);
    }
    assertEquals(RdfFormat.TURTLE, RdfFormat.byName("turtle"));
    assertEquals(RdfFormat.RDFXML, RdfFormat.byExtension("rdf"));
    assertNull(RdfFormat.byExtension("rdfxml"), "a document suffix is a file extension");
    assertEquals(RdfFormat.HTML, RdfFormat.byExtension("html"));
    for (RdfFormat f : RdfFormat.values()) {
      if (f != RdfFormat.HTML) {
        assertEquals(f.syntax.contentType(), f.contentType());
        assertEquals(f, RdfFormat.byMediaType(f.syntax.mediaType));
      }
    }
    assertEquals("application/gzip", DumpsServlet.mediaType("tracker-kg.nq.gz"));
    assertEquals("text/plain; charset=utf-8", DumpsServlet.mediaType("SHA256SUMS"));
  }

  @Test
  void servedDocumentsAreSortedByCodePointLikeTheDumps() {
    Graph g = GraphFactory.createDefaultGraph();
    var s = NodeFactory.createURI(Iris.DEFAULT_BASE + "id/tracker/x");
    var p = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    // U+FFFD sorts before U+1D538 by code point, after it by UTF-16 unit (String.compareTo)
    for (String v : List.of("\uFFFD", "\uD835\uDD38", "a", "Z")) {
      g.add(s, p, NodeFactory.createLiteralString(v));
    }
    String nt = new String(RdfFormat.NTRIPLES.write(g, Iris.DEFAULT_BASE), StandardCharsets.UTF_8);
    assertEquals(RdfOutput.sortedTriples(g), Arrays.asList(nt.split("\n")));
  }
}
