package org.trackerkg.dossier;

import java.util.List;

/**
 * A tracker's relationship to an organisation: the kind, the organisation's name as spelled, the label of the
 * passage that states it ("Key partnerships", "Investors include"), the citations supporting it, and — for a fact
 * read from a sentence rather than a labelled list — the sentence itself ({@code passage}, else null).
 */
public record Relationship(Kind kind, String name, String label, List<Citation> citations, int line, String passage) {
  public enum Kind { CUSTOMER, INTEGRATION, PARTNER, INVESTOR, CLIENT }

  public Relationship {
    citations = List.copyOf(citations);
  }

  /** A relationship from a labelled list or field. */
  public Relationship(Kind kind, String name, String label, List<Citation> citations, int line) {
    this(kind, name, label, citations, line, null);
  }

  /** True when the fact was read from a sentence of prose. */
  public boolean fromProse() {
    return passage != null;
  }
}
