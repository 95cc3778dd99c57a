package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.base.Diagnostic;

/** One bad file gives an error for that file only; encodings and line ends do not change the facts. */
class ReaderErrorsTest {
  @TempDir Path dir;

  @Test
  void badFilesAreReportedAndTheOthersRead() throws IOException {
    Path good = Files.copy(SeedDossierTest.SEED, dir.resolve("a-good.md"));
    Files.write(dir.resolve("b-empty.md"), new byte[0]);
    Files.write(dir.resolve("c-binary.md"), new byte[] {'#', ' ', 'X', 0, 1, 2});
    Files.write(dir.resolve("d-latin1.md"), "# Caf\u00e9\nok\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("e-noname.md"), "Just some text without a heading.\n");
    Files.writeString(dir.resolve("ignored.rtf"), "not a dossier");
    ReadResult r = DossierReader.read(List.of(dir, dir.resolve("missing.md")));
    assertEquals(1, r.dossiers().size());
    assertEquals(good.toString(), r.dossiers().get(0).source().file());
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(5, errors.size(), errors.toString());
    for (String f : List.of("b-empty.md", "c-binary.md", "d-latin1.md", "e-noname.md", "missing.md")) {
      assertTrue(errors.stream().anyMatch(e -> e.file().endsWith(f)), f + " " + errors);
    }
    assertTrue(errors.stream().filter(e -> e.file().endsWith("d-latin1.md")).findFirst().orElseThrow().toString().contains(":1: error: not valid UTF-8"));
  }

  @Test
  void unreadableFile() throws IOException {
    Path f = Files.copy(SeedDossierTest.SEED, dir.resolve("locked.md"));
    assertTrue(f.toFile().setReadable(false));
    try {
      ReadResult r = DossierReader.read(List.of(f));
      if (Files.isReadable(f)) {
        return;  // running as root: permissions do not apply
      }
      assertTrue(r.hasErrors());
      assertTrue(r.diagnostics().get(0).message().startsWith("cannot read"), r.diagnostics().toString());
    } finally {
      f.toFile().setReadable(true);
    }
  }

  @Test
  void bomAndCrlfGiveTheSameFacts() throws IOException {
    String seed = Files.readString(SeedDossierTest.SEED, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("bom.md"), "\uFEFF" + seed, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("crlf.md"), seed.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    Dossier base = SeedDossierTest.seed();
    ReadResult r = DossierReader.read(List.of(dir.resolve("bom.md"), dir.resolve("crlf.md")));
    assertFalse(r.hasErrors());
    for (Dossier d : r.dossiers()) {
      assertEquals(strip(base), strip(d));
    }
  }

  /** The dossier without its source (file name and checksum differ). */
  private static Dossier strip(Dossier d) {
    return d.toBuilder().source(null).build();
  }
}
