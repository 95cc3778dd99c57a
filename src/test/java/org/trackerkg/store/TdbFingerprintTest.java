package org.trackerkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** The TDB2 store's input identity: the same quads in any order are the same input; any change is a new one. */
class TdbFingerprintTest {
  private static final DatasetGraph SEED = Pipeline.load(List.of(Path.of("src/test/seed")), Iris.DEFAULT_BASE)
      .dataset();

  private static DatasetGraph copy(List<Quad> quads) {
    DatasetGraph d = DatasetGraphFactory.createTxnMem();  // another kind of dataset: another iteration order
    quads.forEach(d::add);
    return d;
  }

  @Test
  void orderDoesNotMatter() {
    List<Quad> quads = new ArrayList<>();
    SEED.find().forEachRemaining(quads::add);
    Collections.reverse(quads);
    assertEquals(TdbStore.fingerprint(SEED, Iris.DEFAULT_BASE), TdbStore.fingerprint(copy(quads), Iris.DEFAULT_BASE));
  }

  @Test
  void everyChangeIsANewInput() {
    String seed = TdbStore.fingerprint(SEED, Iris.DEFAULT_BASE);
    assertNotEquals(seed, TdbStore.fingerprint(SEED, "https://example.org/"), "another base");
    List<Quad> quads = new ArrayList<>();
    SEED.find().forEachRemaining(quads::add);
    Quad first = quads.get(0);
    List<Quad> fewer = new ArrayList<>(quads.subList(1, quads.size()));
    assertNotEquals(seed, TdbStore.fingerprint(copy(fewer), Iris.DEFAULT_BASE), "a quad less");
    List<Quad> moved = new ArrayList<>(fewer);
    moved.add(Quad.create(NodeFactory.createURI(first.getGraph().getURI() + "x"), first.asTriple()));
    assertNotEquals(seed, TdbStore.fingerprint(copy(moved), Iris.DEFAULT_BASE), "a quad in another graph");
    List<Quad> lang = new ArrayList<>(fewer);
    lang.add(Quad.create(first.getGraph(), first.getSubject(), first.getPredicate(),
        NodeFactory.createLiteralLang("a", "en")));
    List<Quad> plain = new ArrayList<>(fewer);
    plain.add(Quad.create(first.getGraph(), first.getSubject(), first.getPredicate(),
        NodeFactory.createLiteralString("a")));
    assertNotEquals(TdbStore.fingerprint(copy(lang), Iris.DEFAULT_BASE),
        TdbStore.fingerprint(copy(plain), Iris.DEFAULT_BASE), "a language tag");
  }
}
