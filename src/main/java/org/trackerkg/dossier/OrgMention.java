package org.trackerkg.dossier;

import java.util.List;

/**
 * An organisation named in a dossier as an owner of the tracker's company, with the label of the passage that
 * named it ("Ownership"), the citations that support the mention, and — when read from a sentence of prose rather
 * than a labelled field — the sentence ({@code passage}, else null).
 */
public record OrgMention(String name, String label, List<Citation> citations, int line, String passage) {
  public OrgMention {
    citations = List.copyOf(citations);
  }

  public OrgMention(String name, String label, List<Citation> citations, int line) {
    this(name, label, citations, line, null);
  }

  /** True when the fact was read from a sentence of prose. */
  public boolean fromProse() {
    return passage != null;
  }
}
