package org.trackerkg.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.graph.Vocab;

/**
 * Serialises the dataset deterministically: the same dataset gives the same bytes whatever order its quads were
 * added in. N-Triples and N-Quads are sorted lines; the pretty formats are written from a copy built in sorted
 * order. Triple formats give the union of the named graphs; quad formats keep them.
 */
public final class RdfOutput {

  /** The output formats of {@code convert} and {@code dump}. */
  public enum Format {
    TTL("ttl", Lang.TURTLE, false),
    NT("nt", Lang.NTRIPLES, false),
    TRIG("trig", Lang.TRIG, true),
    NQ("nq", Lang.NQUADS, true),
    JSONLD("jsonld", Lang.JSONLD, true),
    RDFXML("rdf", Lang.RDFXML, false);

    public final String extension;
    public final Lang lang;
    public final boolean quads;

    Format(String extension, Lang lang, boolean quads) {
      this.extension = extension;
      this.lang = lang;
      this.quads = quads;
    }

    public static Format parse(String s) {
      String k = s.toLowerCase(Locale.ROOT).replace("-", "");
      return switch (k) {
        case "ttl", "turtle" -> TTL;
        case "nt", "ntriples" -> NT;
        case "trig" -> TRIG;
        case "nq", "nquads" -> NQ;
        case "jsonld", "json" -> JSONLD;
        case "rdfxml", "rdf", "xml" -> RDFXML;
        default -> throw new IllegalArgumentException(
            "unknown format '" + s + "' (ttl, nt, trig, nq, jsonld, rdfxml)");
      };
    }
  }

  private RdfOutput() {}

  public static void write(DatasetGraph dsg, Format format, String base, OutputStream out) throws IOException {
    switch (format) {
      case NT -> writeSortedLines(sortedTriples(dsg.getUnionGraph()), out);
      case NQ -> writeSortedLines(sortedQuads(dsg), out);
      case TTL -> RDFWriter.source(canonical(dsg.getUnionGraph(), base)).format(RDFFormat.TURTLE_PRETTY)
          .output(out);
      case RDFXML -> RDFWriter.source(canonical(dsg.getUnionGraph(), base)).format(RDFFormat.RDFXML_PLAIN)
          .output(out);
      case TRIG -> RDFWriter.source(canonical(dsg, base)).format(RDFFormat.TRIG_PRETTY).output(out);
      case JSONLD -> RDFWriter.source(canonical(dsg, base)).format(RDFFormat.JSONLD11).output(out);
    }
    out.flush();
  }

  /** Each triple as one N-Triples line (without the newline), sorted by code point. */
  public static List<String> sortedTriples(Graph g) {
    List<String> lines = new ArrayList<>();
    g.find().forEachRemaining(t -> lines.add(ntLine(t)));
    lines.sort(RdfOutput::compareCodePoints);
    return dedupe(lines);
  }

  public static List<String> sortedQuads(DatasetGraph dsg) {
    List<String> lines = new ArrayList<>();
    Iterator<Quad> it = dsg.find();
    while (it.hasNext()) {
      Quad q = it.next();
      String triple = ntLine(q.asTriple());
      lines.add(q.isDefaultGraph() ? triple
          : triple.substring(0, triple.length() - 1) + NodeFmtLib.strNT(q.getGraph()) + " .");
    }
    lines.sort(RdfOutput::compareCodePoints);
    return dedupe(lines);
  }

  static String ntLine(Triple t) {
    return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
        + NodeFmtLib.strNT(t.getObject()) + " .";
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
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static void writeSortedLines(List<String> lines, OutputStream out) throws IOException {
    Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    for (String l : lines) {
      w.write(l);
      w.write('\n');
    }
    w.flush();
  }

  /** A copy of the graph built in sorted order, with the standard prefixes: same content, same iteration order. */
  static Graph canonical(Graph g, String base) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(Vocab.prefixes(base));
    List<Triple> ts = new ArrayList<>(g.find().toList());
    ts.sort((x, y) -> compareCodePoints(ntLine(x), ntLine(y)));
    ts.forEach(out::add);
    return out;
  }

  static DatasetGraph canonical(DatasetGraph dsg, String base) {
    DatasetGraph out = DatasetGraphFactory.create();
    out.prefixes().putAll(Vocab.prefixes(base));
    List<Quad> qs = new ArrayList<>();
    dsg.find().forEachRemaining(qs::add);
    qs.sort((x, y) -> {
      int c = compareCodePoints(x.getGraph().toString(), y.getGraph().toString());
      return c != 0 ? c : compareCodePoints(ntLine(x.asTriple()), ntLine(y.asTriple()));
    });
    qs.forEach(out::add);
    return out;
  }
}
