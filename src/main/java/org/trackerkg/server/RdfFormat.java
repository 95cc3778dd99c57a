package org.trackerkg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Vocab;

/**
 * The formats documents are negotiated in: HTML for people, RDF syntaxes for machines (TriG and N-Quads where a
 * document has named graphs to show). Names, extensions and media types come from the one registry,
 * {@link RdfOutput.Format}.
 *
 * <p>Other media types clients send for the same syntaxes are answered rather than refused (406), with the bytes of
 * the syntax they stand for and the type the client asked for as the Content-Type: {@code text/plain} gets
 * N-Triples (its media type before RDF 1.1, as LodView does), {@code application/json} JSON-LD (which is JSON),
 * {@code text/n3} and {@code application/x-turtle} Turtle (Turtle is N3, and x-turtle its old name). A document of
 * one graph asked for as {@code application/trig} or {@code application/n-quads} gets Turtle or N-Triples: both are
 * valid TriG and N-Quads, the triples in the default graph.
 */
enum RdfFormat {
  HTML(null),
  TURTLE(RdfOutput.Format.TTL),
  NTRIPLES(RdfOutput.Format.NT),
  JSONLD(RdfOutput.Format.JSONLD),
  RDFXML(RdfOutput.Format.RDFXML),
  TRIG(RdfOutput.Format.TRIG),
  NQUADS(RdfOutput.Format.NQ);

  /** Media types answered with the bytes of one of our syntaxes, whatever the document. */
  private static final Map<String, RdfFormat> ALIASES = Map.of("text/plain", NTRIPLES,
      "application/json", JSONLD, "text/n3", TURTLE, "application/x-turtle", TURTLE);
  private static final List<String> ALIAS_ORDER = List.of("text/plain", "application/json", "text/n3",
      "application/x-turtle");
  /** A document of one graph: the quad syntaxes' types answered with their triple subsets. */
  private static final Map<String, RdfFormat> QUADS_AS_TRIPLES = Map.of("application/trig", TURTLE,
      "application/n-quads", NTRIPLES);

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

  /** The Content-Type for an offer chosen by negotiation: ours, or the alias the client asked for. */
  String contentType(String chosen) {
    if (chosen == null || chosen.equals(mediaType)) {
      return contentType();
    }
    return chosen.equals("application/json") ? chosen : chosen + "; charset=utf-8";
  }

  /**
   * Offers for a document of one graph, in the server's order of preference when the client does not care (Turtle
   * first), then the aliases.
   */
  static List<String> offers(boolean html) {
    List<String> out = new ArrayList<>();
    for (RdfFormat f : new RdfFormat[] {TURTLE, HTML, NTRIPLES, JSONLD, RDFXML}) {
      if (html || f != HTML) {
        out.add(f.mediaType);
      }
    }
    out.addAll(ALIAS_ORDER);
    out.addAll(List.of("application/trig", "application/n-quads"));
    return out;
  }

  /** Offers for a document whose triples come from named graphs: TriG and N-Quads keep them. */
  static List<String> offersWithGraphs(boolean html) {
    List<String> out = new ArrayList<>();
    for (RdfFormat f : new RdfFormat[] {TURTLE, HTML, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS}) {
      if (html || f != HTML) {
        out.add(f.mediaType);
      }
    }
    out.addAll(ALIAS_ORDER);
    return out;
  }

  /** The format of an offer chosen from {@link #offers} ({@code graphs} false) or {@link #offersWithGraphs}. */
  static RdfFormat forOffer(String chosen, boolean graphs) {
    RdfFormat f = ALIASES.get(chosen);
    if (f == null && !graphs) {
      f = QUADS_AS_TRIPLES.get(chosen);
    }
    return f != null ? f : byMediaType(chosen);
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

  /**
   * A {@code ?format=} value: any name of the registry ({@code ttl}, {@code turtle}, {@code rdf}, {@code rdfxml},
   * {@code rdf+xml}, …), or {@code n3} for Turtle.
   */
  static RdfFormat byName(String name) {
    if (name.equals("n3")) {
      return TURTLE; // Turtle is N3 (SPARQLWrapper's N3, rdflib's "n3")
    }
    return name.equals("html") ? HTML : of(RdfOutput.Format.byName(name.replace("+", "")));
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

  /** Named graphs (TriG, N-Quads) written as the dumps are: sorted, deterministic, the dumps' prefixes. */
  byte[] write(DatasetGraph dsg, String base) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      RdfOutput.write(dsg, syntax, base, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return out.toByteArray();
  }
}
