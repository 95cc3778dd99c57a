package org.trackerkg.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Vocab;

/**
 * The formats documents are negotiated in: HTML for people, four RDF syntaxes for machines. Names, extensions and
 * media types come from the one registry, {@link RdfOutput.Format}.
 */
enum RdfFormat {
  HTML(null),
  TURTLE(RdfOutput.Format.TTL),
  NTRIPLES(RdfOutput.Format.NT),
  JSONLD(RdfOutput.Format.JSONLD),
  RDFXML(RdfOutput.Format.RDFXML);

  final RdfOutput.Format syntax;
  final String mediaType;
  final String extension;

  RdfFormat(RdfOutput.Format syntax) {
    this.syntax = syntax;
    this.mediaType = syntax == null ? "text/html" : syntax.mediaType;
    this.extension = syntax == null ? "html" : syntax.extension;
  }

  String contentType() {
    return syntax == null ? mediaType + "; charset=utf-8" : syntax.contentType();
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

  /** A document's suffix ({@code /id/x.ttl}): the file extensions of the registry, and {@code html}. */
  static RdfFormat byExtension(String ext) {
    return ext.equals("html") ? HTML : of(RdfOutput.Format.byExtension(ext));
  }

  /** A {@code ?format=} value: any name of the registry ({@code ttl}, {@code turtle}, {@code rdf}, {@code rdfxml}, …). */
  static RdfFormat byName(String name) {
    return name.equals("html") ? HTML : of(RdfOutput.Format.byName(name));
  }

  private static RdfFormat of(RdfOutput.Format syntax) {
    for (RdfFormat f : values()) {
      if (f.syntax != null && f.syntax == syntax) {
        return f;
      }
    }
    return null;
  }

  /**
   * The graph written deterministically, in the dumps' one order (code points): N-Triples as the dumps' sorted
   * lines, the other syntaxes from {@link RdfOutput#canonical}, with the standard prefixes.
   */
  byte[] write(Graph graph, String base) {
    PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(Vocab.prefixes(base))
        .setNsPrefix("void", Vocab.VOID).setNsPrefix("dcat", Vocab.DCAT)
        .setNsPrefix("sd", "http://www.w3.org/ns/sparql-service-description#");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (syntax == RdfOutput.Format.NT) {
      // the dumps' sorted lines, byte for byte (a graph's iteration order is no sort order)
      for (String line : RdfOutput.sortedTriples(graph)) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
      return out.toByteArray();
    }
    RDFWriter.source(RdfOutput.canonical(graph, prefixes)).format(syntax.graphFormat).output(out);
    return out.toByteArray();
  }
}
