package org.trackerkg.dossier;

import java.util.List;

/**
 * Primary location as written ("United States (New York)"): the country name, its ISO 3166 alpha-2 code
 * when the name is recognised (else null), and the city (else null).
 */
public record Location(String country, String countryCode, String city, String text, List<Citation> citations, int line) {
  public Location {
    citations = List.copyOf(citations);
  }
}
