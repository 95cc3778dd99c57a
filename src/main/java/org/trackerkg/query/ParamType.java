package org.trackerkg.query;

import java.util.Locale;

/** The type of a canned query's parameter: what a value must look like, and which RDF term it becomes. */
public enum ParamType {
  /** Any text; bound as a plain string literal. */
  STRING,
  /** An absolute http(s) IRI; bound as an IRI. */
  IRI,
  /** A decimal integer; bound as an xsd:integer literal. */
  INTEGER,
  /** A tracker slug ({@code mparticle}) or a tracker IRI ({@code {base}id/tracker/mparticle}); bound as the IRI. */
  TRACKER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named in a query header ({@code string}, {@code iri}, {@code integer}, {@code tracker}). */
  public static ParamType parse(String name) {
    for (ParamType t : values()) {
      if (t.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown parameter type '" + name + "' (string, iri, integer or tracker)");
  }
}
