package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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

  @Test
  void fiftyMegabytesOnOneLineAreNotRead() throws Exception {
    // real bytes this time, not a sparse file: the size check must come before anything reads the line
    Path f = dir.resolve("oneline.md");
    byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(f)) {
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
    }
    Files.copy(SeedDossierTest.SEED, dir.resolve("ok.md"));
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DossierReader.read(List.of(dir)));
    assertEquals(1, r.dossiers().size(), "the other file is still read");
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("oneline.md")
        && d.message().equals("larger than the 16 MiB limit (" + (50L << 20) + " bytes); not read")),
        r.diagnostics().toString());
  }

  @Test
  void aMillionListItemsAreNotRead() throws Exception {
    // 4 MB, under the size limit: refused by the list-item count before commonmark builds a tree for it
    Files.writeString(dir.resolve("items.md"), "# Items\n\n## Products and Services\n" + "- a\n".repeat(1_000_000));
    Files.copy(SeedDossierTest.SEED, dir.resolve("ok.md"));
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DossierReader.read(List.of(dir)));
    assertEquals(1, r.dossiers().size(), "the other file is still read");
    assertTrue(r.dossiers().get(0).source().file().endsWith("ok.md"));
    // items start on line 4: the 100 001st is on line 100 004
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("items.md")
        && d.line() == 100_004 && d.message().equals("more than 100 000 list items (the limit for one file); not read")),
        r.diagnostics().toString());
  }

  @Test
  void aMillionNestedListMarkersOnOneLineAreCounted() throws Exception {
    ReadResult r = readAlone("nested.md", "# Nested\n\n## Products and Services\n" + "* ".repeat(1_000_000) + "deep\n");
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.line() == 4
        && d.message().startsWith("more than 100 000 list items")), r.diagnostics().toString());
  }

  @Test
  void listItemsOfAllDescriptionsInAnExodusFileCountTogether() throws Exception {
    // two descriptions of 60 000 items: each under the limit, the file over it
    String items = "- a\\n".repeat(60_000);
    Files.writeString(dir.resolve("trackers.json"), "{\"trackers\": {\n"
        + "\"1\": {\"id\": 1, \"name\": \"One\", \"description\": \"" + items + "\"},\n"
        + "\"2\": {\"id\": 2, \"name\": \"Two\", \"description\": \"" + items + "\"}\n}}\n");
    Files.copy(SeedDossierTest.SEED, dir.resolve("ok.md"));
    // a folder walk reads dossier files only: an εxodus file is named
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> DossierReader.read(List.of(dir.resolve("trackers.json"), dir)));
    assertEquals(1, r.dossiers().size(), r.diagnostics().toString());
    assertTrue(r.dossiers().get(0).source().file().endsWith("ok.md"));
    // the second tracker's entry is on line 3 of the JSON; the 40 001st item of its description crosses
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("trackers.json")
        && d.line() == 3 && d.message().equals("tracker 2: more than 100 000 list items (the limit for one file);"
        + " not read (description line 40001)")), r.diagnostics().toString());
  }

  /** Each file alone: a dossier or an error diagnostic naming it, never an exception, within a bounded time. */
  private ReadResult readAlone(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> DossierReader.read(List.of(f)));
    assertTrue(r.dossiers().size() == 1
        || r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith(name)), r.diagnostics().toString());
    assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().startsWith("internal reader error")),
        r.diagnostics().toString());
    return r;
  }

  @Test
  void tenThousandNestedListLevelsOnOneLine() throws Exception {
    // the seed itself nests products as "* * * _Title:_": 10 000 levels of it
    ReadResult r = readAlone("nested.md", "# Nested\n\n## Products and Services\n" + "* ".repeat(10_000) + "deep\n");
    assertTrue(r.dossiers().isEmpty() == r.hasErrors(), r.diagnostics().toString());
  }

  @Test
  void tenThousandNestedQuotes() throws Exception {
    readAlone("quote.md", "# Quote\n\n## About\n" + "> ".repeat(10_000) + "deep\n");
  }

  @Test
  void aMillionCharacterLineAndManyListItems() throws Exception {
    StringBuilder sb = new StringBuilder("# Many\n\n## About\n").append("x".repeat(1_000_000)).append("\n\n");
    sb.append("## Relationships\n_Customers:_ ");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i == 0 ? "" : " / ").append("Org").append(i);
    }
    sb.append("\n\n## Products and Services\n");
    for (int i = 0; i < 100_000; i++) {
      sb.append("* item ").append(i).append('\n');
    }
    ReadResult r = readAlone("many.md", sb.toString());
    assertEquals(1, r.dossiers().size());
    assertEquals(20_000, r.dossiers().get(0).customers().size(), "nothing dropped");
    assertEquals(100_000, r.dossiers().get(0).products().size(), "nothing dropped");
  }

  @Test
  void nulBytesAndInvalidUtf8AreErrorsForThatFileOnly() throws Exception {
    Files.write(dir.resolve("nul.md"), "# Nul\n\n## About\nabc\u0000def\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(dir.resolve("bad.md"), new byte[] {'#', ' ', 'B', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    Files.copy(SeedDossierTest.SEED, dir.resolve("ok.md"));
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DossierReader.read(List.of(dir)));
    assertEquals(1, r.dossiers().size());
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("nul.md")), r.diagnostics().toString());
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("bad.md")), r.diagnostics().toString());
  }

  @Test
  void symlinkLoopsDoNotHang() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.copy(SeedDossierTest.SEED, sub.resolve("ok.md"));
    try {
      Files.createSymbolicLink(sub.resolve("loop"), dir);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("cannot make a symbolic link here: " + e);
    }
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DossierReader.read(List.of(dir)));
    assertTrue(r.dossiers().size() >= 1, r.diagnostics().toString());
  }

  @Test
  void filesThatCannotBeReadAreNamedAndTheOthersRead() throws Exception {
    // as root, permissions do not stop reading: a link to nowhere and a FIFO are files no one can read
    Files.copy(SeedDossierTest.SEED, dir.resolve("ok.md"));
    Files.createSymbolicLink(dir.resolve("broken.md"), dir.resolve("nowhere.md"));
    Path fifo = dir.resolve("pipe.md");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    boolean haveFifo = mk.waitFor() == 0;
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DossierReader.read(List.of(dir)));
    assertEquals(1, r.dossiers().size(), "the readable one");
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("broken.md")
        && d.message().equals("broken symbolic link, skipped")), r.diagnostics().toString());
    if (haveFifo) {
      assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("pipe.md")
          && d.message().equals("not a regular file, skipped")), r.diagnostics().toString());
      // named directly, a FIFO would block the reader for ever: it is refused
      ReadResult direct = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> DossierReader.read(List.of(fifo, dir.resolve("ok.md"))));
      assertEquals(1, direct.dossiers().size());
      assertTrue(direct.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("pipe.md")),
          direct.diagnostics().toString());
    }
  }
}
