package org.trackerkg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP content negotiation over a fixed list of offers: q-values honoured, the most specific matching range
 * decides an offer's q, ties go to the offer the client named most specifically, then to the server's order.
 */
final class Negotiation {
  private Negotiation() {}

  private record Range(String type, String subtype, double q) {
    int specificity() {
      return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
    }

    boolean matches(String t, String s) {
      return (type.equals("*") || type.equals(t)) && (subtype.equals("*") || subtype.equals(s));
    }
  }

  /**
   * The offer (a media type like {@code text/turtle}) the Accept header prefers, or null when none is acceptable.
   * No Accept header accepts anything.
   */
  static String choose(String accept, List<String> offers) {
    List<Range> ranges = parse(accept == null || accept.isBlank() ? "*/*" : accept);
    String best = null;
    double bestQ = 0;
    int bestSpec = -1;
    for (String offer : offers) {
      int slash = offer.indexOf('/');
      String t = offer.substring(0, slash);
      String s = offer.substring(slash + 1);
      Range match = null;
      for (Range r : ranges) {
        if (r.matches(t, s) && (match == null || r.specificity() > match.specificity()
            || (r.specificity() == match.specificity() && r.q() > match.q()))) {
          match = r;
        }
      }
      if (match == null || match.q() <= 0) {
        continue;
      }
      if (match.q() > bestQ || (match.q() == bestQ && match.specificity() > bestSpec)) {
        best = offer;
        bestQ = match.q();
        bestSpec = match.specificity();
      }
    }
    return best;
  }

  private static List<Range> parse(String accept) {
    List<Range> out = new ArrayList<>();
    for (String part : accept.split(",")) {
      String[] bits = part.trim().split(";");
      if (bits.length == 0) {
        continue; // ";" or ";;": no media range at all
      }
      String mt = bits[0].trim().toLowerCase(Locale.ROOT);
      if (mt.isEmpty()) {
        continue;
      }
      if (mt.equals("*")) {
        mt = "*/*";
      }
      int slash = mt.indexOf('/');
      if (slash <= 0 || slash == mt.length() - 1) {
        continue;
      }
      double q = 1.0;
      for (int i = 1; i < bits.length; i++) {
        String param = bits[i].trim();
        if (param.toLowerCase(Locale.ROOT).startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2).trim());
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      out.add(new Range(mt.substring(0, slash), mt.substring(slash + 1), Math.max(0, Math.min(1, q))));
    }
    return out;
  }
}
