package org.trackerkg.dossier;

import java.util.List;

/**
 * One statement of a privacy policy: its label ("Data retention", or null when the paragraph had none),
 * the verbatim text (following list items included) and its citations.
 */
public record PolicyClause(String label, String text, List<Citation> citations, int line) {
  public PolicyClause {
    citations = List.copyOf(citations);
  }
}
