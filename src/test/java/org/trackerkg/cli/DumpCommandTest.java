package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tkg dump} through the real entry point, on the seed dossier. */
class DumpCommandTest {
  static final String SEED = "data/dossiers/mparticle.md";
  @TempDir Path dir;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  private static List<String> names(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void dumpsVerifiesAndRerunsToTheSameBytes() throws Exception {
    Path a = dir.resolve("a");
    assertEquals(0, run("dump", SEED, "--out", a.toString(), "--version", "1.0", "--verify"), err.toString());
    assertTrue(err.toString().contains("the dump verifies"), err.toString());
    assertTrue(out.toString().contains("tracker-kg.nq"), out.toString());
    List<String> files = List.of("SHA256SUMS", "ontology.ttl", "shapes.ttl", "tracker-kg.jsonld",
        "tracker-kg.jsonld.gz", "tracker-kg.nq", "tracker-kg.nq.gz", "tracker-kg.nt", "tracker-kg.nt.gz",
        "tracker-kg.trig", "tracker-kg.trig.gz", "tracker-kg.ttl", "tracker-kg.ttl.gz", "void.ttl");
    assertEquals(files, names(a.resolve("current")), "the current version holds the dump files");
    List<String> top = new java.util.ArrayList<>(files);
    top.addAll(List.of("current", "versions"));
    assertEquals(top.stream().sorted().toList(), names(a), "and each is also at DIR/NAME (a link through current)");
    assertTrue(err.toString().contains("versions"), err.toString());
    Path b = dir.resolve("b");
    assertEquals(0, run("dump", SEED, "--out", b.toString(), "--version", "1.0"), err.toString());
    for (String n : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
    }
    // a rerun over the same folder publishes a new version of the same bytes
    assertEquals(0, run("dump", SEED, "--out", a.toString(), "--version", "1.0"), err.toString());
    assertEquals(2, names(a.resolve("versions")).size());
    for (String n : files) {
      assertArrayEquals(Files.readAllBytes(b.resolve(n)), Files.readAllBytes(a.resolve(n)), n);
    }
    String v = Files.readString(a.resolve("void.ttl"));
    assertTrue(v.contains("\"1.0\""), v);
    assertTrue(v.contains("<https://w3id.org/tracker-kg/dumps/>") && v.contains("dumps:tracker-kg.nt.gz"), v);
  }

  @Test
  void verifyFailsOnATamperedDump() throws Exception {
    Path a = dir.resolve("a");
    assertEquals(0, run("dump", SEED, "--out", a.toString()), err.toString());
    // a dump written by one run, checked against the data by a second run with --verify after tampering
    Path ttl = a.resolve("tracker-kg.ttl");
    Files.writeString(ttl, Files.readString(ttl).replace("mParticle", "mParticel"));
    assertEquals(0, run("dump", SEED, "--out", a.toString(), "--verify"), err.toString());
    // the rerun rewrote the tampered file; now tamper with what --verify reads, via a hook-free route: void.ttl
    Files.writeString(a.resolve("tracker-kg.nq"), "<urn:x> <urn:y> <urn:z> .\n", java.nio.file.StandardOpenOption.APPEND);
    org.trackerkg.pipeline.Pipeline.Loaded loaded = org.trackerkg.pipeline.Pipeline.load(List.of(Path.of(SEED)),
        org.trackerkg.vocab.Iris.DEFAULT_BASE);
    var r = org.trackerkg.publish.DumpVerifier.verify(a, loaded.dataset(), org.trackerkg.vocab.Iris.DEFAULT_BASE);
    assertFalse(r.ok());
    assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("tracker-kg.nq: sha256")), r.problems()::toString);
  }

  @Test
  void modifiedIsTakenFromTheOption() throws Exception {
    assertEquals(0, run("dump", SEED, "--out", dir.toString(), "--modified", "2024-02-29"), err.toString());
    assertTrue(Files.readString(dir.resolve("void.ttl")).contains("\"2024-02-29\"^^xsd:date"));
    assertEquals(2, run("dump", SEED, "--out", dir.toString(), "--modified", "yesterday"));
    assertTrue(err.toString().contains("--modified"), err.toString());
  }

  @Test
  void outIsRequiredAndUnreadableInputIsRefused() throws Exception {
    assertEquals(2, run("dump", SEED));
    assertEquals(2, run("dump", dir.resolve("missing.md").toString(), "--out", dir.resolve("d").toString()));
    assertFalse(Files.exists(dir.resolve("d").resolve("tracker-kg.nt")));
  }
}
