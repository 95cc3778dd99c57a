package org.trackerkg.dossier;

import java.util.List;

/**
 * Primary location as written ("United States (New York)"): the country name, its ISO 3166 alpha-2 code
 * when the name is recognised (else null), and the city (else null). {@code passage} is the sentence it was read
 * from when it comes from prose ("headquartered in Boston, MA"), else null.
 */
public record Location(String country, String countryCode, String city, String text, List<Citation> citations, int line,
    String passage) {
  public Location {
    citations = List.copyOf(citations);
  }

  public Location(String country, String countryCode, String city, String text, List<Citation> citations, int line) {
    this(country, countryCode, city, text, citations, line, null);
  }
}
