package org.trackerkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.DumpCache;
import org.trackerkg.publish.DumpManifest;
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
  void aRecordVouchesOnlyForTheDumpOfItsVersion(@TempDir Path dir) throws Exception {
    DatasetGraph seed = Pipeline.load(List.of(Path.of("src/test/seed")), BASE).dataset();
    DumpWriter.create().base(BASE).write(seed, dir);
    assertTrue(DumpCache.find(dir, "abc").isEmpty(), "no record in this version");
    DumpManifest m = DumpWriter.create().base(BASE).record(DumpCache.RECORD, DumpCache.record("abc", 7))
        .write(seed, dir);
    DumpCache.Hit hit = DumpCache.find(dir, "abc").orElseThrow();
    assertEquals(7, hit.dossiers());
    assertEquals(m.dir().resolve(DumpWriter.NAME + ".nq"), hit.nquads());
    assertTrue(DumpCache.find(dir, "abd").isEmpty(), "another input");
    // a newer version without a record (another writer): the record of the old version vouches for nothing now
    DatasetGraph other = Pipeline.load(List.of(Path.of("src/test/seed")), BASE).dataset();
    other.delete(other.find().next());
    DumpWriter.create().base(BASE).write(other, dir);
    assertTrue(DumpCache.find(dir, "abc").isEmpty(), "the current version has no record");
    // a record whose dump does not match the version's SHA256SUMS (tampered with) vouches for nothing
    DumpManifest again = DumpWriter.create().base(BASE).record(DumpCache.RECORD, DumpCache.record("abc", 7))
        .write(seed, dir);
    assertTrue(DumpCache.find(dir, "abc").isPresent());
    Path sums = again.dir().resolve(DumpWriter.SUMS);
    Files.writeString(sums, Files.readString(sums).replaceAll("(?m)^[0-9a-f]{64}(  tracker-kg\\.nq)$",
        "0".repeat(64) + "$1"));
    assertTrue(DumpCache.find(dir, "abc").isEmpty(), "SHA256SUMS disagrees with the record");
  }
}
