package org.trackerkg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;

/**
 * The canned queries: the {@code queries/*.rq} files, which the build puts on the classpath under
 * {@value #RESOURCE_DIR}. Each file starts with a header of comment lines:
 *
 * <pre>
 * # title: Trackers matching a host name
 * # description: Network signatures whose regular expression is found in the host name (εxodus semantics).
 * # param: host (string) the host name, e.g. api.mparticle.com
 * # param: limit (integer, 100) at most this many rows
 * </pre>
 *
 * A parameter without a default is required; its name is a variable of the query, which {@link CannedQuery}
 * replaces by a typed RDF term in the parsed query (never by editing the text).
 */
public final class QueryCatalogue {
  /** Where the build puts {@code queries/}. */
  public static final String RESOURCE_DIR = "org/trackerkg/queries/";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern HEADER = Pattern.compile("^#\\s*([a-z]+)\\s*:\\s*(.*?)\\s*$");
  private static final Pattern PARAM =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*([a-z]+)\\s*(?:,\\s*([^)]*?)\\s*)?\\)\\s*(.*)$");

  /**
   * One canned query.
   *
   * @param name the file name without {@code .rq}; also its path under {@code /queries/}
   * @param title one line for lists
   * @param description what the query answers
   * @param params its parameters, in header order
   * @param text the file as written
   * @param query the parsed query (do not modify: {@link CannedQuery} binds values into copies)
   */
  public record Entry(String name, String title, String description, List<QueryParam> params, String text,
      Query query) {
    public Entry {
      params = List.copyOf(params);
    }

    public Optional<QueryParam> param(String paramName) {
      return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
  }

  private final Map<String, Entry> entries;

  private QueryCatalogue(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /** The catalogue on the classpath (the build's copy of {@code queries/}). */
  public static QueryCatalogue load() {
    URL url = QueryCatalogue.class.getClassLoader().getResource(RESOURCE_DIR);
    if (url == null) {
      throw new IllegalStateException("no canned queries on the classpath (" + RESOURCE_DIR + ")");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fromDirectory(fs.getPath("/" + RESOURCE_DIR));
      }
      return fromDirectory(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list the canned queries at " + url + ": " + e.getMessage(), e);
    }
  }

  /** Every {@code *.rq} file of a folder. A file that does not parse is an error naming the file. */
  public static QueryCatalogue fromDirectory(Path dir) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList()) {
        Entry e = read(f);
        entries.put(e.name(), e);
      }
    }
    return new QueryCatalogue(entries);
  }

  /** One query file (the catalogue's or a user's {@code FILE.rq}). */
  public static Entry read(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
    return parse(name, Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * A query and its header. Throws {@link IllegalArgumentException} naming the query when the header or the
   * SPARQL is malformed, a parameter is not a variable of the query, or the query is not a SELECT.
   */
  public static Entry parse(String name, String text) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(name + ": a query name is lower-case letters, digits and '-'");
    }
    String title = null;
    StringBuilder description = new StringBuilder();
    List<QueryParam> params = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\\R")) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!t.startsWith("#")) {
        break; // the header ends at the first line of SPARQL
      }
      Matcher m = HEADER.matcher(t);
      if (!m.matches()) {
        continue; // an ordinary comment
      }
      String value = m.group(2);
      switch (m.group(1)) {
        case "title" -> title = value;
        case "description" -> description.append(description.length() == 0 ? "" : " ").append(value);
        case "param" -> params.add(param(name, lineNo, value));
        default -> { } // other keys are ordinary comments
      }
    }
    Query query;
    try {
      query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    } catch (QueryParseException e) {
      throw new IllegalArgumentException(name + ".rq:" + e.getLine() + ": " + e.getMessage(), e);
    }
    if (!query.isSelectType()) {
      throw new IllegalArgumentException(name + ".rq: a canned query is a SELECT query");
    }
    for (QueryParam p : params) {
      if (!Pattern.compile("[?$]" + p.name() + "\\b").matcher(stripComments(text)).find()) {
        throw new IllegalArgumentException(name + ".rq: parameter '" + p.name() + "' is not a variable of the query");
      }
      if (params.stream().filter(q -> q.name().equals(p.name())).count() > 1) {
        throw new IllegalArgumentException(name + ".rq: parameter '" + p.name() + "' is declared twice");
      }
    }
    return new Entry(name, title == null ? name : title, description.toString(), params, text, query);
  }

  private static QueryParam param(String query, int line, String spec) {
    Matcher m = PARAM.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException(query + ".rq:" + line
          + ": a parameter is written '# param: name (type, default) description', not '" + spec + "'");
    }
    ParamType type;
    try {
      type = ParamType.parse(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(query + ".rq:" + line + ": " + e.getMessage(), e);
    }
    String def = m.group(3);
    Optional<String> defaultValue = def == null || def.isEmpty() ? Optional.empty() : Optional.of(def);
    QueryParam p = new QueryParam(m.group(1), type, defaultValue, m.group(4).strip());
    // a default must itself be a good value
    defaultValue.ifPresent(v -> {
      try {
        ParamValues.check(p, v);
      } catch (ParameterException e) {
        throw new IllegalArgumentException(query + ".rq:" + line + ": default: " + e.getMessage(), e);
      }
    });
    return p;
  }

  private static String stripComments(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\\R")) {
      if (!line.strip().startsWith("#")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  /** The queries by name, in name order. */
  public Map<String, Entry> entries() {
    return entries;
  }

  public List<Entry> list() {
    return List.copyOf(entries.values());
  }

  public Optional<Entry> get(String name) {
    return Optional.ofNullable(entries.get(name));
  }
}
