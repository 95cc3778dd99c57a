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
      // "Microsoft: United States (Seattle) / Bit Stadium: Germany (Stuttgart)": the first place named
      String first = TRAILING_DOTS_SPACE.matcher(PLACE_LABEL.matcher(PLACE_SEPARATOR.split(text)[0]).replaceFirst("")).replaceAll("").trim();
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
      if (code == null) {
        ctx.warn(p, "unrecognised country '" + country + "' in primary location");
      }
      d.location = new Location(country, code, city, text, Inlines.citations(pieces), line);
    }
  }
}
