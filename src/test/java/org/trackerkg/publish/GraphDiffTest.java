package org.trackerkg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.trackerkg.vocab.Vocab;

class GraphDiffTest {
  static final Node APPBOY = Vocab.uri(Fixtures.BASE + "id/tracker/appboy");
  static final Node FLURRY = Vocab.uri(Fixtures.BASE + "id/tracker/flurry");
  static final Node G_FLURRY = Vocab.uri(Fixtures.BASE + "graph/exodus/flurry");
  static final Node G_APPBOY = Vocab.uri(Fixtures.BASE + "graph/profiles/appboy");

  /** OLD with a label changed, a clause's text removed, a new tracker and a document-level change. */
  static DatasetGraph changed() {
    DatasetGraph d = Fixtures.small();
    d.delete(G_FLURRY, FLURRY, Vocab.label, NodeFactory.createLiteralString("Flurry"));
    d.add(G_FLURRY, FLURRY, Vocab.label, NodeFactory.createLiteralString("Flurry Analytics"));
    Node clause = Vocab.uri(Fixtures.BASE + "id/tracker/appboy/clause/retention-1a2b3c4d");
    d.deleteAny(G_APPBOY, clause, Vocab.schemaText, Node.ANY);
    Node adjust = Vocab.uri(Fixtures.BASE + "id/tracker/adjust");
    Node gAdjust = Vocab.uri(Fixtures.BASE + "graph/exodus/adjust");
    d.add(gAdjust, adjust, Vocab.label, NodeFactory.createLiteralString("Adjust"));
    d.add(gAdjust, gAdjust, Vocab.foafPrimaryTopic, adjust);
    d.add(G_APPBOY, G_APPBOY, Vocab.dctTitle, NodeFactory.createLiteralString("Tracker profile: Braze"));
    return d;
  }

  @Test
  void equalDataHasNoDifferences() {
    GraphDiff diff = GraphDiff.compute(Fixtures.small(), Fixtures.reversed(Fixtures.small()));
    assertTrue(diff.isEmpty());
  }

  @Test
  void thePatchTurnsOldIntoNew() {
    DatasetGraph oldData = Fixtures.small();
    DatasetGraph newData = changed();
    GraphDiff diff = GraphDiff.compute(oldData, newData);
    assertEquals(2, diff.removed().size());
    assertEquals(4, diff.added().size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    diff.writePatch(out);
    RDFPatch patch = RDFPatchOps.read(new ByteArrayInputStream(out.toByteArray()));
    DatasetGraph applied = Fixtures.small();
    RDFPatchOps.applyChange(applied, patch);
    assertTrue(IsoMatcher.isomorphic(newData, applied), out.toString());
  }

  @Test
  void groupsChangesByTheTrackerTheyAreAbout() {
    GraphDiff diff = GraphDiff.compute(Fixtures.small(), changed());
    List<String> keys = diff.byTracker().stream().map(GraphDiff.Group::key).toList();
    assertEquals(List.of(APPBOY.getURI(), FLURRY.getURI(), Fixtures.BASE + "id/tracker/adjust").stream()
        .sorted(RdfOutput::compareCodePoints).toList(), keys);
    GraphDiff.Group appboy = diff.byTracker().stream().filter(g -> g.key().equals(APPBOY.getURI())).findFirst()
        .orElseThrow();
    assertEquals(1, appboy.removed().size(), "the clause text (under the tracker's IRI)");
    assertEquals(1, appboy.added().size(), "the document's title (a graph about the tracker)");
    StringWriter sw = new StringWriter();
    diff.writeText(new PrintWriter(sw));
    String text = sw.toString();
    assertTrue(text.contains("tracker:flurry  (-1 +1)"), text);
    assertTrue(text.contains("+ tracker:flurry rdfs:label \"Flurry Analytics\""), text);
    assertTrue(text.contains("2 removed, 4 added; 3 trackers changed"), text);
  }

  @Test
  void aTripleDumpIsComparedAsTheUnionGraph() {
    DatasetGraph quads = Fixtures.small();
    DatasetGraph triples = DatasetGraphFactory.create();
    quads.find().forEachRemaining(q -> triples.add(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(),
        q.getObject()));
    GraphDiff diff = GraphDiff.compute(quads, triples);
    assertTrue(diff.triplesOnly());
    assertTrue(diff.isEmpty());
    DatasetGraph changedTriples = DatasetGraphFactory.create();
    changed().find().forEachRemaining(q -> changedTriples.add(Quad.defaultGraphIRI, q.getSubject(),
        q.getPredicate(), q.getObject()));
    GraphDiff d2 = GraphDiff.compute(triples, changedTriples);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    d2.writePatch(out);
    DatasetGraph applied = DatasetGraphFactory.create();
    triples.find().forEachRemaining(applied::add);
    RDFPatchOps.applyChange(applied, RDFPatchOps.read(new ByteArrayInputStream(out.toByteArray())));
    assertTrue(IsoMatcher.isomorphic(changedTriples, applied), out.toString());
  }
}
