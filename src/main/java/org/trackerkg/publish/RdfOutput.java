package org.trackerkg.publish;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.vocab.Vocab;

/**
 * Serialises the dataset deterministically: the same dataset gives the same bytes whatever order its quads were
 * added in. N-Triples and N-Quads are sorted lines (an external merge sort spills to temporary files beyond
 * {@link #SPILL_CHARS} characters); the pretty formats are written from a copy built in sorted order; JSON-LD is
 * compacted against the inline context of {@link #jsonLdContext(String)}, with ordered keys. Triple formats give the
 * union of the named graphs; quad formats keep them.
 */
public final class RdfOutput {

  /**
   * The one registry of RDF syntaxes (used by {@code convert}, {@code dump}, {@code /dumps/} and content negotiation):
   * file extension, other accepted names, media type, Jena language and writer format.
   */
  public enum Format {
    TTL("ttl", Lang.TURTLE, false, "text/turtle", RDFFormat.TURTLE_PRETTY, "turtle"),
    NT("nt", Lang.NTRIPLES, false, "application/n-triples", RDFFormat.NTRIPLES, "ntriples"),
    TRIG("trig", Lang.TRIG, true, "application/trig", RDFFormat.TRIG_PRETTY),
    NQ("nq", Lang.NQUADS, true, "application/n-quads", RDFFormat.NQUADS, "nquads"),
    JSONLD("jsonld", Lang.JSONLD, true, "application/ld+json", RDFFormat.JSONLD11, "json"),
    RDFXML("rdf", Lang.RDFXML, false, "application/rdf+xml", RDFFormat.RDFXML_PLAIN, "rdfxml", "xml");

    /** The file extension (without the dot). */
    public final String extension;
    public final Lang lang;
    /** Whether the syntax keeps named graphs. */
    public final boolean quads;
    public final String mediaType;
    /** The Jena writer format for one graph. */
    public final RDFFormat graphFormat;
    private final List<String> names;

    Format(String extension, Lang lang, boolean quads, String mediaType, RDFFormat graphFormat, String... aliases) {
      this.extension = extension;
      this.lang = lang;
      this.quads = quads;
      this.mediaType = mediaType;
      this.graphFormat = graphFormat;
      List<String> n = new ArrayList<>();
      n.add(extension);
      n.addAll(List.of(aliases));
      this.names = List.copyOf(n);
    }

    /** The HTTP Content-Type: UTF-8 stated for the text syntaxes (JSON and XML carry their own encoding). */
    public String contentType() {
      return this == JSONLD || this == RDFXML ? mediaType : mediaType + "; charset=utf-8";
    }

    /** The syntax of a name or extension ({@code ttl}, {@code turtle}, {@code rdf}, {@code rdf-xml}, …), or null. */
    public static Format byName(String s) {
      String k = s.toLowerCase(Locale.ROOT).replace("-", "");
      for (Format f : values()) {
        if (f.names.contains(k)) {
          return f;
        }
      }
      return null;
    }

    /** The syntax of a file extension ({@code ttl}, {@code rdf}, …; no aliases), or null. */
    public static Format byExtension(String ext) {
      for (Format f : values()) {
        if (f.extension.equalsIgnoreCase(ext)) {
          return f;
        }
      }
      return null;
    }

    public static Format byMediaType(String mediaType) {
      for (Format f : values()) {
        if (f.mediaType.equals(mediaType)) {
          return f;
        }
      }
      return null;
    }

    public static Format parse(String s) {
      Format f = byName(s);
      if (f == null) {
        throw new IllegalArgumentException("unknown format '" + s + "' (ttl, nt, trig, nq, jsonld, rdfxml)");
      }
      return f;
    }
  }

  /** Beyond this many characters of N-Triples/N-Quads lines, sorted runs are spilled to temporary files. */
  public static final long SPILL_CHARS = 64L << 20;

  private RdfOutput() {}

  public static void write(DatasetGraph dsg, Format format, String base, OutputStream out) throws IOException {
    switch (format) {
      case NT -> writeSorted(triplesLines(dsg.getUnionGraph()), out, SPILL_CHARS);
      case NQ -> writeSorted(quadLines(dsg), out, SPILL_CHARS);
      case TTL -> writeTurtle(dsg.getUnionGraph(), Vocab.prefixes(base), out);
      case RDFXML -> RDFWriter.source(canonical(dsg.getUnionGraph(), Vocab.prefixes(base)))
          .format(RDFFormat.RDFXML_PLAIN).output(out);
      case TRIG -> RDFWriter.source(canonical(dsg, base)).format(RDFFormat.TRIG_PRETTY).output(out);
      case JSONLD -> writeJsonLd(dsg, base, out);
    }
    out.flush();
  }

  /** Pretty Turtle of a graph, with the given prefixes, in a deterministic order. */
  public static void writeTurtle(Graph g, PrefixMapping prefixes, OutputStream out) {
    RDFWriter.source(canonical(g, prefixes)).format(RDFFormat.TURTLE_PRETTY).output(out);
  }

  // ---------------------------------------------------------------------------------------------- JSON-LD

  /**
   * The JSON-LD context of the dumps: {@code @version 1.1} and one prefix per namespace of
   * {@link Vocab#prefixes(String)}, in prefix order. The server serves {@link #jsonLdContextDocument(String)} at
   * {@code /context.jsonld}; the dump carries the same object inline, so the file reads offline.
   */
  public static JsonObject jsonLdContext(String base) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("@version", 1.1);
    new TreeMap<>(Vocab.prefixes(base).getNsPrefixMap()).forEach(b::add);
    return b.build();
  }

  /**
   * {@code {"@context": …}} as JSON text, ready to serve as {@code application/ld+json}: byte for byte the context
   * that {@link #write} puts at the head of the JSON-LD dump (the same writer writes both).
   */
  public static String jsonLdContextDocument(String base) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      JsonLdWriter.writeContextDocument(JsonLdWriter.prefixMap(base), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static void writeJsonLd(DatasetGraph dsg, String base, OutputStream out) throws IOException {
    Map<String, String> prefixes = JsonLdWriter.prefixMap(base);
    new JsonLdWriter(prefixes).write(dsg, prefixes, out);
  }

  // ---------------------------------------------------------------------------------------------- sorted lines

  /** Each triple as one N-Triples line (without the newline), sorted by code point. */
  public static List<String> sortedTriples(Graph g) {
    return sortDedupe(triplesLines(g));
  }

  public static List<String> sortedQuads(DatasetGraph dsg) {
    return sortDedupe(quadLines(dsg));
  }

  private static List<String> sortDedupe(Iterator<String> it) {
    List<String> lines = new ArrayList<>();
    it.forEachRemaining(lines::add);
    lines.sort(RdfOutput::compareCodePoints);
    return dedupe(lines);
  }

  private static Iterator<String> triplesLines(Graph g) {
    return Iter.map(g.find(), RdfOutput::ntLine);
  }

  private static Iterator<String> quadLines(DatasetGraph dsg) {
    return Iter.map(dsg.find(), RdfOutput::nqLine);
  }

  static String ntLine(Triple t) {
    return NtLines.triple(t);
  }

  static String nqLine(Quad q) {
    return NtLines.quad(q);
  }

  private static List<String> dedupe(List<String> sorted) {
    List<String> out = new ArrayList<>(sorted.size());
    String prev = null;
    for (String s : sorted) {
      if (!s.equals(prev)) {
        out.add(s);
      }
      prev = s;
    }
    return out;
  }

  /** Code-point order, which is the byte order of the UTF-8 output (what {@code LC_ALL=C sort} gives). */
  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int k = 0; k < n; k++) {
      char ca = a.charAt(k);
      char cb = b.charAt(k);
      if (ca != cb) {
        return Integer.compare(codePointRank(ca), codePointRank(cb));
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * UTF-16 units ranked in code-point order: surrogates (which only begin code points above U+FFFF) rank above
   * U+E000–U+FFFF; everything else keeps its value. Comparing the first differing units this way gives code-point
   * order without decoding.
   */
  private static int codePointRank(char c) {
    if (c >= 0xE000) {
      return c - 0x800;
    }
    return Character.isSurrogate(c) ? c + 0x2000 : c;
  }

  /**
   * Writes the lines sorted and without duplicates, one per line. Up to {@code spillChars} characters are sorted in
   * memory; beyond that each sorted run goes to a temporary file and the runs are merged, so the sort's own memory
   * stays bounded however large the input.
   */
  static void writeSorted(Iterator<String> lines, OutputStream out, long spillChars) throws IOException {
    try (SortedLines sorted = new SortedLines(spillChars)) {
      while (lines.hasNext()) {
        sorted.add(lines.next());
      }
      sorted.writeTo(out);
    }
  }

  /** N-Triples (the triples of every quad) or N-Quads lines, added one at a time, written sorted and distinct. */
  public static SortedLines sortedLines(Format f) {
    if (f != Format.NT && f != Format.NQ) {
      throw new IllegalArgumentException(f + " is not a line format");
    }
    return new SortedLines(SPILL_CHARS, f == Format.NQ);
  }

  /**
   * Lines written sorted (code-point order, the byte order of the UTF-8 output) and without duplicates. Up to a
   * bound they are sorted in memory; beyond it each sorted run goes to a temporary file and the runs are merged, so
   * memory stays bounded however many lines are added.
   */
  public static final class SortedLines implements java.io.Closeable {
    private final long spillChars;
    private final boolean quads;
    private final List<String> run = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long chars;
    private long added;

    SortedLines(long spillChars) {
      this(spillChars, false);
    }

    SortedLines(long spillChars, boolean quads) {
      this.spillChars = spillChars;
      this.quads = quads;
    }

    public void add(String line) throws IOException {
      run.add(line);
      added++;
      chars += line.length() + 32;
      if (chars >= spillChars) {
        runs.add(spill(run));
        run.clear();
        chars = 0;
      }
    }

    /** Adds the quad's line: N-Quads, or the N-Triples line of its triple. */
    public void add(Quad q) throws IOException {
      add(quads ? nqLine(q) : ntLine(q.asTriple()));
    }

    /** {@link #add(Quad)} as a consumer; a failure to spill is an {@link java.io.UncheckedIOException}. */
    public java.util.function.Consumer<Quad> sink() {
      return q -> {
        try {
          add(q);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
    }

    /** Lines added so far, duplicates included. */
    public long added() {
      return added;
    }

    /** Writes every line added, sorted and distinct; returns how many lines were written. */
    public long writeTo(OutputStream out) throws IOException {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      long written = 0;
      if (runs.isEmpty()) {
        run.sort(RdfOutput::compareCodePoints);
        String prev = null;
        for (String l : run) {
          if (!l.equals(prev)) {
            w.write(l);
            w.write('\n');
            written++;
          }
          prev = l;
        }
      } else {
        if (!run.isEmpty()) {
          runs.add(spill(run));
          run.clear();
        }
        written = merge(runs, w);
      }
      w.flush();
      return written;
    }

    /** Deletes the spilled runs. */
    @Override
    public void close() throws IOException {
      for (Path p : runs) {
        Files.deleteIfExists(p);
      }
      runs.clear();
    }
  }

  private static Path spill(List<String> run) throws IOException {
    run.sort(RdfOutput::compareCodePoints);
    Path f = Files.createTempFile("tkg-sort-", ".run");
    f.toFile().deleteOnExit(); // a normal exit removes it even past an error; a killed run's is swept next time
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      String prev = null;
      for (String l : run) {
        if (!l.equals(prev)) {
          w.write(l);
          w.write('\n');
        }
        prev = l;
      }
    }
    return f;
  }

  private record Head(String line, BufferedReader in) {}

  private static long merge(List<Path> runs, Writer w) throws IOException {
    PriorityQueue<Head> pq = new PriorityQueue<>((a, b) -> compareCodePoints(a.line, b.line));
    List<BufferedReader> readers = new ArrayList<>();
    long written = 0;
    try {
      for (Path p : runs) {
        BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        readers.add(r);
        String l = r.readLine();
        if (l != null) {
          pq.add(new Head(l, r));
        }
      }
      String prev = null;
      while (!pq.isEmpty()) {
        Head h = pq.poll();
        if (!h.line.equals(prev)) {
          w.write(h.line);
          w.write('\n');
          written++;
          prev = h.line;
        }
        String next = h.in.readLine();
        if (next != null) {
          pq.add(new Head(next, h.in));
        }
      }
    } finally {
      for (BufferedReader r : readers) {
        r.close();
      }
    }
    return written;
  }

  // ---------------------------------------------------------------------------------------------- canonical copies

  /** A copy of the graph built in sorted order, with the standard prefixes: same content, same iteration order. */
  static Graph canonical(Graph g, String base) {
    return canonical(g, Vocab.prefixes(base));
  }

  public static Graph canonical(Graph g, PrefixMapping prefixes) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(prefixes);
    // each sort key computed once (formatting a line per comparison made this the slowest step)
    List<Map.Entry<String, Triple>> ts = new ArrayList<>();
    g.find().forEachRemaining(t -> ts.add(Map.entry(ntLine(t), t)));
    ts.sort((x, y) -> compareCodePoints(x.getKey(), y.getKey()));
    ts.forEach(e -> out.add(e.getValue()));
    return out;
  }

  static DatasetGraph canonical(DatasetGraph dsg, String base) {
    DatasetGraph out = DatasetGraphFactory.create();
    out.prefixes().putAll(Vocab.prefixes(base));
    // graph, then the triple's N-Triples line: the N-Quads order with the graph first; keys computed once
    List<Map.Entry<String, Quad>> qs = new ArrayList<>();
    dsg.find().forEachRemaining(q -> qs.add(Map.entry(q.getGraph().toString() + "\u0000" + ntLine(q.asTriple()), q)));
    qs.sort((x, y) -> compareCodePoints(x.getKey(), y.getKey()));
    qs.forEach(e -> out.add(e.getValue()));
    return out;
  }
}
