package org.trackerkg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serving, measured with {@code wrk} (Debian's; POST bodies through a Lua script) over loopback at 1, 8 and 32
 * connections: our TrackerServer against a bare FusekiServer (output buffer fixed) on the same data, Virtuoso
 * (bench/virtuoso.sh) where it is installed, and a static copy of the dereferenced documents served by the same
 * Jetty (Fuseki's static file base).
 */
final class ServeBench {
  private static final int[] CONNECTIONS = {1, 8, 32};
  static final String NO_VIRTUOSO = "tkg.bench.noVirtuoso";
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PCT = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern REQS = Pattern.compile("(\\d+) requests in");

  private final BenchHarness h;
  private final Path work;
  private final List<Process> started = new ArrayList<>();

  ServeBench(BenchHarness h) {
    this.h = h;
    this.work = h.work().resolve("serve");
  }

  record Wrk(double rps, double p50ms, double p99ms, long requests, long errors) {}

  void run(Path nq, Path nt, int size) throws Exception {
    if (!BenchHarness.onPath("wrk")) {
      h.note("serve: wrk not installed (apt-get install -y wrk): the serve and dereference rows were skipped");
      BenchHarness.log("wrk not installed: serve and dereference skipped");
      return;
    }
    Files.createDirectories(work);
    String slug = pickTracker(nt);
    String iri = "https://w3id.org/tracker-kg/id/tracker/" + slug;
    String lookup = "SELECT ?p ?o WHERE { <" + iri + "> ?p ?o } LIMIT 1";
    String profile = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX schema: <http://schema.org/>\n"
        + "SELECT ?property ?value (MIN(STR(?vl)) AS ?valueLabel) WHERE { <" + iri + "> ?property ?value . "
        + "OPTIONAL { ?value rdfs:label|schema:name ?vl } } GROUP BY ?property ?value ORDER BY ?property STR(?value) "
        + "LIMIT 5000";
    h.putRaw("serve-queries", Map.of("tracker", iri, "lookup", lookup, "profile", profile));
    Path lookupLua = lua("lookup", "POST", "query=" + BenchHarness.urlEncode(lookup),
        "application/sparql-results+json");
    Path profileLua = lua("profile", "POST", "query=" + BenchHarness.urlEncode(profile),
        "application/sparql-results+json");
    Path ttlLua = lua("ttl", "GET", null, "text/turtle");
    Path htmlLua = lua("html", "GET", null, "text/html");
    Path plainLua = lua("plain", "GET", null, "*/*");

    MixedLoad mixed = MixedLoad.write(work, nt, 40);
    h.putRaw("serve-mixed", mixed.describe());
    Map<String, Map<String, Wrk>> results = new LinkedHashMap<>();
    Path staticDir = work.resolve("static");
    Files.createDirectories(staticDir);
    try {
      // ours
      int ours = startChild("tracker", List.of("tracker", nq.toString()));
      String base = "http://127.0.0.1:" + ours;
      // the static copies: the very bytes our server answers
      HttpClient http = HttpClient.newHttpClient();
      byte[] ttl = fetch(http, base + "/doc/tracker/" + slug, "text/turtle");
      byte[] html = fetch(http, base + "/doc/tracker/" + slug, "text/html");
      Files.write(staticDir.resolve("tracker.ttl"), ttl);
      Files.write(staticDir.resolve("tracker.html"), html);
      h.putRaw("serve-deref-bytes", Map.of("turtle", ttl.length, "html", html.length));
      results.put("ours lookup", series(base + "/sparql", lookupLua));
      results.put("ours profile", series(base + "/sparql", profileLua));
      results.put("ours deref turtle", series(base + "/doc/tracker/" + slug, ttlLua));
      results.put("ours deref html", series(base + "/doc/tracker/" + slug, htmlLua));
      results.put("ours mixed", mixedRun(base, mixed.all()));
      stopAll();

      // the same queries with the result cache off: what the query engine itself does
      int uncached = startChild("tracker-uncached", List.of("tracker-uncached", nq.toString()));
      String ub = "http://127.0.0.1:" + uncached;
      results.put("uncached lookup", series(ub + "/sparql", lookupLua));
      results.put("uncached profile", series(ub + "/sparql", profileLua));
      stopAll();

      int fuseki = startChild("fuseki", List.of("fuseki", nt.toString(), staticDir.toString()));
      String fb = "http://127.0.0.1:" + fuseki;
      results.put("fuseki lookup", series(fb + "/sparql", lookupLua));
      results.put("fuseki profile", series(fb + "/sparql", profileLua));
      results.put("static turtle", series(fb + "/tracker.ttl", plainLua));
      results.put("static html", series(fb + "/tracker.html", plainLua));
      results.put("fuseki mixed", mixedRun(fb, mixed.sparqlOnly()));
      stopAll();

      // the HTTP floor: the same bytes from memory through a bare Jetty handler
      int floor = startChild("floor", List.of("floor", staticDir.toString()));
      String flb = "http://127.0.0.1:" + floor;
      results.put("floor turtle", series(flb + "/tracker.ttl", plainLua));
      results.put("floor html", series(flb + "/tracker.html", plainLua));
      stopAll();

      String virtuoso = startVirtuoso(nt);
      if (virtuoso != null) {
        results.put("virtuoso lookup", series(virtuoso, lookupLua));
        results.put("virtuoso profile", series(virtuoso, profileLua));
      }
    } finally {
      stopAll();
      stopVirtuoso();
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    results.forEach((k, v) -> raw.put(k, v));
    h.putRaw("serve", raw);

    String note = String.format(Locale.ROOT, "(%,d dossiers; wrk)", size);
    for (String q : new String[] {"lookup", "profile"}) {
      for (String ours : new String[] {"ours", "uncached"}) {
        String what = q + " query " + note + (ours.equals("ours") ? ", repeated: result cache" : ", result cache off");
        compare("serve", what, results.get(ours + " " + q), "bare Fuseki, output buffer 32 KiB",
            results.get("fuseki " + q), "≥ 1.0×", 1.0);
        if (results.containsKey("virtuoso " + q)) {
          compare("serve", what, results.get(ours + " " + q), "Virtuoso 7.2", results.get("virtuoso " + q), "≥ 2.0×",
              2.0);
        }
      }
    }
    compare("dereference", "GET /doc/tracker/… as Turtle", results.get("ours deref turtle"),
        "static file, same bytes, same Jetty", results.get("static turtle"), "≥ 0.8×", 0.8);
    compare("dereference", "GET /doc/tracker/… as HTML", results.get("ours deref html"),
        "static file, same bytes, same Jetty", results.get("static html"), "≥ 0.8×", 0.8);
    compare("floor", "GET /doc/tracker/… as Turtle", results.get("ours deref turtle"),
        "bare Jetty handler, same bytes from memory", results.get("floor turtle"), "≥ 0.9×", 0.9);
    compare("floor", "GET /doc/tracker/… as HTML", results.get("ours deref html"),
        "bare Jetty handler, same bytes from memory", results.get("floor html"), "≥ 0.9×", 0.9);
    Map<String, Wrk> om = results.get("ours mixed");
    Map<String, Wrk> fm = results.get("fuseki mixed");
    if (om != null && fm != null) {
      Wrk o = om.get("c" + MIXED_CONNECTIONS);
      Wrk b = fm.get("c" + MIXED_CONNECTIONS);
      String what = String.format(Locale.ROOT, "%s, %d conn., result cache on (%s; non-2xx %d / %d)",
          mixed.summary(), MIXED_CONNECTIONS, "bare Fuseki gets only the SPARQL requests of the mix", o.errors(),
          b.errors());
      h.row("mixed", "throughput: " + what, o.rps(), "req/s", "bare Fuseki, SPARQL part only", b.rps(),
          o.rps() / b.rps(), "≥ 1.0×", o.rps() / b.rps() >= 1.0 && o.errors() == 0);
      h.row("mixed", "p99 latency: " + what, o.p99ms(), "ms", "bare Fuseki, SPARQL part only", b.p99ms(),
          o.p99ms() / b.p99ms(), "≤ 1.0×", o.p99ms() <= b.p99ms() && o.errors() == 0);
    }
  }

  static final int MIXED_CONNECTIONS = 32;

  /**
   * The scale rows (full run only): our server over TDB2 ({@code serve --tdb}, result cache off) against a bare
   * Fuseki over the very same TDB2 database, lookup and profile at 1/8/32 connections; the resident memory of our
   * server while it serves. The load itself is measured by {@link LoadChild} (TDB2 part) before.
   */
  void scale(Path nq, Path nt, int size, Path tdbDir) throws Exception {
    if (!BenchHarness.onPath("wrk")) {
      h.note("scale: wrk not installed: the scale serving rows were skipped");
      return;
    }
    Files.createDirectories(work);
    String slug = pickTracker(nt);
    String iri = "https://w3id.org/tracker-kg/id/tracker/" + slug;
    Path lookupLua = lua("scale-lookup", "POST", "query=" + BenchHarness.urlEncode(
        "SELECT ?p ?o WHERE { <" + iri + "> ?p ?o } LIMIT 1"), "application/sparql-results+json");
    Path profileLua = lua("scale-profile", "POST", "query=" + BenchHarness.urlEncode(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX schema: <http://schema.org/>\n"
        + "SELECT ?property ?value (MIN(STR(?vl)) AS ?valueLabel) WHERE { <" + iri + "> ?property ?value . "
        + "OPTIONAL { ?value rdfs:label|schema:name ?vl } } GROUP BY ?property ?value ORDER BY ?property STR(?value) "
        + "LIMIT 5000"), "application/sparql-results+json");
    Map<String, Map<String, Wrk>> results = new LinkedHashMap<>();
    long rssKb = -1;
    try {
      int ours = startChild("scale-tracker", "-Xmx20g", List.of("tracker-tdb", nq.toString(), tdbDir.toString()));
      String base = "http://127.0.0.1:" + ours;
      results.put("ours lookup", series(base + "/sparql", lookupLua));
      results.put("ours profile", series(base + "/sparql", profileLua));
      rssKb = rss(started.get(started.size() - 1));
      stopAll();
      String db = org.trackerkg.store.TdbStore.currentName(tdbDir);
      int fuseki = startChild("scale-fuseki", List.of("fuseki-tdb", tdbDir.resolve(db).toString()));
      String fb = "http://127.0.0.1:" + fuseki;
      results.put("fuseki lookup", series(fb + "/sparql", lookupLua));
      results.put("fuseki profile", series(fb + "/sparql", profileLua));
    } finally {
      stopAll();
    }
    h.putRaw("scale-serve", new LinkedHashMap<>(results));
    String note = String.format(Locale.ROOT, "(%,d dossiers, TDB2; wrk)", size);
    for (String q : new String[] {"lookup", "profile"}) {
      compare("scale", q + " query " + note + ", result cache off", results.get("ours " + q),
          "bare Fuseki on the same TDB2 database", results.get("fuseki " + q), "≥ 1.0×", 1.0);
    }
    if (rssKb > 0) {
      h.row("scale", String.format(Locale.ROOT, "resident memory (RSS) of tkg serve --tdb after the serving runs "
          + "(%,d dossiers)", size), rssKb / 1024.0, "MiB", "-", Double.NaN, Double.NaN, "(reported)", null);
    }
  }

  /** VmRSS of a child process in KiB, or -1 off Linux. */
  private static long rss(Process p) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** The mix at 32 connections, after a warm-up that also fills the result cache. */
  private Map<String, Wrk> mixedRun(String base, Path script) throws Exception {
    wrk(base + "/", script, 8, 5);
    return Map.of("c" + MIXED_CONNECTIONS, wrk(base + "/", script, MIXED_CONNECTIONS, h.quick() ? 5 : 20));
  }

  private void compare(String section, String what, Map<String, Wrk> ours, String baseline, Map<String, Wrk> base,
      String target, double min) {
    if (ours == null || base == null) {
      return;
    }
    for (int c : CONNECTIONS) {
      Wrk o = ours.get("c" + c);
      Wrk b = base.get("c" + c);
      if (o == null || b == null) {
        continue;
      }
      double ratio = o.rps() / b.rps();
      String errs = o.errors() > 0 || b.errors() > 0 ? String.format(Locale.ROOT, "; non-2xx %d / %d", o.errors(),
          b.errors()) : "";
      h.row(section, String.format(Locale.ROOT, "%s, %d conn. (p50 %.2f / p99 %.2f ms vs %.2f / %.2f ms%s)", what,
          c, o.p50ms(), o.p99ms(), b.p50ms(), b.p99ms(), errs), o.rps(), "req/s", baseline, b.rps(), ratio,
          target, ratio >= min && o.errors() == 0);
    }
  }

  /** A warm-up, then one wrk run per connection count. */
  private Map<String, Wrk> series(String url, Path script) throws Exception {
    int secs = h.quick() ? 5 : 10;
    // the same warm-up in both modes: a shorter one left the JIT cold in --quick and its ratios against a
    // native baseline (Virtuoso) fell by a third
    wrk(url, script, 8, 5);
    Map<String, Wrk> out = new LinkedHashMap<>();
    for (int c : CONNECTIONS) {
      out.put("c" + c, wrk(url, script, c, secs));
    }
    return out;
  }

  private Wrk wrk(String url, Path script, int connections, int seconds) throws Exception {
    int threads = Math.min(connections, 2);
    List<String> cmd = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
        "--timeout", "10s", "-s", script.toString(), url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    Matcher m = RPS.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk said: " + out);
    }
    double rps = Double.parseDouble(m.group(1));
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher pm = PCT.matcher(out);
    while (pm.find()) {
      double v = Double.parseDouble(pm.group(2)) * switch (pm.group(3)) {
        case "us" -> 1e-3;
        case "s" -> 1e3;
        default -> 1.0;
      };
      if (pm.group(1).equals("50")) {
        p50 = v;
      } else {
        p99 = v;
      }
    }
    Matcher e = NON2XX.matcher(out);
    long errors = e.find() ? Long.parseLong(e.group(1)) : 0;
    Matcher r = REQS.matcher(out);
    long requests = r.find() ? Long.parseLong(r.group(1)) : 0;
    BenchHarness.log("wrk c=%d %s %s: %.0f req/s p50 %.2f ms p99 %.2f ms%s", connections, url,
        script.getFileName(), rps, p50, p99, errors > 0 ? " non-2xx " + errors : "");
    return new Wrk(rps, p50, p99, requests, errors);
  }

  private Path lua(String name, String method, String body, String accept) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("wrk.method = \"").append(method).append("\"\n");
    if (body != null) {
      s.append("wrk.body = [==[").append(body).append("]==]\n");
      s.append("wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
    }
    s.append("wrk.headers[\"Accept\"] = \"").append(accept).append("\"\n");
    Path p = work.resolve(name + ".lua");
    Files.writeString(p, s);
    return p;
  }

  private static byte[] fetch(HttpClient http, String url, String accept) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " (" + accept + "): HTTP " + r.statusCode());
    }
    return r.body();
  }

  /** A tracker from the middle of the dump (a synthetic one with the typical number of statements). */
  private static String pickTracker(Path nt) throws IOException {
    String prefix = "<https://w3id.org/tracker-kg/id/tracker/";
    try (var lines = Files.lines(nt)) {
      List<String> slugs = lines.filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(prefix.length(), l.indexOf('>')))
          .filter(s -> !s.contains("/")).distinct().limit(2000).toList();
      return slugs.get(slugs.size() / 2);
    }
  }

  private int startChild(String name, List<String> args) throws Exception {
    return startChild(name, "-Xmx8g", args);
  }

  private int startChild(String name, String heap, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(h.javaCmd());
    cmd.add(heap);
    if (h.jfr()) {
      cmd.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
    }
    cmd.add("-cp");
    cmd.add(h.classpath());
    cmd.add(ServeChild.class.getName());
    cmd.addAll(args);
    Path log = work.resolve(name + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.add(p);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(name.startsWith("scale") ? 120 : 20);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(name + " server exited: see " + log);
      }
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith("READY ")) {
          return Integer.parseInt(line.split(" ")[1]);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " server not ready");
  }

  private void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
    started.clear();
  }

  // ---------------------------------------------------------------------------------------------- Virtuoso

  private Path virtuosoDir;

  /** bench/virtuoso.sh start DIR NT: prints the SPARQL endpoint URL; null (with a note) when it cannot. */
  private String startVirtuoso(Path nt) throws Exception {
    Path script = Path.of("bench/virtuoso.sh");
    if (Boolean.getBoolean(NO_VIRTUOSO)) {
      h.note("serve: --no-virtuoso: the Virtuoso rows were left out");
      return null;
    }
    if (!BenchHarness.onPath("virtuoso-t")) {
      h.note("serve: Virtuoso not installed (apt-get install -y virtuoso-opensource): the Virtuoso rows were skipped");
      return null;
    }
    if (!Files.isRegularFile(script)) {
      h.note("serve: bench/virtuoso.sh not found: Virtuoso skipped");
      return null;
    }
    virtuosoDir = work.resolve("virtuoso");
    Path log = work.resolve("virtuoso.log");
    Process p = new ProcessBuilder("bash", script.toString(), "start", virtuosoDir.toString(), nt.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log);
      h.note("serve: Virtuoso could not be started or loaded (exit " + (p.isAlive() ? "timeout" : p.exitValue())
          + "): " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
      return null;
    }
    String url = null;
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("ENDPOINT ")) {
        url = line.substring(9).trim();
      }
      if (line.startsWith("LOADED ")) {
        h.putRaw("virtuoso-load", line.substring(7).trim());
      }
    }
    return url;
  }

  private void stopVirtuoso() throws Exception {
    if (virtuosoDir != null) {
      new ProcessBuilder("bash", "bench/virtuoso.sh", "stop", virtuosoDir.toString()).inheritIO().start()
          .waitFor(2, TimeUnit.MINUTES);
      virtuosoDir = null;
    }
  }
}
