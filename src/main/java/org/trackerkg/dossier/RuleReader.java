package org.trackerkg.dossier;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Paragraph;

/** The detection rules section: network and code signatures, labelled, in backticks or bare. */
final class RuleReader {
  static final Pattern RULE = Pattern.compile(
      "^\\s*(network|code)\\s+(?:signatures?|detection\\s+rules?|rules?)\\s*:?\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  static final Pattern LIST_MARKERS = Pattern.compile("^([*+-]\\s+)+");
  static final Pattern NO_SPACE = Pattern.compile("[^\\s]+");

  private RuleReader() {}

  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      List<Inlines.Piece> pieces = Inlines.flatten(p, ctx);
      String text = Inlines.text(pieces);
      int line = ParseContext.line(p);
      // Patterns exactly as written: from the source, since Markdown unescapes "\\." in plain text.
      String raw = LIST_MARKERS.matcher(ctx.slice(line, ParseContext.lastLine(p)).trim()).replaceFirst("").trim();
      Matcher m = RULE.matcher(raw);
      Signature.Kind kind = null;
      List<String> rules = Inlines.codeSpans(pieces);
      if (m.matches()) {
        kind = m.group(1).toLowerCase(Locale.ROOT).equals("network") ? Signature.Kind.NETWORK : Signature.Kind.CODE;
        if (rules.isEmpty()) {
          rules = List.of(m.group(2));
        }
      } else if (rules.isEmpty()) {
        // a bare rule without backticks: "com.example.sdk"
        rules = NO_SPACE.matcher(raw).matches() ? List.of(raw) : List.of();
        if (rules.isEmpty() && !Placeholders.isPlaceholder(text)) {
          ctx.warn(p, "could not read a detection rule from '" + text + "'; kept verbatim in its section");
        }
      }
      for (String rule : rules) {
        for (String alt : Signatures.alternatives(rule)) {
          d.signatures.add(new Signature(kind != null ? kind : Signatures.classify(alt), alt, line));
        }
      }
    }
  }
}
