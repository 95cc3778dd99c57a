package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.base.Leftovers;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.store.ServedData;
import org.trackerkg.store.TdbStore;
import org.trackerkg.vocab.Iris;

/** Issue 21, item 16: leftovers of killed runs are swept at the next start; outputs get the umask's mode. */
class LeftoversTest {
  @TempDir Path dir;

  static void age(Path p, Duration by) throws Exception {
    Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(by)));
  }

  @Test
  void oldLeftoversOfOurOwnNamesAreSweptAndNothingElse() throws Exception {
    Path oldRun = Files.writeString(dir.resolve("tkg-sort-123.run"), "x");
    Path newRun = Files.writeString(dir.resolve("tkg-sort-456.run"), "x");
    Path oldDumps = Files.createDirectories(dir.resolve("tkg-dumps-789"));
    Files.writeString(oldDumps.resolve("tracker-kg.nt"), "x");
    Path other = Files.writeString(dir.resolve("other-sort-1.run"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("tkg-dumps-link"), other);
    for (Path p : List.of(oldRun, oldDumps, other)) {
      age(p, Duration.ofHours(7));
    }
    List<Path> removed = Leftovers.sweep(dir, List.of("tkg-sort-*.run", "tkg-dumps-*"), Leftovers.TEMP_MIN_AGE);
    assertEquals(2, removed.size(), removed.toString());
    assertFalse(Files.exists(oldRun));
    assertFalse(Files.exists(oldDumps));
    assertTrue(Files.exists(newRun), "a run going on beside this one keeps its files");
    assertTrue(Files.exists(other), "not our name");
    assertTrue(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "links are not followed or removed");
  }

  @Test
  void anInterruptedStartsInputIsRemovedFromTheStoreFolder() throws Exception {
    Path tdb = Files.createDirectories(dir.resolve("tdb"));
    Path left = Files.writeString(tdb.resolve(".input-12345.nq"), "<a:b> <a:c> <a:d> .\n");
    ServedData data = TdbStore.open(tdb, Pipeline.load(List.of(Path.of("src/test/seed")), Iris.DEFAULT_BASE)
        .dataset(), Iris.DEFAULT_BASE, null);
    try {
      assertFalse(Files.exists(left));
      try (var s = Files.list(tdb)) {
        assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".input-")));
      }
    } finally {
      data.close();
    }
  }

  @Test
  void outputsWrittenWithDashOGetTheUmasksMode() throws Exception {
    Path reference = Files.createFile(dir.resolve("reference")); // what the umask gives any new file
    Path out = dir.resolve("out.ttl");
    assertEquals(0, ConvertValidateCommandTest.run("convert", "data/dossiers/mparticle.md", "-o", out.toString())
        .code());
    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
  }
}
