package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tkg diff} through the real entry point: dossier inputs and dump files. */
class DiffCommandTest {
  @TempDir Path dir;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  Path oldMd;
  Path newMd;

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  @BeforeEach
  void versions() throws Exception {
    String seed = Files.readString(Path.of("data/dossiers/mparticle.md"));
    oldMd = Files.createDirectories(dir.resolve("old")).resolve("mparticle.md");
    newMd = Files.createDirectories(dir.resolve("new")).resolve("mparticle.md");
    Files.writeString(oldMd, seed);
    String changed = seed.replace("United States (New York)", "United States (Boston)");
    assertTrue(!changed.equals(seed), "the fixture change applies");
    Files.writeString(newMd, changed);
  }

  @Test
  void equalInputsExitZero() {
    assertEquals(0, run("diff", oldMd.toString(), oldMd.toString()), err.toString());
    assertTrue(out.toString().contains("0 removed, 0 added"), out.toString());
  }

  @Test
  void differentInputsExitOneAndThePatchTurnsOldIntoNew() throws Exception {
    Path patch = dir.resolve("change.rdfp");
    assertEquals(1, run("diff", oldMd.toString(), newMd.toString(), "--patch", patch.toString()), err.toString());
    String text = out.toString();
    assertTrue(text.contains("tracker:mparticle"), text);
    assertTrue(text.contains("Boston"), text);
    // dump both, then diff the dump files: the same change, and the patch applies to the old dump
    assertEquals(0, run("dump", oldMd.toString(), "--out", dir.resolve("d1").toString()), err.toString());
    assertEquals(0, run("dump", newMd.toString(), "--out", dir.resolve("d2").toString()), err.toString());
    Path p2 = dir.resolve("dumps.rdfp");
    assertEquals(1, run("diff", dir.resolve("d1/tracker-kg.nq.gz").toString(),
        dir.resolve("d2/tracker-kg.trig").toString(), "--patch", p2.toString()), err.toString());
    DatasetGraph oldData = DatasetGraphFactory.create();
    RDFParser.source(dir.resolve("d1/tracker-kg.nq")).parse(oldData);
    DatasetGraph newData = DatasetGraphFactory.create();
    RDFParser.source(dir.resolve("d2/tracker-kg.nq")).parse(newData);
    RDFPatchOps.applyChange(oldData, RDFPatchOps.read(Files.newInputStream(p2)));
    assertTrue(IsoMatcher.isomorphic(newData, oldData));
    assertEquals(Files.readString(patch), Files.readString(p2), "same patch from dossiers and from dumps");
  }

  @Test
  void aTripleDumpAgainstAQuadDumpComparesUnionGraphs() {
    assertEquals(0, run("dump", oldMd.toString(), "--out", dir.resolve("d1").toString()), err.toString());
    assertEquals(0, run("diff", dir.resolve("d1/tracker-kg.nt").toString(),
        dir.resolve("d1/tracker-kg.jsonld").toString()), out.toString());
  }

  @Test
  void badInputExitsTwo() throws Exception {
    assertEquals(2, run("diff", oldMd.toString(), dir.resolve("nope.ttl").toString()));
    Path bad = dir.resolve("bad.ttl");
    Files.writeString(bad, "this is not turtle");
    assertEquals(2, run("diff", bad.toString(), oldMd.toString()));
    assertTrue(err.toString().contains("bad.ttl"), err.toString());
    assertEquals(2, run("diff", oldMd.toString()));
  }
}
