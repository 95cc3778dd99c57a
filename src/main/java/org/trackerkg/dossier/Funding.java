package org.trackerkg.dossier;

import java.math.BigDecimal;
import java.util.List;

/** Funding raised: amount, ISO 4217 currency, a qualifier such as "over" (or null), and the sentence stating it. */
public record Funding(BigDecimal amount, String currency, String qualifier, String text, List<Citation> citations, int line) {
  public Funding {
    citations = List.copyOf(citations);
  }
}
