package org.trackerkg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.query.ParameterException;
import org.trackerkg.query.QueryCatalogue;
import org.trackerkg.query.QueryParam;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Vocab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tkg query}: a canned query (or a query file) over the dossiers or against a SPARQL endpoint. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Run a canned query (see --list) or a query FILE.rq in-process over INPUT, whose default graph is",
        "the union of the named graphs (as the server's), or against a SPARQL endpoint (--endpoint).",
        "Parameters are bound as typed RDF terms: --param host=api.mparticle.com"})
public final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|FILE.rq",
      description = "A canned query's name, or a SPARQL file with the same header.")
  String query;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "INPUT",
      description = "Dossier files, folders of them, or an εxodus trackers.json (default: data/).")
  List<Path> inputs = new ArrayList<>();

  @Mixin BaseOption base = new BaseOption();

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
      description = "A parameter value (repeatable, each NAME once).")
  List<String> paramArgs = new ArrayList<>();

  /** The --param values by name; a name given twice is a usage error (which one was meant?). */
  Map<String, String> params() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String a : paramArgs) {
      int eq = a.indexOf('=');
      String k = eq < 0 ? a : a.substring(0, eq);
      if (out.put(k, eq < 0 ? "" : a.substring(eq + 1)) != null) {
        throw new UsageException("--param " + k + " given more than once");
      }
    }
    return out;
  }

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Query this SPARQL endpoint (its query URL) instead of reading INPUT.")
  String endpoint;

  /** How rows are printed: a text table or a SPARQL results format. */
  enum Format {
    table(ResultSetLang.RS_Text), csv(ResultSetLang.RS_CSV), tsv(ResultSetLang.RS_TSV), json(ResultSetLang.RS_JSON),
    xml(ResultSetLang.RS_XML);

    final Lang lang;

    Format(Lang lang) {
      this.lang = lang;
    }
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "Give up after this long: 500ms, 60s, 2m; a bare number is seconds (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--list", description = "List the canned queries and their parameters.")
  boolean list;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QueryCatalogue catalogue = QueryCatalogue.load();
    if (list) {
      printList(catalogue, out);
      return ExitCode.OK;
    }
    if (query == null) {
      throw new UsageException("a query NAME or FILE.rq is needed (tkg query --list shows the names)");
    }
    Lang lang = format.lang;
    QueryCatalogue.Entry entry = entry(catalogue);
    CannedQuery bound;
    Map<String, String> params = params();
    try {
      bound = CannedQuery.bind(entry, params, base.base());
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage(), e);
    }
    ResultSetRewindable rows;
    boolean inputErrors = false;
    if (endpoint != null) {
      if (!inputs.isEmpty()) {
        throw new UsageException("--endpoint: give either INPUT or --endpoint, not both");
      }
      if (!endpoint.matches("(?i)https?://\\S+")) {
        throw new UsageException("--endpoint: must be an http(s) URL, not '" + endpoint + "'");
      }
      try {
        rows = bound.executeRemote(endpoint, timeout);
      } catch (QueryExceptionHTTP | HttpException | QueryCancelledException e) {
        throw new UsageException("--endpoint " + endpoint + ": " + endpointError(e), e);
      }
    } else {
      InputOptions in = new InputOptions();
      in.inputs = inputs;
      in.baseOption = base;
      Pipeline.Loaded loaded = in.load(err);
      inputErrors = loaded.hasInputErrors();
      warnUnknownTrackers(entry, params, loaded, err);
      try {
        rows = bound.execute(CannedQuery.unionView(loaded.dataset()), timeout);
      } catch (QueryCancelledException e) {
        throw new UsageException("query '" + entry.name() + "' timed out after " + timeout.toMillis() / 1000.0 + " s", e);
      }
    }
    write(rows, lang, out);
    return inputErrors ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  /** A tracker parameter naming no tracker of the data: a warning with the nearest slugs (the reconciler's). */
  private void warnUnknownTrackers(QueryCatalogue.Entry entry, Map<String, String> params, Pipeline.Loaded loaded,
      PrintWriter err) {
    org.trackerkg.link.Reconciler reconciler = null;
    for (org.trackerkg.query.QueryParam p : entry.params()) {
      String v = params.get(p.name());
      if (p.type() != org.trackerkg.query.ParamType.TRACKER || v == null || v.isEmpty()) {
        continue;
      }
      String slug = v.startsWith(base.base() + "id/tracker/") ? v.substring((base.base() + "id/tracker/").length()) : v;
      if (reconciler == null) {
        reconciler = org.trackerkg.link.Reconciler.fromDataset(loaded.dataset(), base.base(), "");
      }
      if (reconciler.entity("tracker/" + slug) == null) {
        List<String> near = reconciler.query(slug, org.trackerkg.link.Reconciler.TRACKER, 3).stream()
            .map(c -> c.entity().id().substring("tracker/".length())).toList();
        err.println("tkg: warning: --param " + p.name() + ": no tracker '" + slug + "' in the data"
            + (near.isEmpty() ? "" : "; nearest: " + String.join(", ", near)));
        err.flush();
      }
    }
  }

  private QueryCatalogue.Entry entry(QueryCatalogue catalogue) {
    if (query.endsWith(".rq") || query.contains("/") || query.contains("\\")) {
      Path file = Path.of(query);
      if (!Files.isRegularFile(file)) {
        throw new UsageException(query + ": no such query file");
      }
      try {
        return QueryCatalogue.read(file);
      } catch (IOException e) {
        throw new UsageException(query + ": cannot read: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
    return catalogue.get(query).orElseThrow(() -> new UsageException("no canned query '" + query
        + "' (tkg query --list shows the names; a file needs the .rq suffix)"));
  }

  private void write(ResultSetRewindable rows, Lang lang, PrintWriter out) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (lang == ResultSetLang.RS_Text) {
      ResultSetFormatter.out(bytes, rows, Vocab.prefixes(base.base()));
    } else {
      ResultSetMgr.write(bytes, rows, lang);
    }
    out.print(bytes.toString(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Longest endpoint answer quoted in a message. */
  static final int QUOTE_CHARS = 300;

  /**
   * One line saying why an endpoint did not answer: its HTTP status and the first non-blank line of its body
   * (Jena's own message is the status reason alone, or the whole request URL), or the network failure
   * ("connection refused", "unknown host …", "timed out").
   */
  static String endpointError(RuntimeException e) {
    if (e instanceof QueryCancelledException) {
      return "no answer within the timeout (--timeout)";
    }
    int status = e instanceof QueryExceptionHTTP q ? q.getStatusCode()
        : e instanceof HttpException h ? h.getStatusCode() : -1;
    String body = e instanceof QueryExceptionHTTP q ? q.getResponse()
        : e instanceof HttpException h ? h.getResponse() : null;
    if (status > 0) {
      String reason = e instanceof QueryExceptionHTTP q ? q.getStatusLine() : ((HttpException) e).getStatusLine();
      String line = body == null ? "" : body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
          .orElse("");
      return "HTTP " + status + (reason == null || reason.isBlank() ? "" : " " + reason.strip())
          + (line.isEmpty() ? "" : ": " + shorten(line));
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.net.ConnectException) {
        return "connection refused (is the endpoint up, and the host and port right?)";
      }
      if (c instanceof java.net.UnknownHostException) {
        return "unknown host " + c.getMessage();
      }
      if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException) {
        return "timed out";
      }
      if (c instanceof java.nio.channels.ClosedChannelException || c instanceof java.io.EOFException) {
        return "the connection was closed before an answer";
      }
      if (c.getCause() == null) {
        String m = c.getMessage();
        return shorten(m == null || m.isBlank() ? c.getClass().getSimpleName()
            : m.lines().findFirst().orElse(m));
      }
    }
    return "failed";
  }

  private static String shorten(String s) {
    return s.length() <= QUOTE_CHARS ? s : s.substring(0, QUOTE_CHARS) + "…";
  }

  private static void printList(QueryCatalogue catalogue, PrintWriter out) {
    int width = catalogue.list().stream().mapToInt(e -> e.name().length()).max().orElse(0);
    for (QueryCatalogue.Entry e : catalogue.list()) {
      String params = e.params().stream().map(QueryCommand::describe).collect(Collectors.joining(" "));
      out.printf("%-" + width + "s  %s%s%n", e.name(), e.title(), params.isEmpty() ? "" : "  [" + params + "]");
    }
    out.flush();
  }

  private static String describe(QueryParam p) {
    return "--param " + p.name() + "=" + p.type().label().toUpperCase(Locale.ROOT)
        + p.defaultValue().map(d -> " (default " + d + ")").orElse("");
  }
}
