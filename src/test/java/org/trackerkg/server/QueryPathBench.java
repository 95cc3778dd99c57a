package org.trackerkg.server;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.vocabulary.RDF;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.store.ServedData;
import org.trackerkg.vocab.Iris;

/**
 * Not a test: the issue-19 measurements of bench/README.md ("Findings"), in one JVM over {@code data/}, one client
 * connection in the same JVM, result cache off, a new query text for every request (the lookup of bench/run, one
 * tracker after the other). Run from the repository root with the test class path:
 * <ul>
 *   <li>{@code ab SECONDS ROUNDS}: two servers with the same routes and data, one with {@link BoundedQuery} as it
 *       is, one with {@link Before} (the flow before: our parse to check the query, then Fuseki's own flow, which
 *       parses it again and prints it for its log; deadline tasks never cancelled); rounds of SECONDS on each,
 *       alternating which goes first; prints each round's requests per second and the ratio.</li>
 *   <li>{@code lookup SECONDS [before]} and {@code deref SECONDS}: one loop against a {@link TrackerServer} (as
 *       served, request log to nowhere), or against the "before" server, for a JFR recording
 *       ({@code -XX:StartFlightRecording=filename=F.jfr,settings=profile}); deref GETs {@code /doc/tracker/…} as
 *       Turtle.</li>
 * </ul>
 */
public final class QueryPathBench {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private QueryPathBench() {}

  /** The flow before issue 19's change, for the A/B only: the hooks are BoundedQuery's own. */
  static final class Before extends SPARQL_QueryDataset {
    private final BoundedQuery now;

    Before(QueryLimits limits) {
      this.now = new BoundedQuery(limits);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
      try {
        if (queryString != null) {
          QueryGuard.parse(queryString, Syntax.syntaxARQ);
        }
      } catch (QueryParseException e) {
        // Fuseki's own answer, below
      } catch (QueryGuard.TooComplex e) {
        ServletOps.errorBadRequest(e.getMessage());
      }
      try {
        super.execute(queryString, action);
      } catch (QueryGuard.TooComplex e) {
        ServletOps.errorBadRequest(e.getMessage());
      } catch (StackOverflowError e) {
        ServletOps.errorBadRequest(QueryGuard.tooDeep().getMessage());
      }
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
      return now.decideDataset(action, query, queryStringLog);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec qExec, Query query, String queryStringLog) {
      return now.executeQuery(action, qExec, query, queryStringLog);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
      return now.createQueryExec(action, query, dataset); // its deadline is never closed, as before
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int seconds = Integer.parseInt(args[1]);
    DatasetGraph dsg = Pipeline.load(List.of(Path.of("data")), Iris.DEFAULT_BASE).dataset();
    List<String> trackers = trackers(dsg);
    System.out.println(trackers.size() + " trackers");
    if (mode.equals("ab")) {
      int rounds = Integer.parseInt(args[2]);
      ServedData data = ServedData.inMemory(dsg, Iris.DEFAULT_BASE, false);
      data.dataset().getContext().set(ARQ.httpServiceAllowed, false);
      Site site = new Site(data, new QueryLimits(TrackerServer.DEFAULT_TIMEOUT.toMillis(),
          TrackerServer.DEFAULT_MAX_ROWS), null, new ResultCache(0));
      FusekiServer now = routes().add(FusekiServer.create(), site, data.dataset()).build().start();
      FusekiServer before = routes().add(FusekiServer.create(), site, data.dataset())
          .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new Before(site.limits()))
          .build().start();
      // for a JFR recording of this run: server threads are named after their pool, CPU samples per request
      System.out.println("now: port " + now.getHttpPort() + ", " + now.getJettyServer().getThreadPool());
      System.out.println("before: port " + before.getHttpPort() + ", " + before.getJettyServer().getThreadPool());
      String a = "http://127.0.0.1:" + now.getHttpPort() + "/sparql";
      String b = "http://127.0.0.1:" + before.getHttpPort() + "/sparql";
      for (int w = 0; w < 3; w++) { // warm-up: both flows compiled by the JIT
        lookups(a, trackers, seconds);
        lookups(b, trackers, seconds);
      }
      List<Double> ratios = new ArrayList<>();
      List<Double> cpuRatios = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        double[] ra;
        double[] rb;
        int queuedBefore = QueryGuard.pendingDeadlines();
        if (r % 2 == 0) {
          ra = measured(a, trackers, seconds);
          rb = measured(b, trackers, seconds);
        } else {
          rb = measured(b, trackers, seconds);
          ra = measured(a, trackers, seconds);
        }
        ratios.add(ra[0] / rb[0]);
        cpuRatios.add(ra[1] / rb[1]);
        System.out.printf("round %d: now %.1f req/s %.0f us CPU/req, before %.1f req/s %.0f us CPU/req; "
            + "throughput ratio %.3f, CPU ratio %.3f; deadlines queued %d -> %d%n", r, ra[0], ra[1], rb[0], rb[1],
            ra[0] / rb[0], ra[1] / rb[1], queuedBefore, QueryGuard.pendingDeadlines());
      }
      System.out.printf("throughput now/before: median %.3f of %s%n", median(ratios), ratios);
      System.out.printf("CPU per request now/before (process, client included): median %.3f of %s%n",
          median(cpuRatios), cpuRatios);
      System.out.println("requests in all (warm-up included): " + REQUESTS);
      now.stop();
      before.stop();
    } else {
      TrackerServer s = TrackerServer.create().dataset(dsg).port(0).resultCache(0)
          .requestLog(new PrintStream(OutputStream.nullOutputStream())).messages(null).build().start();
      String url = s.url();
      if (mode.equals("lookup") && args.length > 2 && args[2].equals("before")) {
        ServedData data = ServedData.inMemory(dsg, Iris.DEFAULT_BASE, false);
        data.dataset().getContext().set(ARQ.httpServiceAllowed, false);
        Site site = new Site(data, new QueryLimits(TrackerServer.DEFAULT_TIMEOUT.toMillis(),
            TrackerServer.DEFAULT_MAX_ROWS), null, new ResultCache(0));
        FusekiServer before = routes().add(FusekiServer.create(), site, data.dataset())
            .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new Before(site.limits()))
            .build().start();
        url = "http://127.0.0.1:" + before.getHttpPort() + "/";
      }
      if (mode.equals("lookup")) {
        System.out.printf("lookup: %.1f req/s%n", lookups(url + "sparql", trackers, seconds));
      } else {
        System.out.printf("deref: %.1f req/s%n", derefs(url, trackers, seconds));
      }
      System.exit(0);
    }
  }

  private static double median(List<Double> xs) {
    double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  /** Requests per second and the process's CPU microseconds per request (client included) over one loop. */
  private static double[] measured(String endpoint, List<String> trackers, int seconds) throws Exception {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    double rps = lookups(endpoint, trackers, seconds);
    double requests = rps * (System.nanoTime() - t0) / 1e9;
    return new double[] {rps, (os.getProcessCpuTime() - cpu0) / 1e3 / requests};
  }

  private static Routes routes() {
    return new Routes(0, TrackerServer.DEFAULT_MAX_BODY_BYTES, 0, null, null, null);
  }

  /** The trackers' IRIs, sorted. */
  static List<String> trackers(DatasetGraph dsg) {
    TreeSet<String> out = new TreeSet<>();
    Node tracker = org.apache.jena.graph.NodeFactory.createURI(org.trackerkg.vocab.TKG.NS + "Tracker");
    dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), tracker).forEachRemaining(q -> {
      if (q.getSubject().isURI()) {
        out.add(q.getSubject().getURI());
      }
    });
    return new ArrayList<>(out);
  }

  /** Requests per second of the lookup query, a new text (the next tracker) each time, for {@code seconds}. */
  static final java.util.Map<String, Long> REQUESTS = new java.util.TreeMap<>();

  static double lookups(String endpoint, List<String> trackers, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long t0 = System.nanoTime();
    int n = 0;
    while (System.nanoTime() < end) {
      String q = "SELECT ?p ?o WHERE { <" + trackers.get(n % trackers.size()) + "> ?p ?o } LIMIT 1";
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/sparql-results+json")
          .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
      }
      n++;
    }
    REQUESTS.merge(endpoint, (long) n, Long::sum);
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /** Requests per second of GET /doc/tracker/… as Turtle, one tracker after the other, for {@code seconds}. */
  static double derefs(String base, List<String> trackers, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long t0 = System.nanoTime();
    int n = 0;
    while (System.nanoTime() < end) {
      String iri = trackers.get(n % trackers.size());
      String path = "doc/" + iri.substring(Iris.DEFAULT_BASE.length() + "id/".length());
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Accept", "text/turtle").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + ": " + r.statusCode());
      }
      n++;
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }
}
