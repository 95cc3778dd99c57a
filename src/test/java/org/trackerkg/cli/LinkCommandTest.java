package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;

class LinkCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  @Test
  void report() {
    Corpus.assumePresent();
    assertEquals(0, run("link", "report", Corpus.profiles().toString(), Corpus.exodusJson().toString()), err.toString());
    String o = out.toString();
    assertTrue(o.contains("mopub\t35\tTwitter MoPub\tMoPub\tsignature mopub.com"), o);
    assertTrue(o.contains("safegraph\t44\tOpenLocate\tSafeGraph\t"), o);
    assertTrue(o.contains("Krux\t18\tmParticle\tsignature mparticle.com\tboth matched elsewhere"), o);
    assertTrue(o.contains("Facebook\t65\tFacebook Ads\t"), o);
    assertTrue(o.contains("127\tKochava\tkochava\n"), o);
  }

  @Test
  void quickStatements() {
    Corpus.assumePresent();
    assertEquals(0, run("link", "export", "--format", "quickstatements", "data", Corpus.profiles().toString(),
        Corpus.exodusJson().toString()), err.toString());
    assertTrue(out.toString().contains("Q95\tP973\t\"https://w3id.org/tracker-kg/id/org/google\"\tS854\t\"https://w3id.org/tracker-kg/doc/org/google\"\tS813\t+2023-12-05T00:00:00Z/11\n"), out.toString());
  }

  @Test
  void csvNeutralisesCellsASpreadsheetWouldRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    // issue 21, item 17: OWASP's example as a tracker name
    String seed = java.nio.file.Files.readString(java.nio.file.Path.of("data/dossiers/mparticle.md"));
    java.nio.file.Files.writeString(dir.resolve("evil.md"), seed.replace("# Tracker Name\nmParticle",
        "# Tracker Name\n=cmd|' /C calc'!A0").replace("## Ownership\nmParticle", "## Ownership\n@SUM(1+1)"));
    assertEquals(0, run("link", "export", "--format", "csv", dir.toString()), err.toString());
    String o = out.toString();
    assertTrue(o.contains(",\"'=cmd|' /C calc'!A0\",Tracker,"), o);
    assertTrue(o.contains(",\"'@SUM\",Organization,"), o); // the name without its parenthetical
    for (String line : o.split("\r\n")) {
      for (String cell : line.split(",")) {
        assertTrue(cell.isEmpty() || "=+-@".indexOf(cell.charAt(0)) < 0, line);
      }
    }
  }

  @Test
  void badFormat() {
    assertEquals(2, run("link", "export", "--format", "xml"));
  }
}
