package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.Corpus;
import org.trackerkg.base.DiagnosticHandler;

/** Deterministic mutations of real dossiers never escape the reader: each gives a dossier or diagnostics. */
class ReaderFuzzTest {
  @TempDir Path dir;

  @Test
  void mutatedDossiers() throws IOException {
    List<Path> sources = new ArrayList<>(List.of(SeedDossierTest.SEED));
    if (Corpus.present()) {
      try (Stream<Path> s = Files.list(Corpus.profiles())) {
        s.sorted().forEach(sources::add);
      }
    }
    Random random = new Random(20190624L);
    int cases = 300;
    for (int i = 0; i < cases; i++) {
      byte[] original = Files.readAllBytes(sources.get(random.nextInt(sources.size())));
      byte[] mutated = mutate(original, random);
      Path f = dir.resolve("case-" + i + ".md");
      Files.write(f, mutated);
      // Errors are expected of mutated input; a section the reader trips over is not, and throws here.
      ReadResult r = DossierReader.read(List.of(f), DiagnosticHandler.strictReading());
      assertTrue(r.dossiers().size() == 1 || r.hasErrors(), "case " + i);
      assertFalse(r.diagnostics().stream().anyMatch(d -> d.message().startsWith("internal reader error")), "case " + i + ": " + r.diagnostics());
      Files.delete(f);
    }
  }

  private static byte[] mutate(byte[] in, Random random) {
    String text = new String(in, java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    switch (random.nextInt(5)) {
      case 0 -> {
        return Arrays.copyOf(in, random.nextInt(in.length + 1));  // truncation, maybe mid-character
      }
      case 1 -> {
        for (int k = random.nextInt(5) + 1; k > 0 && lines.size() > 1; k--) {
          lines.remove(random.nextInt(lines.size()));
        }
      }
      case 2 -> {
        for (int k = random.nextInt(5) + 1; k > 0; k--) {
          int a = random.nextInt(lines.size());
          int b = random.nextInt(lines.size());
          String t = lines.get(a);
          lines.set(a, lines.get(b));
          lines.set(b, t);
        }
      }
      case 3 -> {
        for (int k = 0; k < lines.size(); k++) {
          if (lines.get(k).startsWith("#") && random.nextBoolean()) {
            lines.set(k, "#".repeat(random.nextInt(7)) + lines.get(k).replaceFirst("^#+", ""));
          }
        }
      }
      default -> {
        byte[] out = Arrays.copyOf(in, in.length);
        for (int k = random.nextInt(8) + 1; k > 0 && out.length > 0; k--) {
          out[random.nextInt(out.length)] = (byte) (random.nextInt(255) + 1);
        }
        return out;
      }
    }
    return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Issue 21, items 9, 13 and 14: hostile files through the real command line, each with its fixed exit code, three
   * times over (whether a deep file was read used to depend on the JIT).
   */
  @Test
  void hostileFilesHaveFixedExitCodes() throws Exception {
    String seed = Files.readString(SeedDossierTest.SEED);
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("sig-100k.md", ReaderBoundsTest.seedWithNetworkSignature("a".repeat(100_000)));
    files.put("sig-1m.md", ReaderBoundsTest.seedWithNetworkSignature("(.*a)".repeat(200_000)));
    files.put("sig-at-limit.md", ReaderBoundsTest.seedWithNetworkSignature("b".repeat(Signature.MAX_PATTERN_CHARS)));
    files.put("deep-2500.md", ReaderBoundsTest.indented(2_500, 5_000)); // 12.5 MB, as in the report
    files.put("deep-at-limit.md", ReaderBoundsTest.indented(NestingLimit.MAX_DEPTH, 10));
    files.put("quotes-10k.md", "# Q\n\n## About\n" + "> ".repeat(10_000) + "deep\n");
    files.put("controls.md", seed.replace("## About\n", "## About\n\u0001\u0007\u001b "));
    java.util.Map<String, Integer> expected = java.util.Map.of("sig-100k.md", 2, "sig-1m.md", 2, "sig-at-limit.md", 0,
        "deep-2500.md", 2, "deep-at-limit.md", 0, "quotes-10k.md", 2, "controls.md", 0);
    for (var e : files.entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.writeString(f, e.getValue());
      for (int run = 0; run < 3; run++) {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.trackerkg.cli.Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(err)).execute("convert", f.toString(), "-o", dir.resolve("out.nt").toString(),
            "--format", "nt");
        assertEquals(expected.get(e.getKey()), code, e.getKey() + " run " + run + ": " + err);
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), err.toString());
      }
      Files.delete(f);
    }
  }
}
