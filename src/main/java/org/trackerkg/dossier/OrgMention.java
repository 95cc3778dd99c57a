package org.trackerkg.dossier;

import java.util.List;

/**
 * An organisation named in a dossier (owner, customer, integration, partner, investor, client), with the
 * label of the passage that named it ("Key partnerships") and the citations that support the mention.
 */
public record OrgMention(String name, String label, List<Citation> citations, int line) {
  public OrgMention {
    citations = List.copyOf(citations);
  }
}
