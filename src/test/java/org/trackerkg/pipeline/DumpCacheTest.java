package org.trackerkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.DumpCache;
import org.trackerkg.publish.DumpWriter;

/** The dump directory as a cache of the conversion: fingerprints and records. */
class DumpCacheTest {
  static final String BASE = "https://w3id.org/tracker-kg/";

  @Test
  void theFingerprintFollowsContentBaseAndFileSet(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in/sub"));
    Files.writeString(in.resolve("a.md"), "# A\n");
    List<Path> inputs = List.of(tmp.resolve("in"));
    String f = DumpCache.fingerprint(inputs, BASE).orElseThrow();
    assertEquals(f, DumpCache.fingerprint(inputs, BASE).orElseThrow(), "stable");
    assertNotEquals(f, DumpCache.fingerprint(inputs, "https://other.example/").orElseThrow(), "base");
    Files.writeString(in.resolve("a.md"), "# B\n");
    String g = DumpCache.fingerprint(inputs, BASE).orElseThrow();
    assertNotEquals(f, g, "same size, other content");
    Files.writeString(in.resolve("b.md"), "");
    assertNotEquals(g, DumpCache.fingerprint(inputs, BASE).orElseThrow(), "a new (even empty) file");
    assertEquals(Optional.empty(), DumpCache.fingerprint(List.of(tmp.resolve("missing")), BASE));
  }

  @Test
  void aSymbolicLinkLoopMeansNoFingerprint(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.createSymbolicLink(in.resolve("loop"), in);
    assertEquals(Optional.empty(), DumpCache.fingerprint(List.of(in), BASE));
  }

  @Test
  void aRecordVouchesOnlyForTheDumpItWasWrittenFor(@TempDir Path dir) throws Exception {
    Path nq = dir.resolve(DumpWriter.NAME + ".nq");
    Files.writeString(nq, "<urn:s> <urn:p> <urn:o> <urn:g> .\n");
    Files.writeString(dir.resolve(DumpWriter.SUMS), "x\n");
    assertTrue(DumpCache.find(dir, "abc").isEmpty(), "no record yet");
    DumpCache.record(dir, "abc", 7);
    DumpCache.Hit hit = DumpCache.find(dir, "abc").orElseThrow();
    assertEquals(7, hit.dossiers());
    assertEquals(nq, hit.nquads());
    assertTrue(DumpCache.find(dir, "abd").isEmpty(), "another input");
    Files.setLastModifiedTime(nq, FileTime.fromMillis(Files.getLastModifiedTime(nq).toMillis() - 5_000));
    assertTrue(DumpCache.find(dir, "abc").isEmpty(), "the dump was rewritten since");
    DumpCache.record(dir, "abc", 7);
    Files.delete(dir.resolve(DumpWriter.SUMS));
    assertTrue(DumpCache.find(dir, "abc").isEmpty(), "an incomplete dump");
    Files.writeString(dir.resolve(DumpWriter.SUMS), "x\n");
    DumpCache.forget(dir);
    assertTrue(DumpCache.find(dir, "abc").isEmpty(), "forgotten");
  }
}
