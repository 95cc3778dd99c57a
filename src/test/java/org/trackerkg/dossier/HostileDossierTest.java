package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile dossier files: each gives a dossier or a file:line diagnostic, in bounded time and memory. */
class HostileDossierTest {
  @TempDir Path dir;

  @Test
  void hugeSparseFileIsNotRead() throws Exception {
    Path f = dir.resolve("huge.md");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(2L << 30);
    }
    Path ok = dir.resolve("ok.md");
    Files.copy(SeedDossierTest.SEED, ok);
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DossierReader.read(List.of(dir)));
    assertEquals(1, r.dossiers().size(), "the other file is still read");
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("huge.md")
        && d.message().equals("larger than the 16 MiB limit (" + (2L << 30) + " bytes); not read")),
        r.diagnostics().toString());
  }
}
