package org.trackerkg.publish;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.trackerkg.vocab.Vocab;

/**
 * Compacted JSON-LD 1.1, written as a stream: the inline {@code @context} of prefixes first, then one
 * {@code {"@id": graph, "@graph": [...]}} object per named graph, its node objects sorted by subject, properties by
 * IRI, values in N-Triples order. Only one named graph is held in memory at a time (a JSON-LD processor would
 * expand and compact the whole dataset in memory). IRIs are written as compact IRIs where a prefix of the context
 * covers them and the rest cannot be misread, else in full; literals other than plain strings keep their datatype.
 */
final class JsonLdWriter {
  /** A local part that a JSON-LD processor expands back to the same IRI (no "//" start, no odd characters). */
  private static final Pattern SAFE_LOCAL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-/#]*");
  private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();

  private final Map<String, String> prefixes; // namespace → prefix, longest namespace first

  JsonLdWriter(Map<String, String> nsPrefixMap) {
    TreeMap<String, String> byNamespace = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder()));
    nsPrefixMap.forEach((prefix, ns) -> byNamespace.put(ns, prefix));
    this.prefixes = byNamespace;
  }

  void write(DatasetGraph dsg, Map<String, String> context, OutputStream out) throws IOException {
    // the caller owns the stream (AtomicFile flushes and syncs it after us)
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      writeContext(g, context);
      g.writeArrayFieldStart("@graph");
      if (!dsg.getDefaultGraph().isEmpty()) {
        writeNodes(g, dsg.getDefaultGraph());
      }
      List<Node> graphs = new ArrayList<>();
      dsg.listGraphNodes().forEachRemaining(graphs::add);
      graphs.sort((a, b) -> RdfOutput.compareCodePoints(NodeFmtLib.strNT(a), NodeFmtLib.strNT(b)));
      for (Node graphName : graphs) {
        Graph graph = dsg.getGraph(graphName);
        if (graph.isEmpty()) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("@id", iri(graphName.getURI()));
        g.writeArrayFieldStart("@graph");
        writeNodes(g, graph);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private void writeNodes(JsonGenerator g, Graph graph) throws IOException {
    List<Triple> triples = new ArrayList<>(graph.find().toList());
    List<String[]> keyed = new ArrayList<>(triples.size());
    for (Triple t : triples) {
      keyed.add(new String[] {NodeFmtLib.strNT(t.getSubject()), NodeFmtLib.strNT(t.getPredicate()),
          NodeFmtLib.strNT(t.getObject())});
    }
    List<Integer> order = new ArrayList<>(triples.size());
    for (int i = 0; i < triples.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      String[] x = keyed.get(a);
      String[] y = keyed.get(b);
      int c = RdfOutput.compareCodePoints(x[0], y[0]);
      if (c == 0) {
        c = typeFirst(triples.get(a), triples.get(b));
      }
      if (c == 0) {
        c = RdfOutput.compareCodePoints(x[1], y[1]);
      }
      return c != 0 ? c : RdfOutput.compareCodePoints(x[2], y[2]);
    });
    Node subject = null;
    Node predicate = null;
    for (int i : order) {
      Triple t = triples.get(i);
      if (!t.getSubject().equals(subject)) {
        if (subject != null) {
          g.writeEndArray();
          g.writeEndObject();
        }
        subject = t.getSubject();
        predicate = null;
        g.writeStartObject();
        g.writeStringField("@id", node(subject));
      }
      if (!t.getPredicate().equals(predicate)) {
        if (predicate != null) {
          g.writeEndArray();
        }
        predicate = t.getPredicate();
        g.writeArrayFieldStart(isType(t) ? "@type" : iri(predicate.getURI()));
      }
      if (isType(t) && t.getObject().isURI()) {
        g.writeString(iri(t.getObject().getURI()));
      } else {
        value(g, t.getObject());
      }
    }
    if (subject != null) {
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static boolean isType(Triple t) {
    return t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI();
  }

  /** {@code @type} first in each node object, as JSON-LD processors write it. */
  private static int typeFirst(Triple a, Triple b) {
    return Boolean.compare(!isType(a), !isType(b));
  }

  private void value(JsonGenerator g, Node o) throws IOException {
    if (o.isURI()) {
      g.writeStartObject();
      g.writeStringField("@id", iri(o.getURI()));
      g.writeEndObject();
    } else if (o.isBlank()) {
      g.writeStartObject();
      g.writeStringField("@id", "_:" + o.getBlankNodeLabel());
      g.writeEndObject();
    } else if (!o.getLiteralLanguage().isEmpty()) {
      g.writeStartObject();
      g.writeStringField("@value", o.getLiteralLexicalForm());
      g.writeStringField("@language", o.getLiteralLanguage());
      g.writeEndObject();
    } else if (XSD_STRING.equals(o.getLiteralDatatypeURI())) {
      g.writeString(o.getLiteralLexicalForm());
    } else {
      g.writeStartObject();
      g.writeStringField("@value", o.getLiteralLexicalForm());
      g.writeStringField("@type", iri(o.getLiteralDatatypeURI()));
      g.writeEndObject();
    }
  }

  private String node(Node n) {
    return n.isBlank() ? "_:" + n.getBlankNodeLabel() : iri(n.getURI());
  }

  /** A compact IRI where a prefix covers it and the local part reads back unchanged, else the IRI itself. */
  String iri(String iri) {
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      String ns = e.getKey();
      if (iri.startsWith(ns) && iri.length() > ns.length()) {
        String local = iri.substring(ns.length());
        if (SAFE_LOCAL.matcher(local).matches() && !local.startsWith("//")) {
          return e.getValue() + ":" + local;
        }
      }
    }
    return iri;
  }

  /**
   * {@code {"@context": …}} alone, written by the same code as a dump's inline context: the same bytes, so that
   * {@code /context.jsonld} and the dump's head cannot drift apart.
   */
  static void writeContextDocument(Map<String, String> context, OutputStream out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      writeContext(g, context);
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** A generator with the dumps' layout: two-space indents, one value a line, {@code "key" : value}. */
  private static JsonGenerator generator(OutputStream out) throws IOException {
    JsonFactory factory = JsonFactory.builder()
        .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(com.fasterxml.jackson.core.util.Separators
        .createDefaultInstance()
        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    g.setPrettyPrinter(pp);
    return g;
  }

  /** The {@code "@context"} member: JSON-LD 1.1 and the prefixes, in prefix order. */
  private static void writeContext(JsonGenerator g, Map<String, String> context) throws IOException {
    g.writeObjectFieldStart("@context");
    g.writeNumberField("@version", 1.1);
    for (Map.Entry<String, String> e : new TreeMap<>(context).entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  static Map<String, String> prefixMap(String base) {
    return Vocab.prefixes(base).getNsPrefixMap();
  }
}
