package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.publish.DumpWriter;

/**
 * Soak: 32 clients for 60 s against the real server over the seed, mixing SPARQL (GET and POST), dereferencing
 * (303 then Turtle and HTML) and dump downloads (whole and by Range). No errors but 503 timeouts; the heap stays
 * flat. Prints the request count, the rate and the latency percentiles.
 */
@Tag("slow")
class SoakTest {
  static final int CLIENTS = 32;
  static final Duration RUN = Duration.ofSeconds(60);
  static final long HEAP_SLACK = 256L << 20;
  static final String QUERY = "SELECT ?s ?p ?o { ?s ?p ?o } LIMIT 50";
  static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";

  static long usedHeap() throws InterruptedException {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      min = Math.min(min, mx.getHeapMemoryUsage().getUsed());
    }
    return min;
  }

  @Test
  void soak(@TempDir Path tmp) throws Exception {
    Path dumps = Files.createDirectories(tmp.resolve("dumps"));
    DatasetGraph dsg = Fixture.seed();
    DumpWriter.create().write(dsg, dumps);
    TrackerServer server = Fixture.server(dsg).dumpsDir(dumps).build().start();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
    String url = server.url();
    Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong total = new AtomicLong();
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    long end = start + RUN.toNanos();
    List<Thread> threads = new ArrayList<>();
    try {
      for (int t = 0; t < CLIENTS; t++) {
        int id = t;
        Thread th = new Thread(() -> {
          long[] lat = new long[1 << 16];
          int n = 0;
          int i = id;
          while (System.nanoTime() < end && errors.size() < 100) {
            int kind = i++ % 6;
            long t0 = System.nanoTime();
            String what = "kind " + kind;
            try {
              int status;
              switch (kind) {
                case 0 -> {
                  what = "SPARQL GET";
                  status = http.send(HttpRequest.newBuilder(URI.create(url + "sparql?query=" + Fixture.enc(QUERY)))
                      .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build(),
                      HttpResponse.BodyHandlers.discarding()).statusCode();
                  expect(what, status, errors, 200);
                }
                case 1 -> {
                  what = "SPARQL POST";
                  status = http.send(HttpRequest.newBuilder(URI.create(url + "sparql"))
                      .POST(HttpRequest.BodyPublishers.ofString(COUNT, StandardCharsets.UTF_8))
                      .header("Content-Type", "application/sparql-query")
                      .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build(),
                      HttpResponse.BodyHandlers.discarding()).statusCode();
                  expect(what, status, errors, 200);
                }
                case 2, 3 -> {
                  String accept = kind == 2 ? "text/turtle" : "text/html";
                  what = "dereference " + accept;
                  HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "id/tracker/mparticle"))
                      .header("Accept", accept).timeout(Duration.ofSeconds(60)).build(),
                      HttpResponse.BodyHandlers.discarding());
                  status = r.statusCode();
                  if (expect(what, status, errors, 303) && status == 303) {
                    count(byStatus, status);
                    total.incrementAndGet();
                    String loc = r.headers().firstValue("Location").orElse(null);
                    if (loc == null) {
                      errors.add(what + ": 303 without Location");
                      break;
                    }
                    HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(url).resolve(loc))
                        .header("Accept", accept).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    status = doc.statusCode();
                    if (expect(what + " " + loc, status, errors, 200) && status == 200
                        && !doc.headers().firstValue("Content-Type").orElse("").startsWith(accept)) {
                      errors.add(what + ": Content-Type " + doc.headers().firstValue("Content-Type"));
                    }
                  }
                }
                case 4 -> {
                  what = "dump";
                  status = http.send(HttpRequest.newBuilder(URI.create(url + "dumps/tracker-kg.nt.gz"))
                      .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                  expect(what, status, errors, 200);
                }
                default -> {
                  what = "dump Range";
                  HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url + "dumps/tracker-kg.nt.gz"))
                      .header("Range", "bytes=0-99").timeout(Duration.ofSeconds(60)).build(),
                      HttpResponse.BodyHandlers.ofByteArray());
                  status = r.statusCode();
                  if (expect(what, status, errors, 206, 200) && status == 206 && r.body().length != 100) {
                    errors.add(what + ": 206 with " + r.body().length + " bytes");
                  }
                }
              }
              count(byStatus, status);
            } catch (Exception e) {
              count(byStatus, -1);
              errors.add(what + ": " + e);
            }
            total.incrementAndGet();
            if (n == lat.length) {
              lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = System.nanoTime() - t0;
          }
          latencies.add(Arrays.copyOf(lat, n));
        }, "soak-" + t);
        th.setDaemon(true);
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join(RUN.plusSeconds(180).toMillis());
        assertTrue(!th.isAlive(), th.getName() + " still running");
      }
      double secs = (System.nanoTime() - start) / 1e9;
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      long heapAfter = usedHeap();
      System.out.printf("SoakTest: %d requests in %.1f s = %.0f requests/s; p50 %.1f ms, p99 %.1f ms; "
          + "by status %s; heap %d MiB -> %d MiB%n", total.get(), secs, total.get() / secs,
          pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, new TreeMap<>(byStatus), heapBefore >> 20, heapAfter >> 20);
      assertEquals(List.of(), errors.stream().limit(20).toList(), "errors (503 timeouts allowed)");
      assertTrue(total.get() > 0);
      assertTrue(heapAfter < heapBefore + HEAP_SLACK,
          "heap not flat: " + (heapBefore >> 20) + " MiB -> " + (heapAfter >> 20) + " MiB");
      assertEquals(200, Fixture.get(server, "/$/ping").statusCode(), "still up");
    } finally {
      server.stop();
    }
  }

  /** Records an unexpected status (503, a query timeout, is allowed); true when it was one of {@code ok}. */
  private static boolean expect(String what, int status, ConcurrentLinkedQueue<String> errors, int... ok) {
    for (int o : ok) {
      if (status == o) {
        return true;
      }
    }
    if (status != 503) {
      errors.add(what + ": status " + status);
    }
    return false;
  }

  private static void count(Map<String, AtomicLong> m, int status) {
    m.computeIfAbsent(status < 0 ? "failure" : Integer.toString(status), k -> new AtomicLong()).incrementAndGet();
  }

  private static long pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }
}
