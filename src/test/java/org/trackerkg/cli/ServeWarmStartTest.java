package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.DumpCache;

/**
 * {@code tkg serve --dumps DIR} as a real process, three times: a cold start writes the dumps and records its
 * input; a second start over the unchanged input loads the N-Quads dump and serves the same data; after an input
 * changes, the next start converts again and rewrites the dumps.
 */
public class ServeWarmStartTest { // public: its serve child is shared (SoakTest)
  static final Pattern SERVING = Pattern.compile("tkg: serving (\\d+) dossiers \\((\\d+) triples\\) at (\\S+)");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public record Started(Process process, String serving, String url, StringBuilder stderr) {}

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)  // a hang guard only
  void anUnchangedInputLoadsFromItsDumps(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in/dossiers"));
    Files.copy(Path.of("data/dossiers/mparticle.md"), in.resolve("mparticle.md"));
    Path dumps = tmp.resolve("dumps");

    Started cold = start(tmp.resolve("in"), dumps);
    String coldAnswer;
    try {
      awaitRecord(dumps, null);
      coldAnswer = count(cold.url());
    } finally {
      stop(cold);
    }
    assertFalse(cold.stderr().toString().contains("input unchanged"), cold.stderr().toString());
    String record = Files.readString(dumps.resolve(DumpCache.RECORD));

    Started warm = start(tmp.resolve("in"), dumps);
    try {
      assertEquals(cold.serving(), warm.serving(), "same dossiers and triples");
      assertEquals(coldAnswer, count(warm.url()));
      HttpResponse<String> listing = HTTP.send(HttpRequest.newBuilder(URI.create(warm.url() + "dumps/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertFalse(listing.body().contains(DumpCache.RECORD), "the record is not published");
    } finally {
      stop(warm);
    }
    assertTrue(warm.stderr().toString().contains("input unchanged"), warm.stderr().toString());
    assertFalse(warm.stderr().toString().contains("writing dumps"), "dumps kept: " + warm.stderr());
    assertEquals(record, Files.readString(dumps.resolve(DumpCache.RECORD)));

    // one changed byte: converted again, dumps rewritten, a new record
    Path f = in.resolve("mparticle.md");
    Files.writeString(f, Files.readString(f) + "\n");
    Started changed = start(tmp.resolve("in"), dumps);
    try {
      awaitRecord(dumps, record);
    } finally {
      stop(changed);
    }
    assertFalse(changed.stderr().toString().contains("input unchanged"), changed.stderr().toString());
    assertTrue(changed.stderr().toString().contains("writing dumps"), changed.stderr().toString());
    assertNotEquals(record, Files.readString(dumps.resolve(DumpCache.RECORD)));
  }

  static Started start(Path input, Path dumps) throws Exception {
    return start(input.toString(), "--port", "0", "--dumps", dumps.toString());
  }

  /** {@code tkg serve ARGS} as a child process, returned once it serves. */
  public static Started start(String... serveArgs) throws Exception {
    return start(List.of("-Xmx1g"), serveArgs);
  }

  /** {@code tkg serve ARGS} in a JVM with these options, returned once it serves. */
  public static Started start(List<String> jvm, String... serveArgs) throws Exception {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
    cmd.addAll(List.of(serveArgs));
    Process p = new ProcessBuilder(cmd).start();
    StringBuilder stderr = new StringBuilder();
    Thread drain = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          synchronized (stderr) {
            stderr.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    drain.setDaemon(true);
    drain.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        Thread t = new Thread(() -> {
          try {
            out.transferTo(Writer.nullWriter());
          } catch (IOException e) {
            // ended
          }
        });
        t.setDaemon(true);
        t.start();
        return new Started(p, m.group(1) + " " + m.group(2), m.group(3), stderr);
      }
    }
    p.waitFor(10, TimeUnit.SECONDS);
    fail("serve ended without serving:\n" + stderr);
    return null;
  }

  public static void stop(Started s) throws InterruptedException {
    s.process().destroy();
    s.process().waitFor(30, TimeUnit.SECONDS);
    s.process().destroyForcibly();
  }

  /** Waits (bounded) until the dumps are complete and recorded, with a record other than {@code old}. */
  static void awaitRecord(Path dumps, String old) throws Exception {
    Path r = dumps.resolve(DumpCache.RECORD);
    for (int i = 0; i < 1200; i++) {
      if (Files.isRegularFile(r) && !Files.readString(r).equals(old)) {
        return;
      }
      Thread.sleep(50);
    }
    fail("no new record in " + dumps);
  }

  static String count(String url) throws Exception {
    String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "sparql?query="
            + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "text/csv")
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }
}
