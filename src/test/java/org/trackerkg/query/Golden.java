package org.trackerkg.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * Expected-results files for the canned queries: SPARQL TSV, one row per line in the query's order. Cells that
 * join a list with {@code " | "} (GROUP_CONCAT) have their items sorted, since SPARQL leaves that order open.
 * With {@code -Dtkg.regenerate=true} the files (these and the mapping golden, {@code MappingGoldenTest}) are
 * rewritten from the run instead of compared.
 */
public final class Golden {
  static final String SEPARATOR = " | ";

  private Golden() {}

  public static boolean regenerate() {
    return Boolean.getBoolean("tkg.regenerate");
  }

  static Path dir() {
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return project.resolve("src/test/resources/org/trackerkg/query/expected");
  }

  /** The rows as normalised TSV lines (header first). */
  static List<String> lines(ResultSetRewindable rows) {
    rows.reset();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultSetMgr.write(bytes, rows, ResultSetLang.RS_TSV);
    rows.reset();
    List<String> out = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      for (int i = 0; i < cells.length; i++) {
        cells[i] = normaliseCell(cells[i]);
      }
      out.add(String.join("\t", cells));
    }
    return out;
  }

  private static String normaliseCell(String cell) {
    if (!cell.contains(SEPARATOR) || !cell.startsWith("\"")) {
      return cell;
    }
    int end = cell.lastIndexOf('"');
    if (end <= 0) {
      return cell;
    }
    String[] items = cell.substring(1, end).split(" \\| ", -1);
    Arrays.sort(items);
    return "\"" + String.join(SEPARATOR, items) + cell.substring(end);
  }

  public static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
  }

  public static void write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
