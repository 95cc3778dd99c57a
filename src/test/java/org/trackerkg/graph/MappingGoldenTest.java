package org.trackerkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.query.Golden;
import org.trackerkg.vocab.Iris;

/**
 * The mapping of the seed dossier, quad by quad: its sorted N-Quads compared byte for byte with a golden file, so
 * a change to any triple shows in review. After a deliberate change, regenerate with
 * {@code mvn test -Dtest=MappingGoldenTest -Dtkg.regenerate=true} and read the diff.
 */
class MappingGoldenTest {
  static final Path SEED = Path.of("data/dossiers/mparticle.md");

  static Path golden() {
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return project.resolve("src/test/resources/org/trackerkg/graph/mparticle.nq");
  }

  @Test
  void seedDossierMapsToTheGoldenQuads() throws Exception {
    Pipeline.Loaded loaded = Pipeline.load(List.of(SEED), Iris.DEFAULT_BASE);
    assertTrue(loaded.diagnostics().stream().noneMatch(d -> d.isError()), loaded.diagnostics().toString());
    List<String> quads = RdfOutput.sortedQuads(loaded.dataset());
    Path file = golden();
    if (Golden.regenerate()) {
      Golden.write(file, quads);
    }
    assertTrue(Files.isRegularFile(file), file + " is missing: run with -Dtkg.regenerate=true");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), String.join("\n", quads) + "\n",
        "the mapping changed: if deliberate, regenerate with -Dtkg.regenerate=true and review the diff");
  }
}
