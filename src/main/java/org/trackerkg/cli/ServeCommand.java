package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.pipeline.Gate;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.pipeline.ServeStart;
import org.trackerkg.server.PortInUseException;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.sources.History;
import org.trackerkg.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tkg serve}: convert, validate, load, and publish with one embedded Fuseki server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Convert and validate the input, then serve it: SPARQL endpoint at /sparql, linked data at",
        "/id/… and /doc/…, pages for people, /void, /ontology, /dumps/. Invalid data is not served (exit 1).",
        "Stops cleanly on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "3030",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--tdb", paramLabel = "DIR",
      description = "Keep the data in a TDB2 store under DIR; an unchanged input is not reloaded at the next start.")
  Path tdb;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = Converters.DurationConverter.class,
      description = "Longest a SPARQL query may run: 500ms, 10s, 2m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "Close a connection that sends and receives nothing for this long: 500ms, 30s, 2m "
          + "(default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "Close a connection whose request line and headers take longer than this to arrive, however "
          + "steadily they trickle in (default: ${DEFAULT-VALUE}).")
  Duration headerTimeout;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1000",
      description = "Most open connections; past it new clients wait for one to close (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--result-cache", paramLabel = "MiB", defaultValue = "64",
      description = "Memory for whole answers of repeated SPARQL queries, kept while the data stays the same; "
          + "0 keeps none (default: ${DEFAULT-VALUE}).")
  long resultCacheMiB;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000",
      description = "Most result rows a SPARQL query returns (default: ${DEFAULT-VALUE}).")
  long maxRows;

  @Option(names = "--behind-proxy",
      description = "Behind a reverse proxy: the URLs the server writes (service description, /void, the "
          + "reconciliation manifest) take scheme, host and port from Forwarded / X-Forwarded-* (off by default).")
  boolean behindProxy;

  @Option(names = "--dumps", paramLabel = "DIR",
      description = "Directory /dumps/ serves; dumps are written there unless they were written from this very "
          + "input, in which case the next start loads them instead of converting again "
          + "(default: DIR/dumps with --tdb, else a temporary directory).")
  Path dumps;

  @Option(names = "--update-password", paramLabel = "FILE",
      description = "Switch on writes: SPARQL Update at /update and the Graph Store Protocol at /data, behind HTTP "
          + "Basic authentication as user 'admin' with the password in FILE (first line). Off by default; with "
          + "--tdb the writes persist, in memory they last until the server stops.")
  Path updatePasswordFile;

  @Option(names = "--scan", description = "Serve POST /scan: the privacy report of an uploaded app (off by "
      + "default, since it accepts uploads; they are deleted when the request ends).")
  boolean scan;

  @Option(names = "--max-upload", paramLabel = "MiB", defaultValue = "200",
      description = "Largest app POST /scan accepts, 413 beyond (default: ${DEFAULT-VALUE}).")
  long maxUploadMiB;

  @Option(names = "--show", paramLabel = "LEVEL", defaultValue = "VIOLATION", arity = "0..1",
      fallbackValue = "WARNING",  // upper case: a CommandLine built without Main is case-sensitive
      description = "Least severe finding about the data to print: violation (errors and SHACL violations only; "
          + "the rest are counted in one line), warning, or info; --show alone is --show warning "
          + "(default: ${DEFAULT-VALUE}).")
  ValidateCommand.Level show;

  @Option(names = "--history", paramLabel = "REPO", arity = "0..1", fallbackValue = "",
      description = "Also publish every past version of the profiles (`tkg history` of the Git repository REPO, "
          + "default the cache of `tkg fetch`) as named graphs {base}graph/profiles/{slug}/{commit}, outside the "
          + "default graph (the union of the current data). In memory only (not with --tdb).")
  String history;

  @Option(names = "--follow", paramLabel = "kafka://BOOTSTRAP/TOPIC",
      description = "Be a read replica: no input is read; the data starts from --bootstrap (or this replica's own "
          + "dumps) and follows the patch log that `tkg publish` appends to. State at /$/replication.")
  String follow;

  @Option(names = "--bootstrap", paramLabel = "URL|DIR",
      description = "With --follow: start from published dumps with their recorded patch id (replication.json): a "
          + "running replica's /dumps/ URL, or a folder (another replica's dumps, or `tkg publish --dumps DIR`).")
  String bootstrap;

  @Option(names = "--group", paramLabel = "ID",
      description = "With --follow: the Kafka consumer group this replica commits its position in "
          + "(default: tkg-replica-HOST-PORT).")
  String group;

  @Option(names = "--log-queries", description = "Also log Fuseki's own lines for each SPARQL request (the query "
      + "text, the status); by default each request is one line of the access log.")
  boolean logQueries;

  @Spec CommandSpec spec;

  /** Fuseki's action log: three lines per SPARQL request with the full query text; on only when asked for. */
  static void fusekiActionLog(boolean on) {
    org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.jena.fuseki.Fuseki",
        on ? org.apache.logging.log4j.Level.INFO : org.apache.logging.log4j.Level.WARN);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    fusekiActionLog(logQueries);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrackerServer.Builder options = options(TrackerServer.create()); // a bad duration fails before the data loads
    String updatePassword = null;
    if (updatePasswordFile != null) {
      try {
        updatePassword = Files.readAllLines(updatePasswordFile).stream().findFirst().orElse("").strip();
      } catch (IOException e) {
        throw new UsageException("--update-password: cannot read " + updatePasswordFile + ": " + e.getMessage(), e);
      }
      if (updatePassword.isEmpty()) {
        throw new UsageException("--update-password: " + updatePasswordFile + " holds no password");
      }
    }
    org.trackerkg.base.Leftovers.sweepTemp(); // what killed runs left in the temporary folder
    boolean tempDumps = dumps == null && tdb == null;
    Path dumpsDir = dumps != null ? dumps
        : tdb != null ? tdb.resolve("dumps") : Files.createTempDirectory("tkg-dumps-");
    if (follow != null || bootstrap != null) {
      if (follow == null || tdb != null || updatePassword != null || !input.inputs.isEmpty()) {
        throw new UsageException("--bootstrap needs --follow, and a replica (--follow) reads no INPUT and takes "
            + "no --tdb or --update-password: its data comes from the patch log");
      }
      Files.createDirectories(dumpsDir);
      return FollowMode.run(follow, bootstrap, group != null ? group
          : "tkg-replica-" + java.net.InetAddress.getLocalHost().getHostName() + "-" + port, dumpsDir,
          options(TrackerServer.create()), out, err);
    }
    // a dump directory that outlives the server doubles as a cache of the conversion
    Optional<String> fingerprint = ServeStart.fingerprint(input.inputs(), input.base(), dumps != null || tdb != null);
    Optional<ServeStart.Warm> warmStart = ServeStart.warm(fingerprint, dumpsDir, err);
    boolean warm = warmStart.isPresent();
    DatasetGraph dataset;
    int dossiers;
    if (warm) {
      dataset = warmStart.get().dataset();
      dossiers = warmStart.get().dossiers();
    } else {
      Pipeline.Loaded loaded = input.load(err, show.compareTo(ValidateCommand.Level.WARNING) <= 0);
      Progress progress = input.progress(err);
      progress.start("validating against the shapes");
      Gate gate = Gate.check(loaded, true);
      progress.done("validated");
      if (gate.verdict() == Gate.Verdict.INPUT_ERRORS) {
        err.println("tkg: some input could not be read (see above): not serving a partial data set");
        return ExitCode.BAD_INPUT;
      }
      if (gate.verdict() == Gate.Verdict.VIOLATIONS) {
        gate.report().findings().forEach(out::println);
        out.printf("%d dossiers: does not conform (%d violations): not serving%n", loaded.dossierCount(),
            gate.report().violations());
        out.flush();
        return ExitCode.FINDINGS;
      }
      reportFindings(loaded, gate.report(), err);
      dataset = loaded.dataset();
      dossiers = loaded.dossierCount();
    }

    DatasetGraph served = history == null ? dataset : withHistory(dataset, err);

    TrackerServer server;
    try {
      server = options
          .dataset(served)
          .dumpsDir(dumpsDir)
          .updatePassword(updatePassword)
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    try {
      server.start();
    } catch (PortInUseException e) {
      err.println("tkg: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    // dumps not known to come from this input (or none yet) are rewritten
    Thread dumpWriter = null;
    if (!warm && ServeStart.dumpsStale(fingerprint, dumpsDir, tdb != null && server.loadedFromScratch())) {
      dumpWriter = ServeStart.writeDumpsInBackground(dataset, input.base(), dossiers, fingerprint, dumpsDir, err);
    }
    Thread writing = dumpWriter;
    Thread hook = new Thread(() -> {
      server.stop();
      if (tempDumps) {
        awaitQuietly(writing); // a dump still being written would put files back into the folder
        deleteTree(dumpsDir); // a temporary dumps folder is this run's alone
      }
      err.println("tkg: stopped serving " + server.url() + (tempDumps ? "; removed " + dumpsDir : ""));
      err.flush();
    }, "tkg-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    String url = server.url();
    out.println("tkg: serving " + dossiers + " dossiers (" + server.triples() + " triples) at " + url);
    out.println("  pages       " + url);
    out.println("  SPARQL      " + url + "sparql");
    out.println("  linked data " + url + "id/tracker/…");
    out.println("  VoID        " + url + "void");
    out.println("  ontology    " + url + "ontology");
    out.println("  dumps       " + url + "dumps/");
    out.println("  health      " + url + "$/ping   metrics " + url + "$/metrics");
    out.flush();
    server.fuseki().join();
    return ExitCode.OK;
  }

  /** Waits a little for the background dump writer, if any, to finish. */
  private static void awaitQuietly(Thread writer) {
    if (writer == null) {
      return;
    }
    try {
      writer.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes this run's temporary dumps folder; what cannot be removed is left for the next start's sweep. */
  static void deleteTree(Path dir) {
    try {
      org.trackerkg.base.AtomicFile.deleteRecursively(dir);
    } catch (IOException e) {
      // swept at the next start (base.Leftovers)
    }
  }

  /**
   * Findings that do not stop publishing (reader warnings about the sources' own text, SHACL warnings such as two
   * sources disagreeing) are counted in one line unless {@code --show} asks for them; errors are always printed.
   */
  private void reportFindings(Pipeline.Loaded loaded, Validation.Report report, PrintWriter err) {
    long reader = loaded.diagnostics().stream().filter(d -> !d.isError()).count();
    java.util.Map<ValidateCommand.Level, Long> shacl = new java.util.EnumMap<>(ValidateCommand.Level.class);
    for (Validation.Finding f : report.findings()) {
      ValidateCommand.Level level = ValidateCommand.Level.valueOf(f.severity().toUpperCase(Locale.ROOT));
      shacl.merge(level, 1L, Long::sum);
      if (level.compareTo(show) >= 0 && level != ValidateCommand.Level.VIOLATION) {
        err.println(f);
      }
    }
    long notes = reader + shacl.getOrDefault(ValidateCommand.Level.WARNING, 0L);
    if (notes > 0 && show == ValidateCommand.Level.VIOLATION) {
      err.printf("tkg: published with %d findings about the sources that do not stop publishing (%d from "
          + "reading, %d from SHACL); `tkg serve --show` or `tkg validate` lists them%n", notes, reader,
          shacl.getOrDefault(ValidateCommand.Level.WARNING, 0L));
    }
    err.flush();
  }

  /** The current data and, beside it, every version of the profiles in the history repository. */
  private DatasetGraph withHistory(DatasetGraph current, PrintWriter err) {
    if (tdb != null) {
      throw new UsageException("--history: served in memory only, not with --tdb");
    }
    Path repo = history.isEmpty() ? FetchCommand.defaultCache(input.inputs().get(0)) : Path.of(history);
    History.Result h;
    try {
      h = History.read(repo, input.base());
    } catch (IOException e) {
      throw new UsageException("--history: " + repo + ": " + e.getMessage(), e);
    }
    h.diagnostics().stream().filter(d -> d.isError() || show.compareTo(ValidateCommand.Level.WARNING) <= 0)
        .forEach(err::println);
    DatasetGraph both = DatasetGraphFactory.create();
    current.find().forEachRemaining(both::add);
    h.dataset().find().forEachRemaining(both::add);
    err.println("tkg: history: " + h.versions().size() + " versions of the profiles in " + repo);
    err.flush();
    return both;
  }

  /** The server options given on the command line, set on {@code b}; a malformed duration is a usage error. */
  TrackerServer.Builder options(TrackerServer.Builder b) {
    b.base(input.base())
        .port(port)
        .host(host)
        .timeout(timeout)
        .idleTimeout(idleTimeout)
        .headerTimeout(headerTimeout)
        .maxConnections((int) atLeast("--max-connections", maxConnections, 1))
        .resultCache(atLeast("--result-cache", resultCacheMiB, 0) << 20)
        .maxRows(maxRows)
        .behindProxy(behindProxy)
        .tdb(tdb);
    long upload = atLeast("--max-upload", maxUploadMiB, 1) << 20;
    return scan ? b.scan(upload) : b;
  }

  private static long atLeast(String option, long value, long min) {
    if (value < min || value > (1L << 40)) {
      throw new UsageException(option + ": " + value + " is out of range (at least " + min + ")");
    }
    return value;
  }

}
