package org.trackerkg.dossier;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Paragraph;

/** The primary location section: country, country code and city of the first place named. */
final class LocationReader {
  static final Pattern PLACE_SEPARATOR = Pattern.compile("\\s+/\\s+|;");
  static final Pattern PLACE_LABEL = Pattern.compile("^[^:()]{1,40}:\\s*");
  static final Pattern TRAILING_DOTS_SPACE = Pattern.compile("[.\\s]+$");

  private LocationReader() {}

  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      List<Inlines.Piece> pieces = Inlines.flatten(p, ctx);
      String text = Inlines.text(pieces);
      if (Placeholders.isPlaceholder(text) || d.location != null) {
        continue;
      }
      int line = ParseContext.line(p);
      // "Microsoft: United States (Seattle) / Bit Stadium: Germany (Stuttgart)": the first place named is the
      // tracker's; a place said of a named company is also that company's headquarters
      String[] places = PLACE_SEPARATOR.split(text);
      for (int i = 0; i < places.length; i++) {
        Matcher label = PLACE_LABEL.matcher(places[i].trim());
        String organization = label.find() ? label.group().replaceAll("[:\\s]+$", "").trim() : null;
        if (i > 0 && organization == null) {
          continue;
        }
        Location place = place(TRAILING_DOTS_SPACE.matcher(PLACE_LABEL.matcher(places[i].trim()).replaceFirst("")).replaceAll("").trim(),
            text, Inlines.citations(pieces), line, organization, p, ctx, i == 0);
        if (i == 0) {
          d.location = new Location(place.country(), place.countryCode(), place.city(), text, place.citations(), line);
        }
        if (organization != null && place.countryCode() != null) {
          d.headquarters.add(place);
        }
      }
    }
  }

  private static Location place(String first, String text, List<Citation> citations, int line, String organization,
      Paragraph p, ParseContext ctx, boolean warn) {
    String country = first;
    String city = null;
    Matcher m = NameReader.NAME_PARENS.matcher(first);
    if (m.matches()) {
      country = m.group(1).trim();
      city = m.group(2).trim();
    } else if (first.contains(",")) {
      // "New York, United States"
      String[] parts = first.split(",");
      String last = parts[parts.length - 1].trim();
      if (Countries.code(last) != null) {
        country = last;
        city = first.substring(0, first.lastIndexOf(',')).trim();
      }
    }
    String code = Countries.code(country);
    if (code == null && warn) {
      ctx.warn(p, "unrecognised country '" + country + "' in primary location");
    }
    return new Location(country, code, city, text, citations, line, null, organization);
  }
}
