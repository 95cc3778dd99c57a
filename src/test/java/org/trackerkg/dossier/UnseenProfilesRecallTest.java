package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.DiagnosticHandler;

/**
 * Recall and precision on hand-written profiles the reader was not tuned on ({@code unseen/}, #14): every fact a
 * careful reader finds is listed beside each profile; the reader, strict, must find ≥ 90% of them per field with
 * ≥ 95% of what it finds right. Prints the figures per field.
 */
class UnseenProfilesRecallTest {
  static final Path DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
      .resolve("src/test/resources/org/trackerkg/dossier/unseen");

  /** The facts the reader found, as "field\tvalue" lines comparable with the hand-written lists. */
  static Set<String> found(Dossier d) {
    Set<String> out = new TreeSet<>();
    for (Relationship r : d.relationships()) {
      String field = switch (r.kind()) {
        case CUSTOMER, CLIENT -> "customer";
        case INVESTOR -> "investor";
        case PARTNER -> "partner";
        case INTEGRATION -> "integration";
      };
      out.add(field + "\t" + key(r.name()));
    }
    d.owners().forEach(o -> out.add("owner\t" + key(o.name())));
    d.ownerHints().forEach(o -> out.add("owner\t" + key(o)));
    d.ownerships().forEach(o -> out.add("chain\t" + key(o.owned()) + " > " + key(o.owner())));
    if (d.location() != null && d.location().countryCode() != null) {
      out.add("headquarters\t" + d.location().countryCode().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  static String key(String name) {
    return ProseFacts.key(name);
  }

  static Set<String> expected(Path tsv) throws IOException {
    Set<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", 2);
      String value = f[0].equals("chain") ? String.join(" > ", Stream.of(f[1].split(" > ")).map(ProseFacts::key).toList())
          : f[0].equals("headquarters") ? f[1].toLowerCase(Locale.ROOT) : key(f[1]);
      out.add(f[0] + "\t" + value);
    }
    return out;
  }

  @Test
  void recallAndPrecisionPerFieldMeetTheTargets() throws IOException {
    Map<String, int[]> byField = new TreeMap<>();  // field -> {expected, found, right}
    List<String> misses = new ArrayList<>();
    List<Path> profiles;
    try (Stream<Path> s = Files.list(DIR)) {
      profiles = s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
          .sorted().toList();
    }
    assertFalse(profiles.isEmpty());
    for (Path md : profiles) {
      String name = md.getFileName().toString();
      Dossier d = new MarkdownDossierParser(DiagnosticHandler.strict())
          .parse(Files.readString(md, StandardCharsets.UTF_8), new Source(name, 1, Source.Kind.PROFILE, "0")).dossier();
      Set<String> want = expected(md.resolveSibling(name.replaceFirst("\\.md$", ".tsv")));
      Set<String> got = found(d);
      for (String w : want) {
        int[] c = byField.computeIfAbsent(w.split("\t")[0], k -> new int[3]);
        c[0]++;
        if (got.contains(w)) {
          c[2]++;
        } else {
          misses.add(name + ": missed " + w);
        }
      }
      for (String g : got) {
        byField.computeIfAbsent(g.split("\t")[0], k -> new int[3])[1]++;
        if (!want.contains(g)) {
          misses.add(name + ": wrong  " + g);
        }
      }
    }
    int[] all = new int[3];
    StringBuilder report = new StringBuilder("field\texpected\tfound\tright\trecall\tprecision\n");
    for (Map.Entry<String, int[]> e : byField.entrySet()) {
      int[] c = e.getValue();
      for (int i = 0; i < 3; i++) {
        all[i] += c[i];
      }
      report.append(row(e.getKey(), c));
    }
    report.append(row("all", all));
    System.out.println(report);
    misses.forEach(System.out::println);
    for (Map.Entry<String, int[]> e : byField.entrySet()) {
      int[] c = e.getValue();
      assertTrue(recall(c) >= 0.90, e.getKey() + " recall below 90%:\n" + report + String.join("\n", misses));
      assertTrue(precision(c) >= 0.95, e.getKey() + " precision below 95%:\n" + report + String.join("\n", misses));
    }
  }

  private static double recall(int[] c) {
    return c[0] == 0 ? 1 : (double) c[2] / c[0];
  }

  private static double precision(int[] c) {
    return c[1] == 0 ? 1 : (double) c[2] / c[1];
  }

  private static String row(String field, int[] c) {
    return String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.0f%%\t%.0f%%%n", field, c[0], c[1], c[2], 100 * recall(c),
        100 * precision(c));
  }
}
