package org.trackerkg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.link.SignatureMatcher;
import org.trackerkg.pipeline.DumpCache;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/**
 * Not a test (never run by {@code mvn verify}): the whole pipeline measured against its peers and its limits.
 * Run it with {@code bench/run [--quick]}; it writes {@code bench/results.md} and {@code bench/results.json}.
 * Every figure stands beside its baseline, measured in the same run; heavy parts run in child JVMs.
 *
 * <pre>
 * Options: --quick            small sizes, short load runs (a few minutes)
 *          --only a,b,…       sections: read,convert,load,serve,scale,startup,match (default: all; scale: full only)
 *          --work DIR         scratch folder (default /tmp/tkg-bench)
 *          --out DIR          where results go (default bench)
 *          --corpus DIR       the shared corpus (default ../shared/corpus)
 *          --jfr              record each server child with JFR (files in the work folder)
 *          --note TEXT        a note printed at the top of results.md (e.g. what else the machine was doing)
 *          --no-virtuoso      leave Virtuoso out even where it is installed (a smoke run of the serve rows)
 * </pre>
 */
public final class BenchHarness {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long SEED = 42;

  private final boolean quick;
  private final Path work;
  private final Path outDir;
  private final Path corpus;
  private final boolean jfr;
  private final List<String> only;
  private final String runNote;
  private final String cp = System.getProperty("java.class.path");
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final Map<String, Object> raw = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  private BenchHarness(boolean quick, Path work, Path outDir, Path corpus, boolean jfr, List<String> only,
      String runNote) {
    this.quick = quick;
    this.work = work;
    this.outDir = outDir;
    this.corpus = corpus;
    this.jfr = jfr;
    this.only = only;
    this.runNote = runNote;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    boolean jfr = false;
    Path work = Path.of("/tmp/tkg-bench");
    Path out = Path.of("bench");
    Path corpus = org.trackerkg.Corpus.project().resolve("../shared/corpus").normalize();
    List<String> only = List.of("read", "convert", "load", "serve", "scale", "startup", "match");
    String note = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--jfr" -> jfr = true;
        case "--work" -> work = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--only" -> only = Arrays.asList(args[++i].split(","));
        case "--note" -> note = args[++i];
        case "--no-virtuoso" -> System.setProperty(ServeBench.NO_VIRTUOSO, "true");
        default -> {
          System.err.println("unknown option " + args[i]
              + "; usage: BenchHarness [--quick] [--only read,convert,load,serve,scale,startup,match] [--work DIR] "
              + "[--out DIR] [--corpus DIR] [--jfr] [--note TEXT] [--no-virtuoso]");
          System.exit(2);
        }
      }
    }
    if (!Files.isDirectory(corpus.resolve("tracker-profiles"))) {
      System.err.println("corpus not found at " + corpus + " (use --corpus)");
      System.exit(2);
    }
    Files.createDirectories(work);
    Files.createDirectories(out);
    // interrupted or failed: leave no server or loader child behind
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
        .forEach(ProcessHandle::destroy), "bench-children"));
    new BenchHarness(quick, work, out, corpus, jfr, only, note).run();
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    raw.put("mode", quick ? "quick" : "full");
    if (runNote != null && !runNote.isBlank()) {
      raw.put("note", runNote.strip());
    }
    raw.put("machine", machine());
    raw.put("loadavgStart", loadavg());
    log("load average at start: %s", raw.get("loadavgStart"));
    int[] sizes = quick ? new int[] {200, 1000, 2000} : new int[] {1000, 10000, 100000};
    // the served data set is the full run's in --quick too, so its ratios compare with results.md;
    // --quick saves its time on the convert sizes, the rounds and the length of each load point
    int serveSize = 2000;
    Map<Integer, Path> dirs = new LinkedHashMap<>();
    for (int n : concat(concat(sizes, serveSize), startupSize())) {
      Path d = work.resolve("corpus-" + n);
      long t = System.nanoTime();
      SyntheticCorpus.Stats s = SyntheticCorpus.generate(corpus, d, n, SEED);
      log("corpus %d: %,d bytes (%.1f s)", n, s.bytes(), (System.nanoTime() - t) / 1e9);
      dirs.put(n, d);
    }
    if (only.contains("read")) {
      section("read", () -> read(dirs.get(sizes[1])));
    }
    // the serving data set: N-Triples and N-Quads dumps of the serve-size corpus (written by the convert section
    // when it converts that size; the N-Quads come after its timings)
    Path nt = work.resolve("serve-" + serveSize + ".nt");
    Path nq = work.resolve("serve-" + serveSize + ".nq");
    if (only.contains("convert")) {
      section("convert", () -> convert(sizes, dirs, serveSize, nt, nq));
    }
    boolean haveDumps = Files.exists(nq) && Files.exists(nt);
    if (!haveDumps && (only.contains("load") || only.contains("serve") || only.contains("startup"))) {
      JsonNode r = child(List.of("-Xmx8g"), ConvertChild.class, Duration.ofMinutes(30),
          dirs.get(serveSize).toString(), nt.toString(), nq.toString());
      haveDumps = r != null;
      if (!haveDumps) {
        Files.deleteIfExists(nt);
        Files.deleteIfExists(nq);
        notes.add("could not convert the serving corpus (" + lastChildFailure + "): load and serve skipped");
      }
    }
    if (only.contains("load") && haveDumps) {
      section("load", () -> load(nq, nt));
    }
    if (only.contains("serve") && haveDumps) {
      section("serve", () -> new ServeBench(this).run(nq, nt, serveSize));
    }
    if (only.contains("scale")) {
      if (quick) {
        notes.add("scale: part of the full run only (100 000 dossiers): skipped in --quick");
      } else {
        section("scale", () -> scale(dirs.get(sizes[sizes.length - 1]), sizes[sizes.length - 1]));
      }
    }
    if (only.contains("startup")) {
      section("startup", () -> startup(dirs.get(startupSize()), startupSize()));
    }
    if (only.contains("match")) {
      section("match", this::match);
    }
    raw.put("started", started.toString());
    raw.put("seconds", Duration.between(started, Instant.now()).toSeconds());
    raw.put("loadavgEnd", loadavg());
    log("load average at end: %s", raw.get("loadavgEnd"));
    write();
  }

  interface Section {
    void run() throws Throwable;
  }

  private void section(String name, Section s) {
    log("== %s", name);
    try {
      s.run();
    } catch (Throwable e) {
      notes.add(name + ": failed: " + e);
      log("%s failed: %s", name, e);
      e.printStackTrace();
    }
  }

  // ------------------------------------------------------------------------------------------------ read

  private void read(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    long bytes = 0;
    for (Path p : files) {
      bytes += Files.size(p);
    }
    Parser commonmark = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    int warm = quick ? 3 : 5;
    int rounds = quick ? 5 : 11;
    for (int i = 0; i < warm; i++) {
      DossierReader.read(List.of(dir));
      for (Path p : files) {
        commonmark.parse(Files.readString(p));
      }
    }
    double[] ours = new double[rounds];
    double[] base = new double[rounds];
    for (int i = 0; i < rounds; i++) {  // interleaved, so background load hits both alike
      long t = System.nanoTime();
      DossierReader.read(List.of(dir));
      ours[i] = (System.nanoTime() - t) / 1e9;
      t = System.nanoTime();
      for (Path p : files) {
        commonmark.parse(Files.readString(p));
      }
      base[i] = (System.nanoTime() - t) / 1e9;
    }
    double o = bytes / median(ours) / 1e6;
    double b = bytes / median(base) / 1e6;
    raw.put("read", Map.of("files", files.size(), "bytes", bytes, "oursS", ours, "commonmarkS", base));
    row("read", "DossierReader.read, " + files.size() + " synthetic dossiers", o, "MB/s",
        "commonmark-java alone (read + parse, same files)", b, o / b, "≥ 0.5×", o / b >= 0.5);
  }

  // --------------------------------------------------------------------------------------------- convert

  private void convert(int[] sizes, Map<Integer, Path> dirs, int serveSize, Path serveNt, Path serveNq)
      throws Exception {
    Map<Integer, JsonNode> results = new LinkedHashMap<>();
    for (int n : sizes) {
      boolean last = n == sizes[sizes.length - 1];
      // the largest size runs within a 2 GiB heap (the target); the others get room, to measure speed alone
      // (Parallel GC there: its GC-overhead limit turns a heap that is too small into a prompt OutOfMemoryError)
      List<String> jvm = last ? List.of("-Xmx2g", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError")
          : List.of("-Xmx8g");
      boolean serving = n == serveSize;  // keep its dumps for load, serve and startup
      // the startup size's N-Triples are kept for the startup section's bare Fuseki
      Path nt = serving ? serveNt : n == startupSize() ? work.resolve("startup-" + n + ".nt")
          : work.resolve("convert-" + n + ".nt");
      List<String> args = serving ? List.of(dirs.get(n).toString(), nt.toString(), serveNq.toString())
          : List.of(dirs.get(n).toString(), nt.toString());
      if (serving) {
        Files.deleteIfExists(serveNq);  // present only once complete
      }
      long t = System.nanoTime();
      JsonNode r = child(jvm, ConvertChild.class, Duration.ofMinutes(quick ? 10 : 40), args.toArray(String[]::new));
      double wall = (System.nanoTime() - t) / 1e9;
      if ((!serving && n != startupSize()) || r == null) {
        Files.deleteIfExists(nt);
      }
      if (serving && r == null) {
        Files.deleteIfExists(serveNq);
      }
      if (r == null) {
        String why = lastChildFailure;
        notes.add("convert " + n + " (" + jvm.get(0) + "): did not complete: " + why);
        row("convert", n + " dossiers within " + jvm.get(0).substring(5) + " heap", 0, "completed", "-", 1, 0,
            "completes", false);
        raw.put("convert-" + n, Map.of("failed", why, "wallS", wall));
        continue;
      }
      results.put(n, r);
      raw.put("convert-" + n, r);
      double total = r.get("readS").asDouble() + r.get("mapS").asDouble() + r.get("writeNtS").asDouble();
      long triples = r.get("triples").asLong();
      row("convert", String.format(Locale.ROOT, "%,d dossiers → %,d triples: dossiers/s (tkg convert --format nt: two passes, sorted lines)", n,
          triples), n / total, "dossiers/s", "-", Double.NaN, Double.NaN, "", null);
      row("convert", String.format(Locale.ROOT, "%,d dossiers: triples/s end to end", n), triples / total,
          "triples/s", "-", Double.NaN, Double.NaN, "", null);
      // both writers get the same stream of triples from the mapping (repeats included); ours also sorts them
      // (spilling sorted runs to disk past 64 M characters), drops the repeats and merges
      long streamedTriples = r.get("streamedQuads").asLong();
      double ourWrite = streamedTriples / r.get("writeNtS").asDouble();
      double jenaWrite = streamedTriples / r.get("jenaWriteNtS").asDouble();
      row("convert", String.format(Locale.ROOT, "%,d dossiers: writing N-Triples (%,d mapped triples → sorted, "
          + "distinct lines: RdfOutput.SortedLines)", n, streamedTriples), ourWrite, "triples/s",
          "Jena StreamRDFWriter N-Triples, the same triples as they come (unsorted)", jenaWrite,
          ourWrite / jenaWrite, "", null);
      if (last) {
        row("convert", String.format(Locale.ROOT, "%,d dossiers within a 2 GiB heap (peak %,d MB)", n,
            r.get("peakHeapMB").asLong()), 1, "completed", "-", Double.NaN, Double.NaN, "completes", true);
      }
    }
    if (!results.isEmpty()) {
      int first = results.keySet().iterator().next();
      JsonNode f = results.get(first);
      double c0 = cost(f) / first;
      for (Map.Entry<Integer, JsonNode> e : results.entrySet()) {
        double c = cost(e.getValue()) / e.getKey();
        boolean target = e.getKey() != first;
        row("convert", String.format(Locale.ROOT, "cost per dossier at %,d (first pass %.2f + second pass, "
                + "reading again and mapping, %.2f + lines %.2f ms)",
                e.getKey(), 1e3 * e.getValue().get("readS").asDouble() / e.getKey(),
                1e3 * e.getValue().get("mapS").asDouble() / e.getKey(),
                1e3 * e.getValue().get("writeNtS").asDouble() / e.getKey()), c * 1e3, "ms/dossier",
            "the same at " + first, c0 * 1e3, c / c0, target ? "≤ 1.10×" : "", target ? c / c0 <= 1.10 : null);
      }
    }
  }

  private static double cost(JsonNode r) {
    return r.get("readS").asDouble() + r.get("mapS").asDouble() + r.get("writeNtS").asDouble();
  }

  // ------------------------------------------------------------------------------------------------ load

  private void load(Path nq, Path nt) throws Exception {
    JsonNode r = child(List.of("-Xmx10g"), LoadChild.class, Duration.ofMinutes(40), nq.toString(), nt.toString(),
        work.toString());
    if (r == null) {
      notes.add("load: child failed: " + lastChildFailure);
      return;
    }
    raw.put("load", r);
    long quads = r.get("quads").asLong();
    long triples = r.get("triples").asLong();
    double ours = quads / r.get("oursMemS").asDouble();
    double jena = quads / r.get("jenaMemS").asDouble();
    row("load", String.format(Locale.ROOT, "in memory, %,d quads (%,d distinct triples): parse + TrackerServer build",
        quads, triples), ours, "quads/s", "RDFParser → in-memory transactional dataset", jena, ours / jena,
        "≥ 0.9×", ours / jena >= 0.9);
    double oursTdb = quads / r.get("oursTdbS").asDouble();
    double par = quads / r.get("jenaTdbParallelS").asDouble();
    double ph = quads / r.get("jenaTdbPhasedS").asDouble();
    row("load", "TDB2: TrackerServer --tdb (TdbStore)", oursTdb, "quads/s", "TDB2 parallelLoader", par,
        oursTdb / par, "≥ 0.9×", oursTdb / par >= 0.9);
    row("load", "TDB2: TrackerServer --tdb (TdbStore)", oursTdb, "quads/s", "TDB2 phasedLoader", ph,
        oursTdb / ph, "≥ 0.9×", oursTdb / ph >= 0.9);
    double memRatio = r.get("oursMemHeapPerTriple").asDouble() / r.get("jenaMemNtHeapPerTriple").asDouble();
    row("memory", "heap bytes per triple, TrackerServer in memory (named graphs + union copy + index)",
        r.get("oursMemHeapPerTriple").asDouble(), "B/triple", "Jena's default in-memory dataset (createTxnMem), "
            + "the N-Triples dump", r.get("jenaMemNtHeapPerTriple").asDouble(), memRatio, "≤ 0.6×", memRatio <= 0.6);
    row("memory", "heap bytes per quad, Jena in-memory dataset of the N-Quads dump",
        r.get("jenaMemHeapPerQuad").asDouble(), "B/quad", "-", Double.NaN, Double.NaN, "", null);
    row("memory", "TDB2 bytes on disk per quad (TdbStore, apparent size)", (double) r.get("oursTdbBytes").asLong()
            / quads, "B/quad", "TDB2 parallelLoader", (double) r.get("jenaTdbParallelBytes").asLong() / quads,
        (double) r.get("oursTdbBytes").asLong() / r.get("jenaTdbParallelBytes").asLong(), "", null);
  }

  // ----------------------------------------------------------------------------------------------- scale

  /**
   * Full run only: the largest corpus (100 000 dossiers, ~47 M quads) in TDB2. Load: {@code TrackerServer --tdb}
   * against Jena's parallel loader on the same N-Quads; disk bytes per quad; then serving from that store against a
   * bare Fuseki on the same database ({@link ServeBench#scale}). Our side holds the parsed input in memory before it
   * loads (TrackerServer takes a dataset): a 20 GiB heap.
   */
  private void scale(Path dir, int n) throws Exception {
    Path nt = work.resolve("scale-" + n + ".nt");
    Path nq = work.resolve("scale-" + n + ".nq");
    if (!Files.exists(nq) || !Files.exists(nt)) {
      JsonNode c = child(List.of("-Xmx8g"), ConvertChild.class, Duration.ofMinutes(60), dir.toString(),
          nt.toString(), nq.toString());
      if (c == null) {
        Files.deleteIfExists(nt);
        Files.deleteIfExists(nq);
        notes.add("scale: could not convert " + n + " dossiers: " + lastChildFailure);
        return;
      }
    }
    Path scaleWork = work.resolve("scale");
    Files.createDirectories(scaleWork);
    JsonNode r = child(List.of("-Xmx20g"), LoadChild.class, Duration.ofMinutes(180), nq.toString(), nt.toString(),
        scaleWork.toString(), "scale");
    if (r == null) {
      notes.add("scale: load failed: " + lastChildFailure);
      return;
    }
    raw.put("scale-load", r);
    long quads = r.get("quads").asLong();
    double ours = quads / r.get("oursTdbS").asDouble();
    double par = quads / r.get("jenaTdbParallelS").asDouble();
    row("scale", String.format(Locale.ROOT, "TDB2 load of %,d dossiers (%,d quads): TrackerServer --tdb", n, quads),
        ours, "quads/s", "TDB2 parallelLoader, same N-Quads", par, ours / par, "≥ 0.9×", ours / par >= 0.9);
    row("scale", "TDB2 bytes on disk per quad (TdbStore, apparent size)", (double) r.get("oursTdbBytes").asLong()
            / quads, "B/quad", "TDB2 parallelLoader", (double) r.get("jenaTdbParallelBytes").asLong() / quads,
        (double) r.get("oursTdbBytes").asLong() / r.get("jenaTdbParallelBytes").asLong(), "(reported)", null);
    new ServeBench(this).scale(nq, nt, n, scaleWork.resolve("tdb-ours"));
    notes.add("scale: tdb2.xloader (a shell script around jena-cmds and sort(1)) was not run: the parallel loader "
        + "is the baseline");
  }

  // --------------------------------------------------------------------------------------------- startup

  private void startup(Path dir, int n) throws Exception {
    Path data = Path.of("src/test/seed");
    Path nt = work.resolve("serve-" + n + ".nt");  // the serving dump of that size, when there is one
    if (!Files.exists(nt)) {
      nt = work.resolve("startup-" + n + ".nt");
    }
    if (!Files.exists(nt)) {
      child(List.of("-Xmx8g"), ConvertChild.class, Duration.ofMinutes(30), dir.toString(), nt.toString());
    }
    Path dataNt = work.resolve("startup-data.nt");
    if (!Files.exists(dataNt)) {
      child(List.of("-Xmx2g"), ConvertChild.class, Duration.ofMinutes(5), data.toString(), dataNt.toString());
    }
    for (Object[] c : new Object[][] {{"data/", data, dataNt}, {n + " dossiers", dir, nt}}) {
      // data/ takes seconds: the median of three; the large corpus takes minutes: once
      int r = c[0].equals("data/") ? 3 : 1;
      double[] o = new double[r];
      double[] w = new double[r];
      double[] b = new double[r];
      Path dumps = work.resolve("startup-dumps");
      List<String> serve = List.of(javaBin, "-Xmx10g", "-cp", cp, "org.trackerkg.cli.Main", "serve",
          c[1].toString(), "--port", "PORT", "--host", "127.0.0.1", "--dumps", dumps.toString());
      for (int i = 0; i < r; i++) {
        LoadChild.deleteTree(dumps);  // a first start: nothing to reuse
        o[i] = timeToPing(serve, null);
        b[i] = timeToPing(List.of(javaBin, "-Xmx10g", "-cp", cp, ServeChild.class.getName(), "fuseki",
            c[2].toString()), null);
      }
      // a restart over the same input: the dumps the first start wrote (and recorded) are loaded instead
      LoadChild.deleteTree(dumps);
      timeToPing(serve, dumps.resolve(DumpCache.RECORD));
      for (int i = 0; i < r; i++) {
        w[i] = timeToPing(serve, null);
      }
      double om = median(o);
      double wm = median(w);
      double bm = median(b);
      raw.put("startup " + c[0], Map.of("oursS", o, "oursWarmS", w, "bareFusekiS", b));
      row("startup", "time to /$/ping, tkg serve " + c[0] + ", first start (read, map, validate, load; dumps in "
          + "the background)", om, "s", "bare FusekiServer loading the same N-Triples", bm, om / bm, "≤ 1.2×",
          om / bm <= 1.2);
      row("startup", "time to /$/ping, tkg serve " + c[0] + " --dumps DIR, restart over the same input (loads "
          + "its N-Quads dump)", wm, "s", "bare FusekiServer loading the same N-Triples", bm, wm / bm, "≤ 1.2×",
          wm / bm <= 1.2);
    }
  }

  /**
   * Starts the command; seconds until GET /$/ping answers 200 (PORT in the command is replaced by a free port).
   * With {@code awaitFile}, the server is only stopped once that file exists (bounded by the same deadline).
   */
  private double timeToPing(List<String> command, Path awaitFile) throws Exception {
    int port = freePort();
    List<String> cmd = command.stream().map(s -> s.equals("PORT") ? String.valueOf(port) : s).toList();
    boolean fixedPort = command.contains("PORT");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(work.resolve("startup-child.log").toFile());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long t = System.nanoTime();
    Process p = pb.start();
    try {
      int actual = port;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(quick ? 10 : 30);
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException("server exited " + p.exitValue() + ": see "
              + work.resolve("startup-child.log"));
        }
        if (!fixedPort) {
          actual = readyPort(work.resolve("startup-child.log"));
        }
        if (actual > 0) {
          try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + actual
                + "/$/ping")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
              double ready = (System.nanoTime() - t) / 1e9;
              while (awaitFile != null && !Files.exists(awaitFile) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
              }
              return ready;
            }
          } catch (IOException e) {
            // not yet
          }
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("server not ready in time");
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static int readyPort(Path log) {
    try {
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith("READY ")) {
          return Integer.parseInt(line.split(" ")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not written yet
    }
    return -1;
  }

  static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  // ----------------------------------------------------------------------------------------------- match

  private void match() throws Exception {
    Pipeline.Loaded loaded = Pipeline.load(List.of(corpus.resolve("exodus/trackers.json")), Iris.DEFAULT_BASE);
    DatasetGraph dsg = loaded.dataset();
    SignatureMatcher matcher = SignatureMatcher.fromDataset(dsg, Iris.DEFAULT_BASE);
    int signatures = matcher.signatures();
    // class names: a third inside a tracker's code signature, the rest app classes that match nothing
    List<String> codeSigs = new ArrayList<>();
    JsonNode trackers = new ObjectMapper().readTree(corpus.resolve("exodus/trackers.json").toFile()).get("trackers");
    for (JsonNode t : trackers) {
      for (String s : t.path("code_signature").asText("").split("\\|")) {
        if (!s.isBlank()) {
          codeSigs.add(s.strip());
        }
      }
    }
    SplittableRandom r = new SplittableRandom(SEED);
    String[] words = {"ui", "model", "net", "util", "core", "internal", "data", "view", "service", "impl"};
    String[] names = new String[100_000];
    for (int i = 0; i < names.length; i++) {
      String prefix = i % 3 == 0 ? codeSigs.get(r.nextInt(codeSigs.size()))
          : "com.example" + r.nextInt(5000) + "." + words[r.nextInt(words.length)];
      names[i] = prefix + "." + words[r.nextInt(words.length)] + ".C" + r.nextInt(1000);
    }
    long hits = 0;
    for (int w = 0; w < 3; w++) {
      for (String n : names) {
        hits += matcher.match(n, SignatureMatcher.As.CLASS).size();
      }
    }
    int rounds = quick ? 5 : 15;
    double[] secs = new double[rounds];
    for (int k = 0; k < rounds; k++) {
      long t = System.nanoTime();
      for (String n : names) {
        hits += matcher.match(n, SignatureMatcher.As.CLASS).size();
      }
      secs[k] = (System.nanoTime() - t) / 1e9;
    }
    double rate = names.length / median(secs);
    raw.put("match", Map.of("signatures", signatures, "names", names.length, "roundS", secs, "hits", hits));
    row("match", "class names/s against all " + signatures + " εxodus signatures (one thread)", rate, "names/s",
        "target", 1e6, rate / 1e6, "≥ 1 000 000/s", rate >= 1e6);
  }

  // --------------------------------------------------------------------------------------------- helpers

  String lastChildFailure = "";
  private int children;

  /** Runs a main class in a child JVM; its RESULT line as JSON, or null (and lastChildFailure) when it failed. */
  JsonNode child(List<String> jvm, Class<?> main, Duration limit, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin);
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    log("child: %s %s %s", jvm, main.getSimpleName(), String.join(" ", args));
    Path logFile = work.resolve("child-" + main.getSimpleName() + "-" + (++children) + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      lastChildFailure = "timed out after " + limit.toMinutes() + " min";
      return null;
    }
    List<String> lines = Files.readAllLines(logFile);
    for (String line : lines) {
      if (line.startsWith("RESULT ")) {
        return new ObjectMapper().readTree(line.substring(7));
      }
    }
    String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    lastChildFailure = "exit " + p.exitValue() + (tail.contains("OutOfMemoryError") ? " (OutOfMemoryError)" : "")
        + ": " + tail;
    return null;
  }

  void row(String section, String what, double ours, String unit, String baseline, double base, double ratio,
      String target, Boolean met) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("section", section);
    m.put("what", what);
    m.put("ours", ours);
    m.put("unit", unit);
    m.put("baseline", baseline);
    m.put("baselineValue", Double.isNaN(base) ? null : base);
    m.put("ratio", Double.isNaN(ratio) ? null : ratio);
    m.put("target", target);
    m.put("met", met);
    rows.add(m);
    log("%s | %s | %s %s | %s %s | %s | %s %s", section, what, fmt(ours), unit, baseline, fmt(base), fmt(ratio),
        target, met == null ? "" : met ? "MET" : "MISSED");
  }

  void note(String s) {
    notes.add(s);
  }

  void putRaw(String k, Object v) {
    raw.put(k, v);
  }

  /** The corpus size whose start is timed besides data/. */
  private int startupSize() {
    // the 10k start alone took 11 minutes of a 21-minute quick run: --quick starts the served 2k corpus instead
    return quick ? 2000 : 10000;
  }

  boolean quick() {
    return quick;
  }

  Path work() {
    return work;
  }

  boolean jfr() {
    return jfr;
  }

  String javaCmd() {
    return javaBin;
  }

  String classpath() {
    return cp;
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static String fmt(double d) {
    if (Double.isNaN(d)) {
      return "–";
    }
    double a = Math.abs(d);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", d);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    return String.format(Locale.ROOT, "%.2f", d);
  }

  static void log(String fmt, Object... args) {
    System.out.printf(Locale.ROOT, "[bench %tT] " + fmt + "%n", prepend(Instant.now().atZone(java.time.ZoneId.systemDefault()), args));
    System.out.flush();
  }

  private static Object[] prepend(Object a, Object[] rest) {
    Object[] out = new Object[rest.length + 1];
    out[0] = a;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  private static int[] concat(int[] a, int b) {
    int[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return Arrays.stream(out).distinct().toArray();
  }

  /** The first three fields of /proc/loadavg (1, 5 and 15 minutes), or "?" off Linux. */
  private static String loadavg() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Whether the 1-minute load average exceeds the number of cores. */
  private static boolean busy(String loadavg, Object nproc) {
    try {
      return Double.parseDouble(loadavg.split(" ")[0]) > ((Number) nproc).doubleValue();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether an executable of that name is on the PATH. */
  static boolean onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nproc", Runtime.getRuntime().availableProcessors());
    m.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal:"));
    m.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("jena", org.apache.jena.Jena.VERSION);
    m.put("commonmark", jarVersion("commonmark-"));
    m.put("jetty", jarVersion("jetty-server-"));
    m.put("wrk", onPath("wrk") ? command("wrk", "-v") : "wrk not installed");
    m.put("virtuoso", onPath("virtuoso-t")
        ? "Virtuoso " + command("dpkg-query", "-W", "-f=${Version}", "virtuoso-opensource-7-bin")
        : "Virtuoso not installed");
    return m;
  }

  private String jarVersion(String prefix) {
    for (String e : cp.split(java.io.File.pathSeparator)) {
      String f = Path.of(e).getFileName().toString();
      if (f.startsWith(prefix) && f.endsWith(".jar")) {
        return f.substring(prefix.length(), f.length() - 4);
      }
    }
    return "?";
  }

  private static String firstLine(Path p, String prefix) {
    try {
      for (String line : Files.readAllLines(p)) {
        if (line.startsWith(prefix)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "?";
  }

  static String command(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        out = r.lines().filter(s -> !s.isBlank()).findFirst().orElse("");
      }
      p.waitFor(10, TimeUnit.SECONDS);
      return out.trim();
    } catch (IOException | InterruptedException e) {
      return "not installed";
    }
  }

  static String urlEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private void write() throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rows", rows);
    json.put("notes", notes);
    json.put("raw", raw);
    JSON.writeValue(outDir.resolve("results.json").toFile(), json);
    StringBuilder md = new StringBuilder();
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) raw.get("machine");
    md.append("# tracker-kg benchmark results\n\n");
    if (runNote != null && !runNote.isBlank()) {
      md.append("> **Note:** ").append(runNote.strip()).append("\n\n");
    }
    if (busy((String) raw.get("loadavgStart"), m.get("nproc"))
        || busy((String) raw.get("loadavgEnd"), m.get("nproc"))) {
      md.append(String.format(Locale.ROOT, "> **Caution:** the machine was busy (load average %s at start, %s at end, "
          + "on %s cores): absolute figures are low and noisy; the ratios, taken side by side, are the better guide."
          + "%n%n", raw.get("loadavgStart"), raw.get("loadavgEnd"), m.get("nproc")));
    }
    md.append(String.format(Locale.ROOT, "Run %s (%s mode, %s s). Machine: %s cores, %s, %s; load average %s at "
            + "start, %s at end; %s; %s; Jena %s, commonmark-java %s, Jetty %s; %s; %s.%n%n", raw.get("started"),
        raw.get("mode"), raw.get("seconds"), m.get("nproc"), m.get("memory"), m.get("cpu"), raw.get("loadavgStart"),
        raw.get("loadavgEnd"), m.get("os"), m.get("java"), m.get("jena"), m.get("commonmark"), m.get("jetty"),
        m.get("wrk"), m.get("virtuoso")));
    md.append("Each figure stands beside its baseline, measured in the same run, on the same data; "
        + "ratio = ours ÷ baseline (for times and costs, lower is better; for rates, higher).\n\n");
    md.append("| section | what | ours | unit | baseline | baseline value | ratio | target | met? |\n");
    md.append("| --- | --- | ---: | --- | --- | ---: | ---: | --- | --- |\n");
    for (Map<String, Object> r : rows) {
      md.append("| ").append(r.get("section")).append(" | ").append(r.get("what")).append(" | ")
          .append(fmt((double) r.get("ours"))).append(" | ").append(r.get("unit")).append(" | ")
          .append(r.get("baseline")).append(" | ")
          .append(r.get("baselineValue") == null ? "" : fmt((double) r.get("baselineValue"))).append(" | ")
          .append(r.get("ratio") == null ? "" : fmt((double) r.get("ratio")) + "×").append(" | ")
          .append(r.get("target")).append(" | ")
          .append(r.get("met") == null ? "" : (Boolean) r.get("met") ? "met" : "**missed**").append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append("\nNotes:\n\n");
      notes.forEach(n -> md.append("- ").append(n.replace("|", "\\|")).append('\n'));
    }
    Files.writeString(outDir.resolve("results.md"), md.toString());
    log("wrote %s and %s", outDir.resolve("results.md"), outDir.resolve("results.json"));
  }
}
