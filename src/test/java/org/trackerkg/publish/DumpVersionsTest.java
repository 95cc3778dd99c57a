package org.trackerkg.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dump versions ({@link DumpFolder}): each dump a complete folder, {@code current} switched in one step, older
 * versions kept for their readers, a failure at any step of the switch leaving one whole version current.
 */
class DumpVersionsTest {
  @TempDir Path tmp;

  /** The seed's data minus {@code n} quads: a different dataset (and so a different dump) for each n. */
  static DatasetGraph variant(int n) {
    DatasetGraph d = Fixtures.small();
    for (int i = 0; i < n; i++) {
      d.delete(d.find().next());
    }
    return d;
  }

  static List<String> versions(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(DumpFolder.VERSIONS))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every file SHA256SUMS lists in {@code v} hashes as listed, and the sums cover every dump file. */
  static void assertWhole(Path v) throws IOException {
    List<String> lines = Files.readAllLines(v.resolve(DumpWriter.SUMS), StandardCharsets.UTF_8);
    assertEquals(DumpWriter.create().fileNames().size() - 1, lines.size(), v + ": SHA256SUMS lists every file");
    for (String l : lines) {
      assertEquals(l.substring(0, 64), DumpVerifier.sha256(v.resolve(l.substring(66))), v + ": " + l);
    }
  }

  @Test
  void eachDumpIsANewVersionAndTwoPreviousAreKept() throws Exception {
    Path dir = tmp.resolve("dumps");
    List<DumpManifest> written = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      written.add(DumpWriter.create().version("v" + i).write(variant(i), dir));
      assertEquals(written.get(i).id(), DumpFolder.current(dir).id());
      assertTrue(DumpVerifier.verify(dir, variant(i), Fixtures.BASE).ok(), "version " + i + " is current");
    }
    assertEquals(written.subList(1, 4).stream().map(DumpManifest::id).toList(), versions(dir),
        "the current version and the two before it; the oldest removed after the switch");
    for (DumpManifest m : written.subList(1, 4)) {
      assertWhole(m.dir());
    }
    // the older paths follow current by themselves
    assertArrayEquals(Files.readAllBytes(written.get(3).dir().resolve("tracker-kg.nq")),
        Files.readAllBytes(dir.resolve("tracker-kg.nq")));
    // the same dump again is a new version of the same bytes
    DumpManifest again = DumpWriter.create().version("v3").write(variant(3), dir);
    assertNotEquals(written.get(3).id(), again.id());
    assertEquals(List.of(written.get(2).id(), written.get(3).id(), again.id()), versions(dir));
    assertEquals(Files.readString(written.get(3).dir().resolve(DumpWriter.SUMS)),
        Files.readString(again.dir().resolve(DumpWriter.SUMS)));
  }

  @Test
  void aReaderOfTheOldVersionReadsItWholeWhileANewOneIsSwitchedIn() throws Exception {
    Path dir = tmp.resolve("dumps");
    DatasetGraph old = variant(0);
    DumpWriter.create().version("old").write(old, dir);
    DumpFolder.Version held = DumpFolder.current(dir); // a reader resolves the version once
    byte[] oldNq = Files.readAllBytes(held.file("tracker-kg.nq"));
    byte[] read;
    try (InputStream in = Files.newInputStream(held.file("tracker-kg.nq"))) {
      byte[] first = in.readNBytes(oldNq.length / 2);
      for (int i = 1; i <= 2; i++) { // two new versions switched in while it reads: still kept
        DumpWriter.create().version("new" + i).write(variant(i), dir);
      }
      byte[] rest = in.readAllBytes();
      read = new byte[first.length + rest.length];
      System.arraycopy(first, 0, read, 0, first.length);
      System.arraycopy(rest, 0, read, first.length, rest.length);
    }
    assertNotEquals(held.id(), DumpFolder.current(dir).id());
    assertArrayEquals(oldNq, read, "the open file kept the old version's bytes");
    assertWhole(held.dir());
    DumpVerifier.Report r = DumpVerifier.verify(held.dir(), old, Fixtures.BASE);
    assertTrue(r.ok(), () -> "the held version reads as it was:\n" + String.join("\n", r.problems()));
    assertTrue(DumpVerifier.verify(dir, variant(2), Fixtures.BASE).ok(), "current is the newest");
  }

  @Test
  void aFailureAtAnyStepOfTheSwitchLeavesOneWholeVersionCurrent() throws Exception {
    Path dir = tmp.resolve("dumps");
    // a folder of plain files from an older layout, then three versions, so that a write removes one
    DumpWriter.create().version("v0").write(variant(0), dir);
    DumpWriter.create().version("v1").write(variant(1), dir);
    DumpWriter.create().version("v2").write(variant(2), dir);
    List<String> steps = new ArrayList<>();
    DumpWriter.create().version("probe").steps(steps::add).write(variant(3), tmp.resolve("probe"));
    DumpWriter.create().version("probe").steps(steps::add).write(variant(4), tmp.resolve("probe"));
    List<String> kinds = steps.stream().map(s -> s.replaceAll(" .*", "")).distinct().toList();
    assertEquals(List.of("version", "switched", "linked", "pruned"), kinds.stream().filter(k -> !k.equals("removed"))
        .toList(), steps.toString());
    int n = 3;
    for (String failAt : List.of("version", "switched", "linked", "removed", "pruned")) {
      DatasetGraph before = variant(n - 1);
      String beforeId = DumpFolder.current(dir).id();
      DatasetGraph next = variant(n);
      int k = n;
      IOException e = assertThrows(IOException.class, () -> DumpWriter.create().version("v" + k).steps(step -> {
        if (step.startsWith(failAt)) {
          throw new IOException("injected at " + step);
        }
      }).write(next, dir), failAt);
      assertTrue(e.getMessage().contains("injected"));
      DumpFolder.Version v = DumpFolder.current(dir);
      assertNotNull(v, failAt);
      boolean switched = !v.id().equals(beforeId);
      assertEquals(!failAt.equals("version"), switched, "switched once its version was complete: " + failAt);
      assertWhole(v.dir());
      DumpVerifier.Report r = DumpVerifier.verify(dir, switched ? next : before, Fixtures.BASE);
      assertTrue(r.ok(), () -> failAt + ":\n" + String.join("\n", r.problems()));
      assertTrue(versions(dir).contains(v.id()));
      if (switched) {
        n++;
      }
    }
    // a complete run after the failures tidies up: three versions, the newest current
    DumpManifest m = DumpWriter.create().version("last").write(variant(9), dir);
    assertEquals(DumpFolder.KEEP_PREVIOUS + 1, versions(dir).size(), versions(dir).toString());
    assertEquals(m.id(), versions(dir).get(versions(dir).size() - 1));
  }

  @Test
  void aFolderOfPlainFilesIsMigratedToLinks() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("dumps"));
    for (String n : DumpWriter.create().fileNames()) {
      Files.writeString(dir.resolve(n), "old layout\n");
    }
    Files.writeString(dir.resolve(".tkg-input"), "an old record\n");
    assertEquals(null, DumpFolder.current(dir).id(), "plain files: the folder is its own version");
    DumpManifest m = DumpWriter.create().write(variant(0), dir);
    for (String n : DumpWriter.create().fileNames()) {
      assertTrue(Files.isSymbolicLink(dir.resolve(n)), n);
      assertArrayEquals(Files.readAllBytes(m.dir().resolve(n)), Files.readAllBytes(dir.resolve(n)), n);
    }
    assertTrue(Files.exists(dir.resolve(".tkg-input")), "files of no dump name are left alone");
  }

  @Test
  void whereLinksCannotBeMadeAPointerFileNamesTheVersion() throws Exception {
    Path dir = tmp.resolve("dumps");
    DumpManifest a = DumpWriter.create().links(false).version("a").write(variant(0), dir);
    DumpManifest b = DumpWriter.create().links(false).version("b").write(variant(1), dir);
    assertFalse(Files.exists(dir.resolve(DumpFolder.LINK), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals(b.id(), Files.readString(dir.resolve(DumpFolder.POINTER)).strip());
    assertEquals(b.id(), DumpFolder.current(dir).id());
    assertEquals(List.of(a.id(), b.id()), versions(dir));
    assertTrue(DumpVerifier.verify(dir, variant(1), Fixtures.BASE).ok());
  }

  @Test
  void recordsTravelWithTheirVersion() throws Exception {
    Path dir = tmp.resolve("dumps");
    DumpManifest m = DumpWriter.create().record("replication.json", files -> ("{\"n\": "
        + files.size() + "}\n").getBytes(StandardCharsets.UTF_8)).write(variant(0), dir);
    assertEquals("{\"n\": " + m.files().size() + "}", Files.readString(m.dir().resolve("replication.json")).strip());
    assertFalse(Files.readString(m.dir().resolve(DumpWriter.SUMS)).contains("replication.json"),
        "a record is no dump file");
    // the same files with another record: another version
    DumpManifest other = DumpWriter.create().record("replication.json", files -> "{}\n".getBytes(
        StandardCharsets.UTF_8)).write(variant(0), dir);
    assertNotEquals(m.id(), other.id());
    assertEquals("{}", Files.readString(dir.resolve("replication.json")).strip());
    assertThrows(IllegalArgumentException.class, () -> DumpWriter.create().record("../x", f -> new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> DumpWriter.create().record("SHA256SUMS", f -> new byte[0]));
  }
}
