package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tkg convert} and {@code tkg validate} through the real entry point: outputs, exit codes, messages. */
class ConvertValidateCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void convertWritesEachFormatAtomicallyAndIdenticallyTwice() throws IOException {
    for (String format : new String[] {"ttl", "nt", "trig", "nq", "jsonld", "rdfxml"}) {
      Path a = dir.resolve("a." + format);
      Path b = dir.resolve("b." + format);
      assertEquals(0, run("convert", "data/dossiers/mparticle.md", "--format", format, "-o", a.toString()).code());
      assertEquals(0, run("convert", "data/dossiers/mparticle.md", "--format", format, "-o", b.toString()).code());
      assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), format + " differs between runs");
      DatasetGraph dsg = DatasetGraphFactory.create();
      Lang lang = switch (format) {
        case "ttl" -> Lang.TURTLE;
        case "nt" -> Lang.NTRIPLES;
        case "trig" -> Lang.TRIG;
        case "nq" -> Lang.NQUADS;
        case "jsonld" -> Lang.JSONLD;
        default -> Lang.RDFXML;
      };
      RDFParser.source(new ByteArrayInputStream(Files.readAllBytes(a))).lang(lang).parse(dsg);
      assertFalse(dsg.isEmpty(), format);
    }
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
    }
  }

  @Test
  void unknownFormatIsBadUsage() {
    Run r = run("convert", "data/dossiers/mparticle.md", "--format", "yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--format"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void validateSeedConforms() {
    Run r = run("validate", "data/dossiers/mparticle.md");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("conforms"), r.out());
  }

  @Test
  void validateReportsViolationsWithTheirSourceLine() throws IOException {
    Path bad = dir.resolve("broken.md");
    Files.writeString(bad, """
        # Brokentracker

        ## Website
        https://broken.example

        ## Detection Rules
        * Network signature: `broken(\\.com`
        """, StandardCharsets.UTF_8);
    Run r = run("validate", bad.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("broken.md:7"), r.out());
    assertTrue(r.out().contains("regular expression"), r.out());
    assertTrue(r.out().contains("does not conform"), r.out());
  }

  @Test
  void unreadableInputIsExitTwoAfterTheOthers() throws IOException {
    Path empty = dir.resolve("empty.md");
    Files.writeString(empty, "");
    Run r = run("convert", empty.toString(), "data/dossiers/mparticle.md", "--format", "nt");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("empty.md"), r.err());
  }
}
