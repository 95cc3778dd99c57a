package org.trackerkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ResultSetRewindable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.trackerkg.Corpus;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/**
 * Every canned query over the shared corpus (both sources), and the ones the seed can answer over {@code data/},
 * against the expected results in {@code src/test/resources/org/trackerkg/query/expected/}. Regenerate them with
 * {@code mvn test -Dtest=QueryGoldenTest -Dtkg.regenerate=true}, then read the diff.
 */
class QueryGoldenTest {
  /** The parameters of the golden runs over the corpus. */
  static final Map<String, Map<String, String>> CORPUS_PARAMS = Map.of(
      "tracker-profile", Map.of("tracker", "mparticle"),
      "claims-with-sources", Map.of("tracker", "mparticle"),
      "history-of", Map.of("tracker", "mparticle"),  // the current data has no history: no rows
      "match-host", Map.of("host", "api.mparticle.com"),
      "match-class", Map.of("class", "com.appsflyer.AppsFlyerLib"),
      "trackers-by-ultimate-owner", Map.of("organisation", Iris.DEFAULT_BASE + "id/org/google"));
  /** The parameters of the golden runs over the seed (data/: mParticle only). */
  static final Map<String, Map<String, String>> SEED_PARAMS = Map.of(
      "tracker-profile", Map.of("tracker", "mparticle"),
      "claims-with-sources", Map.of("tracker", "mparticle"),
      "history-of", Map.of("tracker", "mparticle"),  // the current data has no history: no rows
      "match-host", Map.of("host", "api.mparticle.com"),
      "match-class", Map.of("class", "com.mparticle.MParticle"));
  /** The queries the seed alone can answer meaningfully. */
  static final Set<String> SEED_QUERIES = Set.of("trackers", "tracker-profile", "third-party-sharing",
      "location-collectors", "advertising-identifiers", "claims-with-sources", "match-host", "match-class",
      "funding", "dpv-summary", "trackers-by-country");
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  static QueryCatalogue catalogue;
  static Dataset corpus;
  static Dataset seed;

  @BeforeAll
  static void load() {
    catalogue = QueryCatalogue.load();
    seed = CannedQuery.unionView(Pipeline.load(List.of(Path.of(basedir(), "src/test/seed")), Iris.DEFAULT_BASE).dataset());
    if (Corpus.present()) {
      corpus = CannedQuery.unionView(
          Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson()), Iris.DEFAULT_BASE).dataset());
    }
  }

  static String basedir() {
    return System.getProperty("basedir", System.getProperty("user.dir"));
  }

  @TestFactory
  Stream<DynamicTest> corpusGoldens() {
    return catalogue.list().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
      Corpus.assumePresent();
      check(e, corpus, CORPUS_PARAMS.getOrDefault(e.name(), Map.of()), Golden.dir().resolve(e.name() + ".tsv"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> seedGoldens() {
    return catalogue.list().stream().filter(e -> SEED_QUERIES.contains(e.name()))
        .map(e -> DynamicTest.dynamicTest(e.name(), () -> check(e, seed,
            SEED_PARAMS.getOrDefault(e.name(), Map.of()), Golden.dir().resolve("seed/" + e.name() + ".tsv"))));
  }

  static void check(QueryCatalogue.Entry e, Dataset data, Map<String, String> params, Path expected)
      throws Exception {
    ResultSetRewindable rows = CannedQuery.bind(e, params, Iris.DEFAULT_BASE).execute(data, TIMEOUT);
    List<String> actual = Golden.lines(rows);
    if (Golden.regenerate()) {
      Golden.write(expected, actual);
      return;
    }
    assertTrue(Files.isRegularFile(expected), expected + " is missing: run with -Dtkg.regenerate=true");
    assertEquals(String.join("\n", Golden.read(expected)), String.join("\n", actual), e.name() + " vs " + expected);
  }
}
