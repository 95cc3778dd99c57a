package org.trackerkg.publish;

/**
 * One file of a dump: its name in the dump folder, media type ({@code compressFormat} is {@code application/gzip}
 * for the {@code .gz} copies, else null), size in bytes, number of statements (triples for the triple formats and
 * the ontology, quads for the quad formats, -1 for files that are not RDF) and SHA-256 in hex.
 */
public record DumpFile(String name, String mediaType, String compressFormat, long bytes, long statements,
    String sha256) {

  /** Whether the file is RDF (and so carries a statement count). */
  public boolean isRdf() {
    return statements >= 0;
  }
}
