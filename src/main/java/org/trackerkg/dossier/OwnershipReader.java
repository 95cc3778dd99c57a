package org.trackerkg.dossier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Paragraph;

/** The ownership section: owners named alone, with a parenthetical, or in an "owned by …" sentence. */
final class OwnershipReader {
  static final Pattern OWNED_BY = Pattern.compile(
      "\\b(?:owned by|subsidiary of|part of|acquired by|division of|bought by)\\s+(?:the\\s+)?"
          + "([A-Z][\\w&.'-]*(?:\\s+(?:[A-Z][\\w&.'-]*|by|of|de|&))*)");
  static final Pattern RELATIVE_BEFORE =
      Pattern.compile("(?i)(?:,\\s*|\\b)(?:which|that|itself)\\s+(?:is|was|are|were|has been)?\\s*(?:itself\\s+|now\\s+|also\\s+)*(?:a\\s+|an\\s+)?$");
  static final Pattern TRAILING_SPACE_DOTS = Pattern.compile("[\\s.]+$");
  static final Pattern SENTENCE_VERB =
      Pattern.compile("(?i).*\\b(is|was|are|were|has|have|became|founded|owned|owns|include[sd]?)\\b.*");
  static final Pattern IS_WAS = Pattern.compile("(?i).*\\b(is|was)\\b.*");
  /** "Adobe (NASDAQ: ADBE) is …": a company named with its stock ticker at the start of the sentence. */
  static final Pattern LISTED_COMPANY = Pattern.compile(
      "^([A-Z][\\p{L}\\d&.' -]{0,40}?)\\s*\\((?:NASDAQ|NYSE|LSE|TSE|HKEX|Euronext)[^)]*\\)\\s+(?:is|was)\\b");

  private OwnershipReader() {}

  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      Inlines.Labelled l = Inlines.label(p, ctx);
      String text = Inlines.text(l.rest());
      List<Citation> cites = Inlines.citations(l.rest());
      int line = ParseContext.line(p);
      if (Placeholders.isPlaceholder(text) || text.equalsIgnoreCase("self-owned") || text.equalsIgnoreCase("self owned")) {
        continue;
      }
      d.ownershipText.append(text).append('\n');
      String bare = LocationReader.TRAILING_DOTS_SPACE.matcher(text).replaceAll("");
      boolean sentence = SENTENCE_VERB.matcher(bare).matches();
      Matcher paren = NameReader.NAME_PARENS.matcher(bare);
      if (!sentence && RelationshipLists.wordCount(bare) <= 6 && !paren.matches()) {
        d.owners.add(new OrgMention(bare, l.label(), cites, line));
        continue;
      }
      if (paren.matches() && RelationshipLists.wordCount(paren.group(1)) <= 6 && !IS_WAS.matcher(paren.group(1)).matches()) {
        // "Oath Inc. (subsidiary of Verizon Communications; …)": the owner, and the parenthetical as a detail
        d.owners.add(new OrgMention(paren.group(1).trim(), l.label(), cites, line));
        d.details.add(new LabelledText("Ownership", text, cites, line));
        continue;
      }
      Matcher m = OWNED_BY.matcher(bare);
      Set<String> named = new LinkedHashSet<>();
      Matcher listed = LISTED_COMPANY.matcher(bare);
      if (listed.find()) {
        // "Adobe (NASDAQ: ADBE) is a publicly-traded … company": the sentence is about the owner
        named.add(listed.group(1).trim());
      }
      while (m.find()) {
        if (RELATIVE_BEFORE.matcher(bare.substring(0, m.start())).find()) {
          continue;  // "part of Y, which is owned by Z": Z owns Y (a chain the prose reader keeps), not the tracker
        }
        named.add(TRAILING_SPACE_DOTS.matcher(m.group(1)).replaceAll(""));
      }
      for (String owner : named) {
        d.owners.add(new OrgMention(owner, l.label(), cites, line));
      }
      d.details.add(new LabelledText("Ownership", text, cites, line));
    }
  }
}
