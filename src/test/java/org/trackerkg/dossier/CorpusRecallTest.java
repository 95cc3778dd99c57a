package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;
import org.trackerkg.base.DiagnosticHandler;

/**
 * Recall over the whole corpus (#14): how many facts of each field the reader finds in every document, labelled
 * and read from prose apart, pinned in {@code recall.tsv}. A change in what the reader understands shows as a diff
 * of that file: regenerate with {@code mvn test -Dtest=CorpusRecallTest -Dtkg.regenerate=true} and review it by
 * hand (every new fact must be right; a lost one needs a reason). Read in strict mode: a section the reader trips
 * over fails the test.
 */
class CorpusRecallTest {
  /** The fields counted, each as a column of the golden. */
  private static final Map<String, Function<Dossier, Long>> FIELDS = fields();

  private static Map<String, Function<Dossier, Long>> fields() {
    Map<String, Function<Dossier, Long>> f = new LinkedHashMap<>();
    for (Relationship.Kind kind : Relationship.Kind.values()) {
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      f.put(name, d -> d.relationships(kind).stream().filter(r -> !r.fromProse()).count());
      f.put(name + "-prose", d -> d.relationships(kind).stream().filter(Relationship::fromProse).count());
    }
    f.put("owner", d -> d.owners().stream().filter(o -> !o.fromProse()).count() + d.ownerHints().size());
    f.put("owner-prose", d -> d.owners().stream().filter(OrgMention::fromProse).count());
    f.put("owner-chain", d -> (long) d.ownerships().size());
    f.put("acquisition", d -> (long) d.acquisitions().size());
    f.put("headquarters", d -> d.location() == null || d.location().countryCode() == null ? 0L : 1L);
    f.put("headquarters-prose", d -> d.location() != null && d.location().passage() != null ? 1L : 0L);
    f.put("headquarters-named", d -> (long) d.headquarters().size());
    f.put("clause", d -> (long) d.clauses().size());
    f.put("policy-document", d -> (long) d.policies().size());
    f.put("reference", d -> (long) d.references().size());
    f.put("signature", d -> (long) d.signatures().size());
    return f;
  }

  static Path golden() {
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return project.resolve("src/test/resources/org/trackerkg/dossier/recall.tsv");
  }

  static List<String> table() {
    ReadResult r = DossierReader.read(List.of(Corpus.profiles(), Corpus.exodusJson(), Corpus.project().resolve("data/dossiers")),
        DiagnosticHandler.strict());
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    List<String> lines = new ArrayList<>();
    lines.add("document\t" + String.join("\t", FIELDS.keySet()));
    for (Dossier d : r.dossiers()) {
      String doc = Path.of(d.source().file()).getFileName() + (d.exodusId() == null ? "" : "#" + d.exodusId());
      StringBuilder row = new StringBuilder(doc);
      long total = 0;
      for (Function<Dossier, Long> count : FIELDS.values()) {
        long n = count.apply(d);
        total += n;
        row.append('\t').append(n);
      }
      if (total > 0) {
        lines.add(row.toString());
      }
    }
    return lines;
  }

  @Test
  void everyDocumentGivesItsPinnedCountsPerField() throws Exception {
    Corpus.assumePresent();
    List<String> lines = table();
    Path file = golden();
    if (Boolean.getBoolean("tkg.regenerate")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(file), file + " is missing: run with -Dtkg.regenerate=true");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), String.join("\n", lines) + "\n",
        "what the reader finds changed: if deliberate, regenerate with -Dtkg.regenerate=true and review the diff");
  }
}
