package org.trackerkg.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.trackerkg.store.ServedData;
import org.trackerkg.store.TdbStore;
import org.trackerkg.vocab.Iris;

/**
 * One embedded Apache Jena Fuseki server publishing the tracker graph: the read-only SPARQL endpoint at
 * {@code /sparql}, the linked-data front end ({@code /id/…}, {@code /doc/…}), pages for people, VoID, the
 * ontology and the dumps. Build with {@link #create()}, then {@link #start()}; tests use port 0.
 */
public final class TrackerServer {
  /** Jetty pools buffers only up to 64 KiB; Fuseki 5.6.0 asks for 5 MiB (see DESIGN.md, known traps). */
  public static final int OUTPUT_BUFFER_SIZE = 32 * 1024;
  public static final int DEFAULT_PORT = 3030;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_ROWS = 10_000;
  /** A connection with nothing read or written for this long is closed (slow or stalled clients). */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /**
   * The request line and headers must all arrive within this of the request's first byte, or the connection is
   * closed: the idle timeout alone lets a client trickling one byte at a time hold a connection for ever.
   */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(30);
  /**
   * A request body must arrive at this many bytes a second or faster, on average, once a grace of two seconds from
   * its first read is over (else 408, connection closed): a 1 MiB body within about 17 minutes.
   */
  public static final long MIN_BODY_BYTES_PER_SECOND = 1024;
  /** The request line and headers together: a longer URL is 414, longer headers 431. */
  public static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
  /** The largest request body (a POSTed query or form): a larger one is 413. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final long DEFAULT_RESULT_CACHE_BYTES = ResultCache.DEFAULT_MAX_BYTES;
  /**
   * Open connections at most: past it the server stops accepting (new clients wait in the accept queue) and idle
   * connections are closed after {@link #BUSY_IDLE_TIMEOUT}, so slow or idle clients cannot hold every socket.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  static final Duration BUSY_IDLE_TIMEOUT = Duration.ofSeconds(5);
  /** The dataset's name in Fuseki: its unnamed query endpoint is the server's {@code /sparql}. */
  static final String SPARQL_PATH = "/sparql";
  /** The one user allowed to write, when writes are switched on. */
  public static final String UPDATE_USER = "admin";

  private final FusekiServer fuseki;
  private final ServedData data;
  private final Site site;
  private final Runnable unregisterMetrics;
  private final String host;
  private final int requestedPort;

  private TrackerServer(FusekiServer fuseki, ServedData data, Site site, Runnable unregisterMetrics, String host,
      int requestedPort) {
    this.unregisterMetrics = unregisterMetrics;
    this.fuseki = fuseki;
    this.data = data;
    this.site = site;
    this.host = host;
    this.requestedPort = requestedPort;
  }

  public static Builder create() {
    return new Builder();
  }

  /** Starts serving; a port already in use is a {@link PortInUseException}. */
  public TrackerServer start() {
    try {
      fuseki.start();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          data.close();
          throw new PortInUseException(host, requestedPort, t);
        }
      }
      throw e;
    }
    return this;
  }

  /** Stops the server and releases the dataset (a TDB2 database is closed). Safe to call twice. */
  public synchronized void stop() {
    try {
      if (!fuseki.getJettyServer().isStopped()) {
        fuseki.stop();
      }
    } finally {
      unregisterMetrics.run();
      data.close();
    }
  }

  /** The port actually listened on (the allocated one when port 0 was asked for). */
  public int port() {
    return fuseki.getHttpPort();
  }

  public String host() {
    return host;
  }

  /** {@code http://host:port/} as a client on this machine reaches it. */
  /** The reconciler the server answers /reconcile with (for tests in this package). */
  org.trackerkg.link.Reconciler reconciler() {
    return site.reconciler();
  }

  public String url() {
    String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    if (h.contains(":")) {
      h = "[" + h + "]";
    }
    return "http://" + h + ":" + port() + "/";
  }

  /** Whether the dataset was loaded from the input at this start (always, in memory; TDB2: on change only). */
  public boolean loadedFromScratch() {
    return data.loadedFromScratch();
  }

  /** The dataset served, default graph = union of the named graphs. */
  /** How many triples are served (the union of the named graphs). */
  public long triples() {
    return data.triples();
  }

  public DatasetGraph dataset() {
    return data.dataset();
  }

  /** The data served and what the pages know of it. */
  /** What the pages and caches share (for tests in this package). */
  Site site() {
    return site;
  }

  public ServedData data() {
    return data;
  }

  public String base() {
    return data.base();
  }

  /** The data changed underneath (a replica applied a patch): summarise it again, drop kept answers and pages. */
  public void dataChanged() {
    data.summarise();
    site.dataChanged();
  }

  /** The embedded Fuseki, for inspection (its Jetty server, connectors…). */
  public FusekiServer fuseki() {
    return fuseki;
  }

  /** Every HTTP connection factory's output buffer size: one per connector (the buffer regression test). */
  public List<Integer> outputBufferSizes() {
    List<Integer> out = new ArrayList<>();
    for (Connector c : fuseki.getJettyServer().getConnectors()) {
      for (ConnectionFactory f : c.getConnectionFactories()) {
        if (f instanceof HttpConnectionFactory h) {
          out.add(h.getHttpConfiguration().getOutputBufferSize());
        }
      }
    }
    return out;
  }

  /** The server's configuration; {@link #build()} checks it as a whole and names the bad value. */
  public static final class Builder {
    private DatasetGraph dataset;
    private String base = Iris.DEFAULT_BASE;
    private int port = DEFAULT_PORT;
    private String host = DEFAULT_HOST;
    private Duration timeout = DEFAULT_TIMEOUT;
    private long maxRows = DEFAULT_MAX_ROWS;
    private boolean behindProxy;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private String updatePassword;
    private long maxBody = DEFAULT_MAX_BODY_BYTES;
    private long resultCacheBytes = ResultCache.DEFAULT_MAX_BYTES;
    private Path tdb;
    private Path dumpsDir;
    private PrintStream requestLog = System.err;
    private PrintStream messages = System.err;
    private long scanMaxUpload;
    private java.util.function.Supplier<org.trackerkg.store.replication.Replica.Status> replication;

    private Builder() {}

    /** A replica: the data changes by patches (kept transactional), and {@code /$/replication} reports this. */
    public Builder replication(java.util.function.Supplier<org.trackerkg.store.replication.Replica.Status> status) {
      this.replication = status;
      return this;
    }

    /** The graph to serve (one named graph per source document), as the pipeline built it. */
    public Builder dataset(DatasetGraph dataset) {
      this.dataset = dataset;
      return this;
    }

    /** The data's base IRI: {@code {base}id/…} is served at {@code /id/…}. */
    public Builder base(String base) {
      this.base = base;
      return this;
    }

    /** The port to listen on, 0 for any free one (default 3030). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The longest a query may run (default 10 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The most result rows a query returns (default 10 000). */
    public Builder maxRows(long maxRows) {
      this.maxRows = maxRows;
      return this;
    }

    /**
     * Behind a reverse proxy: take the scheme, host and port clients used from {@code Forwarded} /
     * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port} (Jetty's
     * ForwardedRequestCustomizer), so the URLs the server writes (service description, {@code /void}, the
     * reconciliation manifest) are the public ones. Off by default: without a proxy that sets these headers, any
     * client could choose the URLs written into its own answers.
     */
    public Builder behindProxy(boolean behindProxy) {
      this.behindProxy = behindProxy;
      return this;
    }

    /** How long a connection may stay without reading or writing a byte before it is closed (default 30 s). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * The longest the request line and headers may take to arrive, from the request's first byte (default 30 s);
     * past it the connection is closed, however steadily the bytes trickle in.
     */
    public Builder headerTimeout(Duration headerTimeout) {
      this.headerTimeout = headerTimeout;
      return this;
    }

    /** Open connections at most (default {@value #DEFAULT_MAX_CONNECTIONS}); see the constant. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Switches on writes: SPARQL Update at {@code /update} and the Graph Store Protocol (read and write) at
     * {@code /data}, both behind HTTP Basic authentication as user {@value #UPDATE_USER} with this password.
     * Without it (the default) there is no write endpoint at all. Writes change the served dataset: in memory until
     * the server stops, in the TDB2 store with {@code --tdb} (where they persist).
     */
    public Builder updatePassword(String updatePassword) {
      this.updatePassword = updatePassword;
      return this;
    }

    /**
     * How many bytes of SPARQL protocol responses are kept for repeated queries (default 64 MiB; 0 keeps none).
     * See {@link ResultCache}.
     */
    public Builder resultCache(long bytes) {
      this.resultCacheBytes = bytes;
      return this;
    }

    /** The largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
    public Builder maxBody(long maxBody) {
      this.maxBody = maxBody;
      return this;
    }

    /** Keep the data in a persistent TDB2 store under this directory instead of memory. */
    public Builder tdb(Path tdb) {
      this.tdb = tdb;
      return this;
    }

    /** The directory {@code /dumps/} serves (none: an empty listing). */
    public Builder dumpsDir(Path dumpsDir) {
      this.dumpsDir = dumpsDir;
      return this;
    }

    /** Where one line per request goes (default standard error; null for none). */
    public Builder requestLog(PrintStream requestLog) {
      this.requestLog = requestLog;
      return this;
    }

    /** Serves {@code POST /scan} (app uploads up to {@code maxUpload} bytes); off when not called. */
    public Builder scan(long maxUpload) {
      if (maxUpload < 1) {
        throw new IllegalArgumentException("scan: max upload " + maxUpload + " is not positive");
      }
      this.scanMaxUpload = maxUpload;
      return this;
    }

    /** Where progress messages (loading the TDB2 store) go (default standard error; null for none). */
    public Builder messages(PrintStream messages) {
      this.messages = messages;
      return this;
    }

    /** Checks the configuration, loads the data (TDB2: only when the input changed), assembles the server. */
    public TrackerServer build() {
      validate();
      ServedData data = openData(base.endsWith("/") ? base : base + "/");
      Site site = new Site(data, new QueryLimits(timeout.toMillis(), maxRows), dumpsDir,
          new ResultCache(resultCacheBytes));
      FusekiServer fuseki;
      Runnable unregisterMetrics;
      try {
        fuseki = new Routes(port, maxBody, scanMaxUpload, dumpsDir, updatePassword, replication)
            .add(FusekiServer.create(), site, data.dataset()).build();
        unregisterMetrics = metrics(fuseki, site);
      } catch (IOException e) {
        data.close();
        throw new IllegalStateException("cannot write the password file: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        data.close();
        throw e;
      }
      JettyBounds.apply(fuseki.getJettyServer(), host, idleTimeout, headerTimeout, maxConnections, maxBody);
      if (behindProxy) {
        JettyBounds.trustForwardedHeaders(fuseki.getJettyServer());
      }
      JettyBounds.logRequests(fuseki.getJettyServer(), requestLog);
      return new TrackerServer(fuseki, data, site, unregisterMetrics, host, port);
    }

    /** Every setting in range, or an IllegalArgumentException naming the bad one. */
    private void validate() {
      Objects.requireNonNull(dataset, "dataset: none given");
      try {
        new Iris(base);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("base: " + e.getMessage(), e);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " is not in 0..65535");
      }
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host: empty");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout: " + timeout + " is not a positive duration");
      }
      if (maxRows < 1) {
        throw new IllegalArgumentException("maxRows: " + maxRows + " is not positive");
      }
      if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout: " + idleTimeout + " is not a positive duration");
      }
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections: " + maxConnections + " is not positive");
      }
      if (headerTimeout == null || headerTimeout.isNegative() || headerTimeout.isZero()) {
        throw new IllegalArgumentException("headerTimeout: " + headerTimeout + " is not a positive duration");
      }
      if (updatePassword != null && (updatePassword.isEmpty() || updatePassword.matches("(?s).*[,\\r\\n].*")
          || !updatePassword.equals(updatePassword.strip()))) {
        throw new IllegalArgumentException("updatePassword: empty, or with a comma, line break or surrounding space");
      }
      if (resultCacheBytes < 0) {
        throw new IllegalArgumentException("resultCache: " + resultCacheBytes + " is negative");
      }
      if (maxBody < 1) {
        throw new IllegalArgumentException("maxBody: " + maxBody + " is not positive");
      }
      if (tdb != null && Files.exists(tdb) && !Files.isDirectory(tdb)) {
        throw new IllegalArgumentException("tdb: " + tdb + " is not a directory");
      }
      if (dumpsDir != null && Files.exists(dumpsDir) && !Files.isDirectory(dumpsDir)) {
        throw new IllegalArgumentException("dumpsDir: " + dumpsDir + " is not a directory");
      }
    }

    /** The data to serve: in memory, or the TDB2 store (loaded only when the input changed); queries bounded. */
    private ServedData openData(String b) {
      ServedData data;
      try {
        data = tdb == null ? ServedData.inMemory(dataset, b, updatePassword != null || replication != null) : TdbStore.open(tdb, dataset, b, messages);
      } catch (IOException e) {
        throw new IllegalStateException("tdb: cannot load " + tdb + ": " + e.getMessage(), e);
      }
      // no ARQ.queryTimeout: Jena's single alarm thread can be stalled by one query; QueryGuard keeps the limit
      data.dataset().getContext().set(ARQ.httpServiceAllowed, false);
      return data;
    }

    /** On /$/metrics beside Fuseki's own: the caches' hits, misses, evictions and weight; the replica's state. */
    private Runnable metrics(FusekiServer fuseki, Site site) {
      MeterRegistry registry = MetricsProvider.getMetricsProvider(fuseki.getServletContext()).getMeterRegistry();
      CaffeineCacheMetrics.monitor(registry, site.pages(), "tkg_page_cache");
      CaffeineCacheMetrics.monitor(registry, site.results().cache(), "tkg_result_cache");
      // the replica's gauges are removed at stop: Fuseki's registry outlives a server in the same JVM
      return replication == null ? () -> {} : ReplicationServlet.registerMetrics(registry, replication);
    }
  }
}
