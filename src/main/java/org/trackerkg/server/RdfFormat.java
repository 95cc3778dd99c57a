package org.trackerkg.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.vocab.Vocab;

/** The formats documents are negotiated in: HTML for people, four RDF syntaxes for machines. */
enum RdfFormat {
  HTML("text/html", "html", null),
  TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
  NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
  JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11),
  RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PLAIN);

  final String mediaType;
  final String extension;
  final RDFFormat format;

  RdfFormat(String mediaType, String extension, RDFFormat format) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.format = format;
  }

  String contentType() {
    return this == JSONLD || this == RDFXML ? mediaType : mediaType + "; charset=utf-8";
  }

  /** Offers in the server's order of preference when the client does not care (Turtle first). */
  static List<String> offers(boolean html) {
    List<String> out = new ArrayList<>();
    for (RdfFormat f : new RdfFormat[] {TURTLE, HTML, NTRIPLES, JSONLD, RDFXML}) {
      if (html || f != HTML) {
        out.add(f.mediaType);
      }
    }
    return out;
  }

  static RdfFormat byMediaType(String mt) {
    for (RdfFormat f : values()) {
      if (f.mediaType.equals(mt)) {
        return f;
      }
    }
    return null;
  }

  static RdfFormat byExtension(String ext) {
    for (RdfFormat f : values()) {
      if (f.extension.equals(ext)) {
        return f;
      }
    }
    return null;
  }

  /** The graph written deterministically (sorted triples, the standard prefixes). */
  byte[] write(Graph graph, String base) {
    Graph sorted = GraphFactory.createDefaultGraph();
    sorted.getPrefixMapping().setNsPrefixes(Vocab.prefixes(base));
    sorted.getPrefixMapping().setNsPrefix("void", Vocab.VOID).setNsPrefix("dcat", Vocab.DCAT)
        .setNsPrefix("sd", "http://www.w3.org/ns/sparql-service-description#");
    List<Triple> ts = new ArrayList<>(graph.find().toList());
    ts.sort(Comparator.comparing((Triple t) -> NodeFmtLib.strNT(t.getSubject()) + " "
        + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject())));
    ts.forEach(sorted::add);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFWriter.source(sorted).format(format).output(out);
    return out.toByteArray();
  }
}
