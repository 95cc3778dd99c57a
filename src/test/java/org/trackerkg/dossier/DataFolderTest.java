package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.Corpus;
import org.trackerkg.base.Diagnostic;

/** {@code data/} is the published dataset: a folder walk finds every profile, the seed and the εxodus export. */
class DataFolderTest {
  @Test
  void theShippedDataFolderHoldsBothSourcesAndTheSeed() {
    ReadResult r = DossierReader.read(List.of(Corpus.project().resolve("data")), org.trackerkg.base.DiagnosticHandler.strict());
    assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).toList());
    long exodus = r.dossiers().stream().filter(d -> d.source().file().endsWith("trackers.json")).count();
    long profiles = r.dossiers().stream().filter(d -> d.source().file().contains("yale-tracker-profiles")).count();
    long seed = r.dossiers().stream().filter(d -> d.source().file().endsWith("dossiers/mparticle.md")).count();
    assertEquals(432, exodus);
    assertEquals(60, profiles);
    assertEquals(1, seed);
    assertEquals(493, r.dossiers().size(), "nothing else (SOURCES.md is documentation, not a dossier)");
  }

  @Test
  void aFolderWalkSkipsDocumentationAndReadsTheExodusExportByName(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("README.md"), "# About this folder\n");
    Files.writeString(dir.resolve("sources.MD"), "# Sources\n");
    Files.writeString(dir.resolve("TUNE.md"), "# TUNE\n\nA tracker whose name is in capitals.\n");
    Files.writeString(dir.resolve("other.json"), "{}");
    Files.copy(Corpus.exodusJson(), dir.resolve("trackers.json"));
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<String> files = DossierReader.files(List.of(dir), diagnostics).stream()
        .map(f -> Path.of(f).getFileName().toString()).toList();
    assertEquals(List.of("TUNE.md", "trackers.json"), files);
    assertTrue(diagnostics.isEmpty());
    assertFalse(DossierReader.isSourceFile(Path.of("x/LICENSE.txt")));
  }
}
