package org.trackerkg.dossier;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** The relationships section: customers, partners, investors… from labelled lists, slash lists and lead-ins. */
final class RelationshipReader {
  static final Pattern LEAD_IN = Pattern.compile("^([^:/\\[]{3,60}?(?:include|includes|are|:))");
  static final Pattern TRAILING_COLON_SPACE = Pattern.compile("[:\\s]+$");

  private RelationshipReader() {}

  // ---------------------------------------------------------------- relationships

  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    String subLabel = null;
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        subLabel = Inlines.plain(h).trim();
        continue;
      }
      String pending = null;
      for (Node n : Blocks.leaves(block, ctx)) {
        int line = ParseContext.line(n);
        if (!(n instanceof Paragraph p)) {
          d.details.add(new LabelledText(subLabel, Blocks.rawText(n, ctx), List.of(), line));
          continue;
        }
        Inlines.Labelled l = Inlines.label(p, ctx);
        String label = l.label() != null ? l.label() : pending != null ? pending : subLabel;
        List<Inlines.Piece> pieces = l.rest();
        String text = Inlines.text(pieces);
        if (text.isEmpty()) {
          pending = l.label();
          continue;
        }
        Relationship.Kind kind = RelationshipLists.kind(label);
        if (kind == null && label == null) {
          // "Investors include: A / B": the lead-in names the relationship
          Matcher lead = LEAD_IN.matcher(text);
          if (lead.find()) {
            kind = RelationshipLists.kind(lead.group(1));
            if (kind != null) {
              label = TRAILING_COLON_SPACE.matcher(lead.group(1)).replaceAll("");
            }
          }
        }
        List<RelationshipLists.Named> names = null;
        if (RelationshipLists.isSlashList(pieces)) {
          names = RelationshipLists.slashList(pieces);
          if (kind == null) {
            kind = label == null ? Relationship.Kind.CUSTOMER : Relationship.Kind.PARTNER;
          }
        } else if (kind != null) {
          names = RelationshipLists.prose(pieces);
        }
        if (names == null || names.isEmpty()) {
          d.details.add(new LabelledText(label, text, Inlines.citations(pieces), line));
          continue;
        }
        for (RelationshipLists.Named named : names) {
          d.relationships.add(new Relationship(kind, named.name(), label, named.citations(),
              named.line() > 0 ? named.line() : line));
        }
      }
    }
  }
}
