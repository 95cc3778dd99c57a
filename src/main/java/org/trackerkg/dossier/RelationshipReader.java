package org.trackerkg.dossier;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** The relationships section: customers, partners, investors… from labelled lists, slash lists and lead-ins. */
final class RelationshipReader {
  static final Pattern LEAD_IN = Pattern.compile("^([^:/\\[]{3,60}?(?:include|includes|are|:))");
  static final Pattern TRAILING_COLON_SPACE = Pattern.compile("[:\\s]+$");
  /** "Kind: Name" ("Parent: Foo Inc.", "Off-Site Ad Servers:_ A / B"): a short kind, a colon, then the names. */
  static final Pattern KIND_NAME = Pattern.compile("^([\\p{L}\\d][\\p{L}\\d&'’ .+-]{0,40}?)\\s*:[_*]{0,2}\\s+(?=\\S)");
  /** Kinds that name an owner, not a relationship. */
  static final Pattern OWNER_KIND = Pattern.compile(
      "(?i)(?:ultimate\\s+)?(?:parent(?:\\s+(?:company|organi[sz]ation|firm|group))?|owners?|owned by|holding(?:\\s+company)?|acquired by|acquirer)");

  private RelationshipReader() {}

  // ---------------------------------------------------------------- relationships

  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    String subLabel = null;
    String carried = null;  // "_Partners:_" on a line of its own labels the list that follows
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        subLabel = Inlines.plain(h).trim();
        carried = null;
        continue;
      }
      String pending = block instanceof ListBlock ? carried : null;
      carried = null;
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
          carried = block == n ? l.label() : null;
          continue;
        }
        // "Investor: Bar Capital", "Analytics: Keynote / S4M": the kind before the colon is the name's role
        Matcher kn = l.label() == null ? KIND_NAME.matcher(text) : null;
        String role = kn != null && kn.find() && RelationshipLists.wordCount(kn.group(1)) <= 4 ? kn.group(1).trim() : null;
        if (role != null && OWNER_KIND.matcher(role).matches()) {
          List<RelationshipLists.Named> owners = RelationshipLists.isSlashList(pieces) ? RelationshipLists.slashList(pieces)
              : RelationshipLists.prose(pieces);
          if (owners != null && !owners.isEmpty()) {
            for (RelationshipLists.Named o : owners) {
              d.owners.add(new OrgMention(o.name(), role, o.citations(), o.line() > 0 ? o.line() : line));
            }
            continue;
          }
        }
        Relationship.Kind kind = RelationshipLists.kind(role);
        if (kind == null) {
          kind = RelationshipLists.kind(label);
        }
        if (role != null && (kind != null || RelationshipLists.isSlashList(pieces))) {
          label = role;
        }
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
        } else if (role != null && label != null) {
          // "_Others:_ … * Brand safety: Adwatch": one name under a kind, in a list of relationships
          names = RelationshipLists.prose(pieces);
          kind = Relationship.Kind.PARTNER;
          label = role;
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
