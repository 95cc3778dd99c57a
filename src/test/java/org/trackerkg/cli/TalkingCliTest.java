package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command line that talks: help, progress, empty input, repeated parameters, request log, stopping. */
class TalkingCliTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpForEveryCommandAndWholeSummaries() {
    for (String h : new String[] {"--help", "-h"}) {
      Run r = run("dump", h);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().startsWith("Usage: tkg dump"), r.out());
      assertTrue(r.out().contains("--out=DIR"), r.out());
    }
    Run top = run("--help");
    assertEquals(0, top.code());
    // the query command's summary is its whole first sentence, not its first line
    assertTrue(top.out().replaceAll("\\s+", " ").contains("whose default graph is the union of the named graphs"),
        top.out());
    for (String line : top.out().split("\n")) {
      assertTrue(line.length() <= 80, "wider than 80: " + line);
    }
    assertEquals("Read dossiers.", Main.firstSentence("Read dossiers. Diagnostics go to stderr."));
    assertEquals("Whole (e.g. this) text", Main.firstSentence("Whole (e.g. this) text"));
  }

  @Test
  void progressLinesWhenNotATerminalAndQuiet() {
    Run r = run("validate", "src/test/seed");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("tkg: reading and mapping src/test/seed …"), r.err());
    assertTrue(Pattern.compile("tkg: read 1 dossiers into \\d+ quads \\(\\d+\\.\\d s\\)").matcher(r.err()).find(),
        r.err());
    assertFalse(r.err().contains("\r"), "no in-place updates off a terminal");
    Run q = run("validate", "--quiet", "src/test/seed");
    assertEquals(0, q.code());
    assertFalse(q.err().contains("reading and mapping"), q.err());
    StringWriter w = new StringWriter();
    Progress tty = new Progress(new PrintWriter(w, true), false, true);
    tty.start("step");
    tty.done("done");
    assertTrue(w.toString().startsWith("\r\033[Ktkg: step …\r\033[Ktkg: done ("), w.toString());
  }

  @Test
  void noDossiersIsAWarningAndExit2(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.csv"), "a,b\n");
    for (String cmd : new String[] {"parse", "validate", "convert"}) {
      Run r = run(cmd, dir.toString());
      assertEquals(ExitCode.BAD_INPUT, r.code(), cmd + ": " + r.err());
      assertTrue(r.err().contains("warning: no dossiers found in " + dir), cmd + ": " + r.err());
    }
  }

  @Test
  void repeatedParamIsAnErrorAndUnknownSlugNamesTheNearest() {
    Run twice = run("query", "claims-with-sources", "src/test/seed", "--param", "tracker=mparticle",
        "--param", "tracker=appsflyer");
    assertEquals(ExitCode.BAD_INPUT, twice.code(), twice.err());
    assertTrue(twice.err().contains("--param tracker given more than once"), twice.err());
    Run typo = run("query", "claims-with-sources", "src/test/seed", "--param", "tracker=mparticel");
    assertTrue(typo.err().contains("tkg: warning: --param tracker: no tracker 'mparticel' in the data; nearest: mparticle"),
        typo.err());
  }

  @Test
  void oneLogLinePerRequestAndAShutdownLine(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("serve.log");
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "src/test/seed", "--port", "0").redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      String url = null;
      Pattern at = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)$", Pattern.MULTILINE);
      for (int i = 0; i < 600 && url == null && p.isAlive(); i++) {
        Matcher m = at.matcher(Files.readString(log));
        if (m.find()) {
          url = m.group(1);
        } else {
          Thread.sleep(100);
        }
      }
      String before = Files.readString(log);
      assertTrue(url != null, before);
      assertTrue(before.contains("tkg: reading and mapping src/test/seed …"), before);
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
          + "sparql?query=ASK%7B%7D")).header("Accept", "application/sparql-results+json")
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      p.destroy(); // SIGTERM: the shutdown hook stops the server
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped");
      List<String> lines = Files.readAllLines(log);
      String all = String.join("\n", lines);
      assertEquals(1, lines.stream().filter(l -> l.contains("ASK")).count(), all);
      assertFalse(all.contains("Query ="), all);
      String served = url;
      String stop = lines.stream().filter(l -> l.startsWith("tkg: stopped serving " + served)).findFirst()
          .orElse(null);
      assertTrue(stop != null, all);
      Matcher removed = Pattern.compile("; removed (.+)$").matcher(stop);
      assertTrue(removed.find(), stop);
      assertFalse(Files.exists(Path.of(removed.group(1))), "temporary dumps folder left: " + removed.group(1));
    } finally {
      p.destroyForcibly();
    }
  }
}
