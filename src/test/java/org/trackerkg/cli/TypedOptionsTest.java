package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Options are typed and checked once, when the command line is parsed: a bad {@code --base}, duration or format is
 * a usage error (exit 2) naming the option, for every command that takes it, before any input is read.
 */
class TypedOptionsTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void badBaseIsRefusedByEveryCommandThatTakesIt() {
    List<List<String>> commands = List.of(
        List.of("parse", "src/test/seed"), List.of("convert", "src/test/seed"), List.of("validate", "src/test/seed"),
        List.of("dump", "src/test/seed", "--out", "target/typed-options-never"),
        List.of("query", "trackers", "src/test/seed"), List.of("match", "api.mparticle.com", "src/test/seed"),
        List.of("link", "export", "--format", "csv", "src/test/seed"), List.of("diff", "a", "b"),
        List.of("serve", "src/test/seed", "--port", "0"));
    for (List<String> c : commands) {
      List<String> args = new java.util.ArrayList<>(c);
      args.addAll(List.of("--base", "not an iri"));
      Run r = run(args.toArray(String[]::new));
      assertEquals(ExitCode.BAD_INPUT, r.code(), c + ": " + r.err());
      assertTrue(r.err().contains("--base"), c + ": " + r.err());
      assertTrue(r.out().isEmpty(), c + " printed output: " + r.out());
    }
  }

  @Test
  void durationsReadTheirUnits() {
    Converters.DurationConverter d = new Converters.DurationConverter();
    assertEquals(Duration.ofMillis(500), d.convert("500ms"));
    assertEquals(Duration.ofSeconds(10), d.convert("10s"));
    assertEquals(Duration.ofSeconds(10), d.convert("10"));
    assertEquals(Duration.ofMinutes(2), d.convert("2m"));
    assertEquals(Duration.ofMinutes(2), d.convert(" 2 MIN "));
    for (String bad : List.of("0", "0ms", "soon", "-5s", "1h", "", "99999999999999999999")) {
      try {
        d.convert(bad);
        throw new AssertionError("accepted " + bad);
      } catch (CommandLine.TypeConversionException expected) {
        assertTrue(expected.getMessage().contains("'" + bad + "'"), expected.getMessage());
      }
    }
  }

  @Test
  void queryTimeoutTakesADuration() {
    Run ok = run("query", "trackers", "src/test/seed", "--timeout", "30s", "--format", "CSV");
    assertEquals(ExitCode.OK, ok.code(), ok.err());
    assertTrue(ok.out().startsWith("tracker") || ok.out().contains(","), ok.out());
    Run bad = run("query", "trackers", "src/test/seed", "--timeout", "0s");
    assertEquals(ExitCode.BAD_INPUT, bad.code());
    assertTrue(bad.err().contains("--timeout"), bad.err());
  }

  @Test
  void formatsAreChoices() {
    for (List<String> c : List.of(List.of("query", "trackers", "src/test/seed"), List.of("match", "x.com",
        "src/test/seed"), List.of("convert", "src/test/seed"), List.of("link", "export", "src/test/seed"),
        List.of("scan", "--input", "src/test/seed", "nothing.apk"))) {
      List<String> args = new java.util.ArrayList<>(c);
      args.addAll(List.of("--format", "pdf"));
      Run r = run(args.toArray(String[]::new));
      assertEquals(ExitCode.BAD_INPUT, r.code(), c + ": " + r.err());
      assertTrue(r.err().contains("--format"), c + ": " + r.err());
      assertTrue(r.err().contains("pdf"), c + ": " + r.err());
    }
  }
}
