package org.trackerkg.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RdfOutputTest {
  private static byte[] write(DatasetGraph dsg, RdfOutput.Format f) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfOutput.write(dsg, f, Fixtures.BASE, out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(RdfOutput.Format.class)
  void roundTripsThroughJenaAndRio(RdfOutput.Format f) throws Exception {
    DatasetGraph dsg = Fixtures.small();
    byte[] data = write(dsg, f);

    DatasetGraph jena = DatasetGraphFactory.create();
    RDFParser.source(new ByteArrayInputStream(data)).lang(f.lang).parse(jena);
    Model rio = DumpVerifier.rio(data, DumpVerifier.rioFormat(f), Fixtures.BASE);
    if (f.quads) {
      assertTrue(IsoMatcher.isomorphic(dsg, jena), f + ": Jena reading keeps the named graphs");
      Model ref = DumpVerifier.rio(write(dsg, RdfOutput.Format.NQ), RDFFormat.NQUADS, Fixtures.BASE);
      assertEquals(DumpVerifier.countQuads(dsg), rio.size());
      assertTrue(Models.isomorphic(rio, ref), f + ": Rio reading keeps the named graphs");
      assertEquals(rio.contexts().size(), 3, "three named graphs");
    } else {
      Graph union = DumpVerifier.unionOf(dsg);
      assertTrue(jena.getDefaultGraph().isIsomorphicWith(union), f + ": Jena reading is the union graph");
      Model ref = DumpVerifier.rio(write(dsg, RdfOutput.Format.NT), RDFFormat.NTRIPLES, Fixtures.BASE);
      assertEquals(union.size(), rio.size());
      assertTrue(Models.isomorphic(rio, ref), f + ": Rio reading is the union graph");
    }
  }

  @ParameterizedTest
  @EnumSource(RdfOutput.Format.class)
  void sameBytesWhateverTheInsertionOrder(RdfOutput.Format f) throws Exception {
    DatasetGraph dsg = Fixtures.small();
    assertArrayEquals(write(dsg, f), write(Fixtures.reversed(dsg), f), f.toString());
    assertArrayEquals(write(dsg, f), write(dsg, f), f.toString());
  }

  @Test
  void jsonLdIsCompactedWithItsContextInline() throws Exception {
    String json = new String(write(Fixtures.small(), RdfOutput.Format.JSONLD), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"@context\""), json);
    assertTrue(json.contains("\"@version\": 1.1") || json.contains("\"@version\":1.1"), json);
    assertTrue(json.contains("\"tkg\": \"https://w3id.org/tracker-kg/ontology#\""), json);
    assertTrue(json.contains("tracker:appboy"), "compact IRIs: " + json);
    assertFalse(json.contains("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), "rdf:type as @type");
    // the context the server serves is the one inline
    String ctx = RdfOutput.jsonLdContextDocument(Fixtures.BASE);
    assertTrue(ctx.startsWith("{") && ctx.contains("\"@context\""), ctx);
    String head = ctx.substring(0, ctx.lastIndexOf("\n}")); // {"@context": {…}  without the closing brace
    assertTrue(json.startsWith(head + ","), "the served context is byte for byte the dump's inline one:\n" + ctx);
    assertEquals(RdfOutput.jsonLdContext(Fixtures.BASE).getString("tracker"),
        "https://w3id.org/tracker-kg/id/tracker/");
  }

  @Test
  void nTriplesAreSortedLines() throws Exception {
    String nt = new String(write(Fixtures.small(), RdfOutput.Format.NT), StandardCharsets.UTF_8);
    List<String> lines = List.of(nt.split("\n"));
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(RdfOutput::compareCodePoints);
    assertEquals(sorted, lines);
    assertEquals(lines.size(), lines.stream().distinct().count(), "no duplicates");
  }

  @Test
  void externalMergeSortGivesTheSameLinesAsTheInMemorySort() throws Exception {
    Random r = new Random(42);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      lines.add("<urn:x:" + r.nextInt(5000) + "> <urn:p> \"é" + (char) ('a' + r.nextInt(26)) + "\" .");
    }
    ByteArrayOutputStream inMemory = new ByteArrayOutputStream();
    RdfOutput.writeSorted(lines.iterator(), inMemory, Long.MAX_VALUE);
    ByteArrayOutputStream spilled = new ByteArrayOutputStream();
    RdfOutput.writeSorted(lines.iterator(), spilled, 10_000); // ~100 runs on disk
    assertArrayEquals(inMemory.toByteArray(), spilled.toByteArray());
    String[] out = inMemory.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(lines.stream().distinct().count(), out.length);
  }

  @Test
  void codePointOrderIsTheByteOrderOfUtf8() {
    // units from every range where UTF-16 order and code-point order part: ASCII, Latin-1, below and above the
    // surrogates, and astral characters (a surrogate pair each)
    String[] units = {"a", "z", "é", "\u0800", "\uD7FF", "\uE000", "\uFB01", "\uFFFD", "\uD83D\uDE00",
        "\uD800\uDC00", "\uDBFF\uDFFF", ""};
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder a = new StringBuilder();
      StringBuilder b = new StringBuilder();
      String common = units[r.nextInt(units.length)];
      a.append(common).append(units[r.nextInt(units.length)]).append(units[r.nextInt(units.length)]);
      b.append(common).append(units[r.nextInt(units.length)]).append(units[r.nextInt(units.length)]);
      int expected = Integer.signum(Arrays.compareUnsigned(a.toString().getBytes(StandardCharsets.UTF_8),
          b.toString().getBytes(StandardCharsets.UTF_8)));
      assertEquals(expected, Integer.signum(RdfOutput.compareCodePoints(a.toString(), b.toString())), a + " vs " + b);
    }
  }

  @Test
  void linesAreWhatJenaWritesForEachTerm() {
    Node s = NodeFactory.createURI("https://x.example/é?q=\"<>");
    Node p = NodeFactory.createURI("urn:p");
    for (Node o : List.of(NodeFactory.createLiteralString("a\"b\n\t\\ é 😀"),
        NodeFactory.createLiteralLang("x", "en-GB"),
        NodeFactory.createLiteralDT("12", XSDDatatype.XSDinteger),
        NodeFactory.createURI("urn:o"))) {
      Triple t = Triple.create(s, p, o);
      String jena = NodeFmtLib.strNT(s) + " " + NodeFmtLib.strNT(p)
          + " " + NodeFmtLib.strNT(o) + " .";
      assertEquals(jena, RdfOutput.ntLine(t));
      Node g = NodeFactory.createURI("urn:g");
      assertEquals(jena.substring(0, jena.length() - 1) + "<urn:g> .",
          RdfOutput.nqLine(Quad.create(g, t)));
    }
  }
}
