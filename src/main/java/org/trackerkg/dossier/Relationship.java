package org.trackerkg.dossier;

import java.util.List;

/**
 * A tracker's relationship to an organisation as stated in the Relationships section: the kind, the
 * organisation's name as spelled, the section's own label ("Key partnerships", "Investors include"), and the
 * citations supporting it.
 */
public record Relationship(Kind kind, String name, String label, List<Citation> citations, int line) {
  public enum Kind { CUSTOMER, INTEGRATION, PARTNER, INVESTOR, CLIENT }

  public Relationship {
    citations = List.copyOf(citations);
  }
}
