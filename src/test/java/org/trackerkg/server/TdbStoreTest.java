package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.store.TdbStore;
import org.trackerkg.vocab.Iris;

/** TDB2: the first start loads, a restart with the same input reuses, a changed input loads anew. */
class TdbStoreTest {
  static long count(TrackerServer s, String query) throws Exception {
    HttpResponse<String> r = Fixture.get(s, "/sparql?query=" + Fixture.enc(query), "Accept",
        "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    return ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON).next().getLiteral("n").getLong();
  }

  @Test
  void loadReuseReload(@TempDir Path tdb, @TempDir Path extra) throws Exception {
    DatasetGraph seed = Fixture.seed();
    long triples = seed.getUnionGraph().size();

    TrackerServer first = Fixture.server(seed).tdb(tdb).build().start();
    String db1;
    try {
      assertTrue(first.loadedFromScratch());
      db1 = TdbStore.currentName(tdb);
      assertEquals(triples, count(first, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "union default graph");
      assertEquals(triples, first.data().triples(), "the pages' summary (taken from the input) counts the same");
      assertEquals(org.apache.jena.atlas.iterator.Iter.count(seed.listGraphNodes()), first.data().sources().size());
      assertTrue(count(first, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") >= triples);
      assertEquals(303, Fixture.get(first, "/id/tracker/mparticle").statusCode());
    } finally {
      first.stop();
    }

    TrackerServer second = Fixture.server(Fixture.seed()).tdb(tdb).build().start();
    try {
      assertFalse(second.loadedFromScratch(), "unchanged input: not reloaded");
      assertEquals(db1, TdbStore.currentName(tdb));
      assertEquals(triples, count(second, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
    } finally {
      second.stop();
    }

    Files.copy(Path.of("data/dossiers/mparticle.md"), extra.resolve("mparticle.md"));
    Files.writeString(extra.resolve("other.md"), "# Tracker Name\nOtherTrack\n\n# In εxodus?\nNo\n\n"
        + "## Website\n[https://other.example](https://other.example)\n", StandardCharsets.UTF_8);
    DatasetGraph changed = Pipeline.load(List.of(extra), Iris.DEFAULT_BASE).dataset();
    TrackerServer third = Fixture.server(changed).tdb(tdb).build().start();
    try {
      assertTrue(third.loadedFromScratch(), "changed input: loaded anew");
      String db2 = TdbStore.currentName(tdb);
      assertNotEquals(db1, db2);
      assertFalse(Files.exists(tdb.resolve(db1)), "the old database is removed");
      assertEquals(changed.getUnionGraph().size(), count(third, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
    } finally {
      third.stop();
    }
  }
}
