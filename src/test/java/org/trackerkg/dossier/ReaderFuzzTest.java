package org.trackerkg.dossier;

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
}
