package org.trackerkg.dossier;

import java.util.List;

/**
 * One link of an ownership chain between two organisations other than the tracker's company, stated in prose:
 * "X is part of Y, which is owned by Z" gives Y → Z here (X → Y is an owner of the company), "Bit Stadium is a
 * subsidiary of Microsoft" gives Bit Stadium → Microsoft.
 *
 * @param owned   the organisation owned, as written
 * @param owner   its owner, as written
 * @param passage the sentence it was read from, verbatim
 */
public record Ownership(String owned, String owner, String passage, List<Citation> citations, int line) {
  public Ownership {
    citations = List.copyOf(citations);
  }
}
