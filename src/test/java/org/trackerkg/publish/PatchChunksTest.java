package org.trackerkg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.Hashes;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/**
 * A patch split into chunks (the records of a big snapshot) and the state sum replicas check patches with: the chunks
 * applied in order give the same state as the whole patch; the sum is the documented one (recomputed here with
 * BigInteger from the sorted dump's lines), independent of order, and follows adds and deletes; the assembler takes a
 * split patch only complete and in order.
 */
class PatchChunksTest {
  static DatasetGraph corpus() {
    return Pipeline.load(List.of(java.nio.file.Path.of("data/sources/yale-tracker-profiles/AppsFlyer.md"),
        java.nio.file.Path.of("data/sources/yale-tracker-profiles/Appodeal.md")), Iris.DEFAULT_BASE).dataset();
  }

  @Test
  void chunksAppliedInOrderGiveTheWholeState() {
    DatasetGraph next = corpus();
    GraphDiff diff = GraphDiff.computeQuads(DatasetGraphFactory.create(), next);
    List<byte[]> chunks = diff.patchChunks(4096);
    assertTrue(chunks.size() > 3, "small chunks: " + chunks.size());
    DatasetGraph rebuilt = DatasetGraphFactory.createTxnMem();
    for (byte[] c : chunks) {
      assertTrue(new String(c, StandardCharsets.UTF_8).startsWith("TX"), "each chunk is a patch of its own");
      RDFPatchOps.applyChange(rebuilt, PatchLog.readPatch(c));
    }
    assertEquals(PatchLog.stateHash(next), org.apache.jena.system.Txn.calculateRead(rebuilt,
        () -> PatchLog.stateHash(rebuilt)));
    // one chunk when it fits: the bytes of the whole patch, and the same id as split
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    diff.writePatch(whole);
    List<byte[]> one = diff.patchChunks(Integer.MAX_VALUE);
    assertEquals(1, one.size());
    assertEquals(new String(whole.toByteArray(), StandardCharsets.UTF_8), new String(one.get(0),
        StandardCharsets.UTF_8));
    assertEquals(PatchLog.patchId("p", whole.toByteArray()), PatchLog.patchId("p", one));
  }

  @Test
  void stateSumIsTheDocumentedSumAndFollowsChanges() {
    DatasetGraph d = corpus();
    // the definition, recomputed apart: sum of SHA-256(line + "\n") mod 2^256 over the distinct dump lines
    TreeSet<String> lines = new TreeSet<>();
    d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> lines.add(NtLines.quad(q)));
    BigInteger expected = BigInteger.ZERO;
    for (String l : lines) {
      expected = expected.add(new BigInteger(Hashes.sha256Hex(l + "\n"), 16));
    }
    expected = expected.mod(BigInteger.TWO.pow(256));
    String hex = String.format("%064x", expected);
    StateSum sum = StateSum.of(d);
    assertEquals(hex, sum.hex());

    // order-independent; an add then a delete of the same quads comes back to where it was
    List<Quad> quads = new ArrayList<>();
    d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
    StateSum reversed = new StateSum();
    for (int i = quads.size() - 1; i >= 0; i--) {
      reversed.add(quads.get(i));
    }
    assertEquals(hex, reversed.hex());
    StateSum s = sum.copy();
    quads.subList(0, 50).forEach(s::remove);
    assertFalse(s.hex().equals(hex));
    DatasetGraph smaller = DatasetGraphFactory.create();
    quads.subList(50, quads.size()).forEach(smaller::add);
    assertEquals(StateSum.of(smaller).hex(), s.hex());
    quads.subList(0, 50).forEach(s::add);
    assertEquals(hex, s.hex());
    assertEquals(StateSum.EMPTY, StateSum.of(DatasetGraphFactory.create()).hex());
    // wraps around 2^256 both ways
    StateSum w = new StateSum();
    w.remove(quads.get(0));
    w.add(quads.get(0));
    assertEquals(StateSum.EMPTY, w.hex());
  }

  @Test
  void assemblerTakesASplitPatchOnlyCompleteAndInOrder() {
    PatchLog.PatchHeader h = new PatchLog.PatchHeader("p1", "", "a".repeat(64), Iris.DEFAULT_BASE, "t",
        "b".repeat(64));
    List<byte[]> chunks = List.of(bytes("TX .\nTC .\n"), bytes("TX .\nTC .\n"), bytes("TX .\nTC .\n"));
    List<ConsumerRecord<String, byte[]>> records = consumed(PatchLog.records("t", h, chunks));
    assertEquals(5, records.size());

    PatchLog.Assembler a = new PatchLog.Assembler();
    List<PatchLog.Part> parts = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      PatchLog.Piece p = a.next(r);
      parts.add(p.part());
      assertEquals(h, p.header());
    }
    assertEquals(List.of(PatchLog.Part.BEGIN, PatchLog.Part.CHUNK, PatchLog.Part.CHUNK, PatchLog.Part.CHUNK,
        PatchLog.Part.END), parts);
    assertFalse(a.inPatch());

    // a chunk missing
    PatchLog.Assembler missing = new PatchLog.Assembler();
    missing.next(records.get(0));
    missing.next(records.get(1));
    var e = assertThrows(IllegalArgumentException.class, () -> missing.next(records.get(3)));
    assertTrue(e.getMessage().contains("chunk 3 of patch p1 where chunk 2 of 3 was expected"), e.getMessage());
    // the end before every chunk came
    PatchLog.Assembler early = new PatchLog.Assembler();
    early.next(records.get(0));
    early.next(records.get(1));
    early.next(records.get(2));
    e = assertThrows(IllegalArgumentException.class, () -> early.next(records.get(4)));
    assertTrue(e.getMessage().contains("after 2 chunks, but 3 were announced"), e.getMessage());
    // a chunk without its begin record
    e = assertThrows(IllegalArgumentException.class, () -> new PatchLog.Assembler().next(records.get(2)));
    assertTrue(e.getMessage().contains("without its begin record"), e.getMessage());
    // another patch before this one's end
    PatchLog.PatchHeader h2 = new PatchLog.PatchHeader("p2", "p1", "c".repeat(64), Iris.DEFAULT_BASE, "t");
    ConsumerRecord<String, byte[]> other = consumed(PatchLog.records("t", h2, List.of(bytes("TX .\nTC .\n"))))
        .get(0);
    PatchLog.Assembler interleaved = new PatchLog.Assembler();
    interleaved.next(records.get(0));
    e = assertThrows(IllegalArgumentException.class, () -> interleaved.next(other));
    assertTrue(e.getMessage().contains("chunks missing or out of order"), e.getMessage());
    // a whole patch is one piece, with an empty state sum when its publisher wrote none
    PatchLog.Piece whole = new PatchLog.Assembler().next(other);
    assertEquals(PatchLog.Part.WHOLE, whole.part());
    assertEquals("", whole.header().stateSum());
  }

  /** The records as a consumer reads them (offsets in order, the same headers and bytes). */
  static List<ConsumerRecord<String, byte[]>> consumed(List<ProducerRecord<String, byte[]>> sent) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    long offset = 10;
    for (ProducerRecord<String, byte[]> p : sent) {
      ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(p.topic(), 0, offset++, p.key(), p.value());
      p.headers().forEach(hd -> r.headers().add(hd));
      out.add(r);
    }
    return out;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
