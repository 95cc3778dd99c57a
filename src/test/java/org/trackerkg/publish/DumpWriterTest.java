package org.trackerkg.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.vocab.Vocab;

class DumpWriterTest {
  @TempDir Path tmp;

  /** The files of the current version of {@code dir}. */
  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> m = new HashMap<>();
    try (Stream<Path> s = Files.list(DumpFolder.current(dir).dir())) {
      for (Path p : s.toList()) {
        m.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  @Test
  void writesEveryFileAndVerifies() throws Exception {
    DatasetGraph dsg = Fixtures.small();
    DumpWriter w = DumpWriter.create().base(Fixtures.BASE).version("1.0");
    DumpManifest m = w.write(dsg, tmp.resolve("dumps"));
    assertEquals(w.fileNames(), m.files().stream().map(DumpFile::name).toList());
    Path dir = tmp.resolve("dumps");
    assertEquals(dir.resolve("versions").resolve(m.id()), m.dir());
    assertEquals(Path.of("versions", m.id()), Files.readSymbolicLink(dir.resolve("current")));
    try (Stream<Path> s = Files.list(m.dir())) {
      assertEquals(w.fileNames().stream().sorted().toList(),
          s.map(p -> p.getFileName().toString()).sorted().toList(), "exactly the dump files");
    }
    try (Stream<Path> s = Files.list(dir.resolve("versions"))) {
      assertEquals(List.of(m.id()), s.map(p -> p.getFileName().toString()).toList(), "one version, nothing staged");
    }
    for (String n : w.fileNames()) {
      assertEquals(Path.of("current", n), Files.readSymbolicLink(dir.resolve(n)), "the older path links through current");
    }
    DumpVerifier.Report r = DumpVerifier.verify(tmp.resolve("dumps"), dsg, Fixtures.BASE);
    assertTrue(r.ok(), () -> String.join("\n", r.problems()));
    assertEquals(DumpVerifier.countQuads(dsg), m.file("tracker-kg.nq").orElseThrow().statements());
    assertEquals(DumpVerifier.unionOf(dsg).size(), m.file("tracker-kg.ttl.gz").orElseThrow().statements());
  }

  @Test
  void sha256sumsIsInSha256sumFormatSortedByName() throws Exception {
    DumpManifest m = DumpWriter.create().write(Fixtures.small(), tmp);
    List<String> lines = Files.readAllLines(tmp.resolve("SHA256SUMS"));
    assertEquals(m.files().size() - 1, lines.size());
    List<String> names = lines.stream().map(l -> l.substring(66)).toList();
    assertEquals(names.stream().sorted().toList(), names);
    for (String l : lines) {
      assertTrue(l.matches("[0-9a-f]{64}  [A-Za-z0-9.-]+"), l);
      assertEquals(DumpVerifier.sha256(tmp.resolve(l.substring(66))), l.substring(0, 64));
    }
  }

  @Test
  void sameInputSameBytes() throws Exception {
    DatasetGraph dsg = Fixtures.small();
    DumpWriter.create().version("2").write(dsg, tmp.resolve("a"));
    DumpWriter.create().version("2").write(Fixtures.reversed(dsg), tmp.resolve("b"));
    Map<String, byte[]> a = contents(tmp.resolve("a"));
    Map<String, byte[]> b = contents(tmp.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name), b.get(name), name);
    }
    assertTrue(a.containsKey("void.ttl") && a.containsKey("SHA256SUMS") && a.containsKey("tracker-kg.nq.gz"));
  }

  @Test
  void gzipHeaderHasNoTimeNorName() throws Exception {
    DumpWriter.create().write(Fixtures.small(), tmp);
    byte[] gz = Files.readAllBytes(tmp.resolve("tracker-kg.nt.gz"));
    assertEquals(0x1f, gz[0] & 0xff);
    assertEquals(0x8b, gz[1] & 0xff);
    assertEquals(0, gz[3], "no FNAME/FCOMMENT/FEXTRA flags");
    assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "mtime 0");
  }

  @Test
  void aFailureMidWriteLeavesThePreviousDumpWhole() throws Exception {
    Path dir = tmp.resolve("dumps");
    DumpWriter.create().version("1").write(Fixtures.small(), dir);
    Map<String, byte[]> before = contents(dir);

    DatasetGraph changed = Fixtures.small();
    changed.delete(changed.find().next());
    for (int failAt : new int[] {1, 4, 9, 14}) {
      IOException e = assertThrows(IOException.class, () -> DumpWriter.create().version("2")
          .hook((name, n) -> {
            if (n == failAt) {
              throw new IOException("disk full (injected) after " + name);
            }
          }).write(changed, dir));
      assertTrue(e.getMessage().contains("injected"));
      Map<String, byte[]> after = contents(dir);
      assertEquals(before.keySet(), after.keySet(), "no partial or temporary file left (failure at " + failAt + ")");
      try (Stream<Path> s = Files.list(dir.resolve("versions"))) {
        assertEquals(1, s.count(), "no staging folder, no new version (failure at " + failAt + ")");
      }
      for (String name : before.keySet()) {
        assertArrayEquals(before.get(name), after.get(name), name + " unchanged (failure at " + failAt + ")");
      }
    }
    assertTrue(DumpVerifier.verify(dir, Fixtures.small(), Fixtures.BASE).ok(), "the old dump still verifies");
  }

  @Test
  void aStagingFolderLeftByAKilledRunIsRemoved() throws Exception {
    Path stale = Files.createDirectories(tmp.resolve(".tmp-dump-12345"));
    Files.writeString(stale.resolve("tracker-kg.nt"), "partial");
    Path staleVersion = Files.createDirectories(tmp.resolve("versions/.tmp-dump-678"));
    Files.writeString(staleVersion.resolve("tracker-kg.nt"), "partial");
    DumpWriter.create().write(Fixtures.small(), tmp);
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(staleVersion));
  }

  @Test
  void verifyFindsATamperedFile() throws Exception {
    DatasetGraph dsg = Fixtures.small();
    DumpWriter.create().write(dsg, tmp);
    Path nt = tmp.resolve("tracker-kg.nt");
    String text = Files.readString(nt);
    Files.writeString(nt, text.replace("Flurry", "Flurri"));
    DumpVerifier.Report r = DumpVerifier.verify(tmp, dsg, Fixtures.BASE);
    assertFalse(r.ok());
    String all = String.join("\n", r.problems());
    assertTrue(all.contains("tracker-kg.nt: sha256"), all);
    assertTrue(all.contains("tracker-kg.nt: Jena's reading is not isomorphic"), all);
    assertTrue(all.contains("tracker-kg.nt.gz: does not decompress to tracker-kg.nt"), all);
  }

  @Test
  void verifyFindsADatasetThatDiffersFromTheDump() throws Exception {
    DatasetGraph dsg = Fixtures.small();
    DumpWriter.create().write(dsg, tmp);
    DatasetGraph other = Fixtures.small();
    other.delete(other.find().next());
    DumpVerifier.Report r = DumpVerifier.verify(tmp, other, Fixtures.BASE);
    assertFalse(r.ok());
    assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("tracker-kg.trig: Rio")), r.problems()::toString);
  }

  @Test
  void voidDescribesEveryFileWithCountsSizesAndChecksums() throws Exception {
    DatasetGraph dsg = Fixtures.small();
    DumpManifest m = DumpWriter.create().base(Fixtures.BASE).version("3.1").modified(LocalDate.of(2024, 5, 1))
        .write(dsg, tmp);
    Graph v = GraphFactory.createDefaultGraph();
    RDFParser.source(tmp.resolve("void.ttl")).lang(Lang.TURTLE).parse(v);
    Node ds = Vocab.uri(VoidDescription.datasetIri(Fixtures.BASE));
    assertTrue(v.contains(ds, Vocab.uri(Vocab.DCT + "hasVersion"), lit("3.1")));
    assertTrue(v.contains(ds, Vocab.uri(Vocab.OWL + "versionInfo"), lit("3.1")));
    assertTrue(v.contains(ds, Vocab.uri(Vocab.DCT + "modified"),
        org.apache.jena.graph.NodeFactory.createLiteralDT("2024-05-01",
            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
    for (DumpFile f : m.files()) {
      if (!f.isRdf() || f.name().equals("void.ttl")) {
        continue;
      }
      Node d = Vocab.uri(Fixtures.BASE + "void#dist-" + f.name());
      assertTrue(v.contains(ds, Vocab.uri(Vocab.DCAT + "distribution"), d), f.name());
      assertTrue(v.contains(d, Vocab.uri(Vocab.DCAT + "downloadURL"), Vocab.uri(Fixtures.BASE + "dumps/" + f.name())));
      assertEquals(Long.toString(Files.size(tmp.resolve(f.name()))),
          v.find(d, Vocab.uri(Vocab.DCAT + "byteSize"), Node.ANY).next().getObject().getLiteralLexicalForm());
      assertEquals(Long.toString(f.statements()),
          v.find(d, Vocab.uri(Vocab.VOID + "triples"), Node.ANY).next().getObject().getLiteralLexicalForm());
    }
    // sources with their licences; the Wikidata linkset, counted
    assertTrue(v.contains(Vocab.uri(Fixtures.BASE + "void#source-profiles"), Vocab.uri(Vocab.DCT + "license"),
        Vocab.uri("https://creativecommons.org/licenses/by-sa/4.0/")));
    assertTrue(v.contains(Vocab.uri(Fixtures.BASE + "void#source-exodus"), Vocab.uri(Vocab.DCT + "license"),
        Vocab.uri("https://opendatacommons.org/licenses/odbl/1-0/")));
    Node linkset = Vocab.uri(Fixtures.BASE + "void#linkset-wikidata");
    assertTrue(v.contains(linkset, Vocab.uri(Vocab.VOID + "triples"),
        org.apache.jena.graph.NodeFactory.createLiteralDT("1",
            org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
    assertTrue(v.contains(ds, Vocab.uri(Vocab.VOID + "vocabulary"), Vocab.uri(Vocab.SCHEMA)));
    assertTrue(v.find(ds, Vocab.uri(Vocab.VOID + "classPartition"), Node.ANY).hasNext());
    assertTrue(v.find(ds, Vocab.uri(Vocab.VOID + "propertyPartition"), Node.ANY).hasNext());
    assertFalse(v.find().toList().stream().anyMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank()),
        "no blank nodes");
  }

  @Test
  void modifiedDefaultsToTheNewestExodusDateNotTheClock() throws Exception {
    DumpWriter.create().write(Fixtures.small(), tmp);
    String v = Files.readString(tmp.resolve("void.ttl"), StandardCharsets.UTF_8);
    assertTrue(v.contains("\"2017-10-12\"^^xsd:date"), v);
  }

  @Test
  void ontologyAndShapesAreTheClasspathResources() throws Exception {
    DumpWriter.create().write(Fixtures.small(), tmp);
    try (InputStream in = getClass().getResourceAsStream("/org/trackerkg/ontology/tracker.ttl")) {
      assertArrayEquals(in.readAllBytes(), Files.readAllBytes(tmp.resolve("ontology.ttl")));
    }
    try (InputStream in = getClass().getResourceAsStream("/org/trackerkg/ontology/shapes.ttl")) {
      assertArrayEquals(in.readAllBytes(), Files.readAllBytes(tmp.resolve("shapes.ttl")));
    }
  }

  private static Node lit(String s) {
    return org.apache.jena.graph.NodeFactory.createLiteralString(s);
  }
}
