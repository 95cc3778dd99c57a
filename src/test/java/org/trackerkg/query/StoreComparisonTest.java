package org.trackerkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Iris;

/**
 * Every canned query gives the same rows on other stores loaded from our own dumps as on the embedded server:
 * Virtuoso 7.2 (Debian {@code virtuoso-opensource}) bulk-loaded with the N-Quads dump (a query's default graph is
 * then the bag union of all named graphs: a triple stated by two sources matches twice) and, separately, with the
 * N-Triples dump; and rdflib (Debian {@code python3-rdflib}) over the TriG dump. Slow profile (CI): {@code .ci/run}
 * installs both; {@code -Pstores} runs this test alone.
 *
 * <p>Rows are compared after a normalisation that removes what SPARQL leaves to each engine: row order (string
 * collation differs between engines, and ties are unordered), the datatype of numbers (compared by value:
 * {@code 2}, {@code "2"^^xsd:long} and {@code 2.0} are equal) and of plain strings ({@code xsd:string} or none),
 * booleans (compared as the numbers 1 and 0: Virtuoso answers a bound {@code EXISTS} with the integer 1), and the order of the items of a GROUP_CONCAT cell (split at
 * {@code " | "} and sorted). IRIs, language tags and everything else must match exactly. A failure names each
 * query that differs and its first differing row.
 */
@Tag("stores") // and part of -Pslow (pom.xml)
class StoreComparisonTest {
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  /** The dumps, the stores' folders and rdflib's answers (kept after the run, to look into a failure). */
  static Path dir;
  static QueryCatalogue catalogue;
  static DatasetGraph data;
  /** The embedded server's normalised rows, by query name. */
  static final Map<String, List<String>> expected = new LinkedHashMap<>();
  /** Each query with its parameters bound, as sent to another store. */
  static final Map<String, CannedQuery> bound = new LinkedHashMap<>();

  @BeforeAll
  static void load() throws Exception {
    Corpus.assumePresent();
    dir = Files.createDirectories(Path.of(QueryGoldenTest.basedir(), "target/store-comparison"));
    catalogue = QueryCatalogue.load();
    data = Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson()), Iris.DEFAULT_BASE).dataset();
    var union = CannedQuery.unionView(data);
    for (QueryCatalogue.Entry e : catalogue.list()) {
      CannedQuery q = CannedQuery.bind(e, QueryGoldenTest.CORPUS_PARAMS.getOrDefault(e.name(), Map.of()),
          Iris.DEFAULT_BASE);
      bound.put(e.name(), q);
      expected.put(e.name(), normalise(q.execute(union, TIMEOUT)));
    }
    Path queries = Files.createDirectories(dir.resolve("queries"));
    try (var old = Files.list(queries)) { // a query renamed or removed since an earlier run is not sent again
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
    for (var e : bound.entrySet()) { // as sent to the other stores: parameters substituted, serialised by Jena
      Files.writeString(queries.resolve(e.getKey() + ".rq"), e.getValue().substituted().serialize());
    }
    for (RdfOutput.Format f : List.of(RdfOutput.Format.NQ, RdfOutput.Format.NT, RdfOutput.Format.TRIG)) {
      try (OutputStream out = Files.newOutputStream(dir.resolve("tracker-kg." + f.extension))) {
        RdfOutput.write(data, f, Iris.DEFAULT_BASE, out);
      }
    }
  }

  @Test
  void virtuosoWithTheNQuadsDump() throws Exception {
    assertNoFailures("Virtuoso loaded with tracker-kg.nq", onVirtuoso(dir.resolve("tracker-kg.nq"), expected));
  }

  @Test
  void virtuosoWithTheNTriplesDump() throws Exception {
    assertNoFailures("Virtuoso loaded with tracker-kg.nt", onVirtuoso(dir.resolve("tracker-kg.nt"), expected));
  }

  @Test
  void rdflibWithTheTrigDump() throws Exception {
    assertNoFailures("rdflib over the TriG dump", onRdflib(dir.resolve("tracker-kg.trig"), dir.resolve("queries"),
        dir.resolve("rdflib-answers"), expected));
  }

  /**
   * signature-collisions joins on the patterns' first 8 characters, with STRLEN and SUBSTR, which each engine
   * implements its own way (characters or bytes): over the made-up signatures around that length, non-ASCII ones
   * too, that the corpus does not reach ({@link SignatureCollisionsTest}), on Virtuoso and rdflib as well.
   */
  @Test
  void signatureCollisionsAroundTheKeyLength() throws Exception {
    String name = "signature-collisions";
    DatasetGraph cases = SignatureCollisionsTest.aroundTheKeyLength();
    Path home = Files.createDirectories(dir.resolve("signature-cases"));
    for (RdfOutput.Format f : List.of(RdfOutput.Format.NQ, RdfOutput.Format.TRIG)) {
      try (OutputStream out = Files.newOutputStream(home.resolve("cases." + f.extension))) {
        RdfOutput.write(cases, f, Iris.DEFAULT_BASE, out);
      }
    }
    Path queries = Files.createDirectories(home.resolve("queries"));
    Files.copy(dir.resolve("queries").resolve(name + ".rq"), queries.resolve(name + ".rq"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Map<String, List<String>> want = Map.of(name,
        normalise(bound.get(name).execute(CannedQuery.unionView(cases), TIMEOUT)));
    assertTrue(want.get(name).size() > 10, () -> "the cases collide: " + want);
    List<String> failures = new ArrayList<>();
    onVirtuoso(home.resolve("cases.nq"), want).forEach(f -> failures.add("Virtuoso (N-Quads): " + f));
    onRdflib(home.resolve("cases.trig"), queries, home.resolve("rdflib-answers"), want)
        .forEach(f -> failures.add("rdflib: " + f));
    assertTrue(failures.isEmpty(), () -> "signature-collisions over the made-up signatures differs from the "
        + "embedded server:\n  " + String.join("\n  ", failures));
  }

  // ---------------------------------------------------------------------------------------------- stores

  /** Runs the queries named in {@code want} on Virtuoso bulk-loaded with {@code dump}; what differs. */
  private List<String> onVirtuoso(Path dump, Map<String, List<String>> want) throws Exception {
    Path script = Path.of(QueryGoldenTest.basedir(), "bench/virtuoso.sh");
    Path home = dump.resolveSibling("virtuoso-" + dump.getFileName().toString().replace('.', '-'));
    String out = run(List.of("bash", script.toString(), "start", home.toString(), dump.toString()),
        Duration.ofMinutes(5));
    String endpoint = out.lines().filter(l -> l.startsWith("ENDPOINT ")).map(l -> l.substring(9).trim())
        .findFirst().orElseThrow(() -> new AssertionError("Virtuoso did not start:\n" + out));
    try {
      List<String> failures = new ArrayList<>();
      for (var e : want.entrySet()) {
        List<String> rows;
        try {
          rows = normalise(bound.get(e.getKey()).executeRemote(endpoint, TIMEOUT));
        } catch (QueryExceptionHTTP ex) { // the status and Virtuoso's own message (its first line)
          failures.add(e.getKey() + ": Virtuoso failed: HTTP " + ex.getStatusCode() + " "
              + firstLine(ex.getResponse() != null ? ex.getResponse() : ex.getMessage()));
          continue;
        } catch (RuntimeException ex) {
          failures.add(e.getKey() + ": Virtuoso failed: " + firstLine(ex.getMessage()));
          continue;
        }
        compare(e.getKey(), e.getValue(), rows, failures);
      }
      return failures;
    } finally {
      run(List.of("bash", script.toString(), "stop", home.toString()), Duration.ofMinutes(2));
    }
  }

  /**
   * Runs every query of {@code queries} (a folder of .rq files) with rdflib over {@code trig} and compares the
   * ones named in {@code want}; what differs. Prints rdflib's seconds per query (CI's log then shows a slow one).
   */
  private static List<String> onRdflib(Path trig, Path queries, Path answers, Map<String, List<String>> want)
      throws Exception {
    Files.createDirectories(answers);
    try (var old = Files.list(answers)) { // answers of an earlier run must not pass for this one's
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
    Path script = Path.of(QueryGoldenTest.basedir(), "src/test/resources/org/trackerkg/query/stores/rdflib-query.py");
    String log = run(List.of(python(), script.toString(), trig.toString(), queries.toString(), answers.toString()),
        Duration.ofMinutes(10));
    System.out.print("rdflib over " + trig.getFileName() + ", seconds per query:\n" + log);
    List<String> failures = new ArrayList<>();
    for (var e : want.entrySet()) {
      String name = e.getKey();
      Path err = answers.resolve(name + ".err");
      if (Files.exists(err)) {
        failures.add(name + ": rdflib failed: " + Files.readString(err).strip());
        continue;
      }
      Path srj = answers.resolve(name + ".srj");
      if (!Files.exists(srj)) {
        failures.add(name + ": rdflib gave no answer (" + log.strip() + ")");
        continue;
      }
      try (InputStream in = Files.newInputStream(srj)) {
        compare(name, e.getValue(), normalise(ResultSetMgr.read(in, ResultSetLang.RS_JSON)), failures);
      }
    }
    return failures;
  }

  private static String python() {
    // Debian's interpreter, where python3-rdflib is installed (a pyenv or venv python3 on PATH may lack it)
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** Runs a command to its end; its output (stdout and stderr); fails the test on a non-zero exit. */
  private static String run(List<String> command, Duration limit) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        r.lines().forEach(l -> out.append(l).append('\n'));
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.start();
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(1000);
      fail(String.join(" ", command) + " did not finish within " + limit + ":\n" + out);
    }
    reader.join();
    assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + out);
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------- comparison

  private static void compare(String name, List<String> want, List<String> actual, List<String> failures) {
    if (want.equals(actual)) {
      return;
    }
    int i = 0;
    while (i < want.size() && i < actual.size() && want.get(i).equals(actual.get(i))) {
      i++;
    }
    String w = i < want.size() ? want.get(i) : "(no more rows)";
    String a = i < actual.size() ? actual.get(i) : "(no more rows)";
    failures.add(name + ": " + actual.size() + " rows, embedded " + want.size() + "; first difference (sorted row "
        + (i + 1) + "): embedded [" + w + "] store [" + a + "]");
  }

  private static void assertNoFailures(String store, List<String> failures) {
    assertTrue(failures.isEmpty(), () -> store + ": " + failures.size() + " of " + bound.size()
        + " canned queries differ from the embedded server:\n  " + String.join("\n  ", failures));
  }

  private static String firstLine(String s) {
    return s == null ? "(no message)" : s.lines().findFirst().orElse("");
  }

  /** Rows as tab-separated normalised cells (header first), the rows sorted. */
  static List<String> normalise(ResultSet rs) {
    List<String> vars = rs.getResultVars();
    List<String> rows = new ArrayList<>();
    while (rs.hasNext()) {
      QuerySolution s = rs.next();
      List<String> cells = new ArrayList<>();
      for (String v : vars) {
        RDFNode n = s.get(v);
        cells.add(n == null ? "" : cell(n.asNode()));
      }
      rows.add(String.join("\t", cells));
    }
    if (rs instanceof ResultSetRewindable r) {
      r.reset();
    }
    rows.sort(null);
    List<String> out = new ArrayList<>();
    out.add(String.join("\t", vars));
    out.addAll(rows);
    return out;
  }

  static String cell(Node n) {
    if (n.isURI()) {
      return "<" + n.getURI() + ">";
    }
    if (!n.isLiteral()) {
      return n.toString();
    }
    String lex = n.getLiteralLexicalForm();
    String dt = n.getLiteralDatatypeURI();
    if (dt != null && dt.equals(XSDDatatype.XSDboolean.getURI())) {
      return lex.equals("1") || lex.equals("true") ? "1" : "0";
    }
    if (dt != null && isNumeric(dt)) {
      try {
        BigDecimal d = new BigDecimal(lex.strip());
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return lex;
      }
    }
    if (lex.contains(Golden.SEPARATOR)) {
      String[] items = lex.split(" \\| ", -1);
      Arrays.sort(items);
      lex = String.join(Golden.SEPARATOR, items);
    }
    String lang = n.getLiteralLanguage();
    return lang == null || lang.isEmpty() ? lex : lex + "@" + lang;
  }

  private static boolean isNumeric(String dt) {
    if (!dt.startsWith(XSDDatatype.XSD + "#")) {
      return false;
    }
    String local = dt.substring(XSDDatatype.XSD.length() + 1);
    return switch (local) {
      case "integer", "decimal", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger",
           "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
           "unsignedShort", "unsignedByte" -> true;
      default -> false;
    };
  }
}
