package org.trackerkg.dossier;

import java.math.BigDecimal;
import java.util.List;

/**
 * An acquisition stated in prose ("It was acquired by Microsoft in 2014", "Yahoo bought Flurry for a reported
 * $200 million"): who was bought, by whom, when and for how much, as far as the sentence says.
 *
 * @param acquired  the organisation bought, as written; null when it is the tracker's own company
 * @param acquirer  the buyer, as written
 * @param year      the year of the deal, or null
 * @param amount    the price in {@code currency} units, or null when not stated (or only as a range)
 * @param currency  ISO 4217 code of the amount, or null
 * @param qualifier how the price is qualified ("reported", "approximately"), or null
 * @param passage   the sentence it was read from, verbatim
 */
public record Acquisition(String acquired, String acquirer, Integer year, BigDecimal amount, String currency,
    String qualifier, String passage, List<Citation> citations, int line) {
  public Acquisition {
    citations = List.copyOf(citations);
  }
}
