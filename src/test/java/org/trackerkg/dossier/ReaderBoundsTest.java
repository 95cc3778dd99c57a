package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;

/** Issue 21, items 9 and 13: bounds the reader keeps where a file's text is read, before any section is parsed. */
class ReaderBoundsTest {
  @TempDir Path dir;

  /** The seed dossier with its network signature line replaced. */
  static String seedWithNetworkSignature(String signature) throws Exception {
    return Files.readString(SeedDossierTest.SEED).replace("Network signature: `mparticle\\.com`",
        "Network signature: `mparticle\\.com`\n*   Network signature: `" + signature + "`");
  }

  @Test
  void aMegabyteSignatureIsAnErrorForThatSignatureFoundFast() throws Exception {
    Path f = dir.resolve("long.md");
    Files.writeString(f, seedWithNetworkSignature("a".repeat(1_000_000)));
    // validation used to be quadratic in the signature (a 1 MB one over 5 minutes): whole pipeline, generous bound
    Pipeline.Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Pipeline.load(List.of(f),
        Iris.DEFAULT_BASE));
    assertTrue(l.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("long.md") && d.line() == 21
        && d.message().equals("signature longer than the 4096-character limit (1000000 characters); not used")),
        l.diagnostics().toString());
    assertTrue(l.hasInputErrors());
    // the record's other signatures, and the dossier, are kept
    assertEquals(1, l.dossierCount());
    assertEquals(2, l.read().dossiers().get(0).signatures().size());
    assertTrue(org.apache.jena.atlas.iterator.Iter.toList(l.dataset().find(null, null, TKG.pattern.asNode(), null))
        .stream().allMatch(q -> q.getObject().getLiteralLexicalForm().length() <= Signature.MAX_PATTERN_CHARS));
    // exactly at the limit is read
    Files.writeString(f, seedWithNetworkSignature("a".repeat(Signature.MAX_PATTERN_CHARS)));
    ReadResult r = DossierReader.read(List.of(f));
    assertEquals(3, r.dossiers().get(0).signatures().size(), r.diagnostics().toString());
  }

  @Test
  void charactersXmlCannotCarryAreReplacedWithAWarningPerLine() throws Exception {
    Path f = dir.resolve("ctl.md");
    String seed = Files.readString(SeedDossierTest.SEED);
    Files.writeString(f, seed.replace("## About\n", "## About\nBell \u0007, escape \u001b, start \u0001, \uFFFF; tab\tkept. "));
    ReadResult r = DossierReader.read(List.of(f), org.trackerkg.base.DiagnosticHandler.strict());
    String about = r.dossiers().get(0).about().get(0).text();
    assertTrue(about.startsWith("Bell \uFFFD, escape \uFFFD, start \uFFFD, \uFFFD; tab"), about);
    // one warning for the line, naming the file and the line (About's text is on line 14)
    assertEquals(List.of(f + ":14: warning: character U+0007 is not allowed in XML 1.0; replaced with U+FFFD"),
        r.diagnostics().stream().map(Object::toString).toList());
  }

  @Test
  void anExodusFilesEscapedControlCharactersAreReplacedToo() throws Exception {
    Path f = dir.resolve("trackers.json");
    Files.writeString(f, "{\"trackers\": {\n\"1\": {\"id\": 1, \"name\": \"Bell\\u0007 Kit\",\n"
        + "  \"description\": \"A \\\\u0007 stays text, \\u001B goes\", \"code_signature\": \"com.bell\"}\n}}\n");
    ReadResult r = DossierReader.read(List.of(f));
    assertEquals(1, r.dossiers().size(), r.diagnostics().toString());
    assertEquals("Bell\uFFFD Kit", r.dossiers().get(0).name());
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 2 && d.message().startsWith("character U+0007")),
        r.diagnostics().toString());
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 3 && d.message().startsWith("character U+001B")),
        r.diagnostics().toString());
  }

  /** {@code levels} list items, each indented two columns more than the one before, under a heading. */
  static String indented(int levels, int itemBytes) {
    StringBuilder sb = new StringBuilder("# Deep\n\n## Products and Services\n");
    String pad = "y".repeat(itemBytes);
    for (int i = 0; i < levels; i++) {
      sb.append(" ".repeat(2 * i)).append("- item ").append(i).append(' ').append(pad).append('\n');
    }
    return sb.toString();
  }

  /** Reads a file on a thread with a small stack (256 KiB): a count must not depend on how much stack there is. */
  static ReadResult readOnSmallStack(Path f) throws Exception {
    ReadResult[] out = new ReadResult[1];
    Throwable[] failed = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = DossierReader.read(List.of(f));
      } catch (Throwable e) {
        failed[0] = e;
      }
    }, "small-stack", 256 << 10);
    t.start();
    t.join();
    if (failed[0] != null) {
      throw new AssertionError(failed[0]);
    }
    return out[0];
  }

  @Test
  void nestingIsCountedSoTheSameFileGivesTheSameAnswerEveryTime() throws Exception {
    Path deep = dir.resolve("deep.md");
    // the file: 2 500 increasingly indented items (here with short items; the depth is what counts)
    Files.writeString(deep, indented(2_500, 10));
    for (int run = 0; run < 3; run++) {
      ReadResult r = readOnSmallStack(deep);
      assertTrue(r.dossiers().isEmpty());
      // item 257 is on line 4 + 256: its count (256 columns / 2 + 1 marker) is the first over 256
      assertEquals(List.of(deep + ":" + (4 + 256) + ": error: " + NestingLimit.MESSAGE),
          r.diagnostics().stream().map(Object::toString).toList());
    }
    // markers on one line, and quotes, count the same way
    Path markers = dir.resolve("markers.md");
    Files.writeString(markers, "# Deep\n\n## About\n" + "> ".repeat(300) + "deep\n");
    assertTrue(readOnSmallStack(markers).diagnostics().stream().anyMatch(d -> d.line() == 4
        && d.message().equals(NestingLimit.MESSAGE)));
    // at the limit, a file is read whole, even on a small stack
    Path ok = dir.resolve("ok.md");
    Files.writeString(ok, indented(NestingLimit.MAX_DEPTH, 10));
    ReadResult r = readOnSmallStack(ok);
    assertEquals(1, r.dossiers().size(), r.diagnostics().toString());
  }
}
