package org.trackerkg.dossier;

import java.util.List;

/**
 * Primary location as written ("United States (New York)"): the country name, its ISO 3166 alpha-2 code
 * when the name is recognised (else null), and the city (else null). {@code passage} is the sentence it was read
 * from when it comes from prose ("headquartered in Boston, MA"), else null. {@code organization} is the company the
 * place is said of when the line names one ("Microsoft: United States (Seattle) / Bit Stadium: Germany (Stuttgart)"),
 * else null (the tracker's own company).
 */
public record Location(String country, String countryCode, String city, String text, List<Citation> citations, int line,
    String passage, String organization) {
  public Location {
    citations = List.copyOf(citations);
  }

  public Location(String country, String countryCode, String city, String text, List<Citation> citations, int line,
      String passage) {
    this(country, countryCode, city, text, citations, line, passage, null);
  }

  public Location(String country, String countryCode, String city, String text, List<Citation> citations, int line) {
    this(country, countryCode, city, text, citations, line, null);
  }
}
