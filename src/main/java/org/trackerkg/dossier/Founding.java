package org.trackerkg.dossier;

import java.util.List;

/** The founding year and the sentence stating it. */
public record Founding(int year, String text, List<Citation> citations, int line) {
  public Founding {
    citations = List.copyOf(citations);
  }
}
