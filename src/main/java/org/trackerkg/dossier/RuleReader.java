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

  /** Spaces around a regex escape or a dot ("flurry \\ .com"): a stray space, not a separator. */
  static final Pattern STRAY_SPACE = Pattern.compile("\\s*(\\\\|\\.)\\s*");

  private RuleReader() {}

  /**
   * Rules written bare, without backticks: one per line ("com.example.sdk" on one line, "example\\.com" on the
   * next are two rules), each repaired when its only spaces stand around a backslash or a dot
   * ("flurry \\ .com" → "flurry\\.com", with a warning). A line that is still not one token is no rule.
   */
  static List<String> bareRules(String raw, Paragraph p, ParseContext ctx) {
    List<String> out = new java.util.ArrayList<>();
    for (String line : raw.split("\n")) {
      String l = LIST_MARKERS.matcher(line.trim()).replaceFirst("").trim();
      if (l.isEmpty() || Placeholders.isPlaceholder(l)) {
        continue;
      }
      if (NO_SPACE.matcher(l).matches()) {
        out.add(l);
        continue;
      }
      String repaired = STRAY_SPACE.matcher(l).replaceAll("$1");
      if (NO_SPACE.matcher(repaired).matches() && (repaired.contains(".") || repaired.contains("\\"))) {
        ctx.warn(p, "detection rule '" + l + "' written with stray spaces, read as '" + repaired + "'");
        out.add(repaired);
        continue;
      }
      return List.of();  // prose, not rules: the whole paragraph stays verbatim
    }
    return out;
  }

  /** A GFM table's delimiter row ("| --- | :--: |"). */
  static final Pattern TABLE_DELIMITER = Pattern.compile("^\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
  static final Pattern KIND_CELL = Pattern.compile("(?i)^\\s*(network|code|host|class)\\b[\\w\\s]*$");

  /**
   * Rules in a table (the reader has no table syntax: commonmark leaves it a paragraph): a header row, a delimiter
   * row, then a row per rule. Cells are split on the '|' between them; "\\|" inside a cell is a '|' of the rule
   * itself (GFM's escape, code spans included), so "(img\\|px)\\.x\\.net" is the one rule "(img|px)\\.x\\.net". A cell
   * naming the kind ("network", "code") gives it; the rule is the cell in backticks, else the one-token cell.
   * Returns false when the paragraph is no table.
   */
  static boolean table(String raw, int line, Draft d) {
    String[] rows = raw.split("\n");
    if (rows.length < 2 || rows[0].indexOf('|') < 0 || !TABLE_DELIMITER.matcher(rows[1].trim()).matches()) {
      return false;
    }
    for (int i = 2; i < rows.length; i++) {
      List<String> cells = cells(rows[i].trim());
      Signature.Kind kind = null;
      String rule = null;
      for (String cell : cells) {
        Matcher k = KIND_CELL.matcher(cell);
        if (k.matches()) {
          String w = k.group(1).toLowerCase(Locale.ROOT);
          kind = w.equals("network") || w.equals("host") ? Signature.Kind.NETWORK : Signature.Kind.CODE;
        } else if (cell.startsWith("`") && cell.endsWith("`") && cell.length() > 2) {
          rule = cell.substring(1, cell.length() - 1).trim();
        } else if (rule == null && NO_SPACE.matcher(cell).matches() && !Placeholders.isPlaceholder(cell)) {
          rule = cell;
        }
      }
      if (rule == null) {
        continue;
      }
      for (String alt : Signatures.alternatives(rule)) {
        d.signatures.add(new Signature(kind != null ? kind : Signatures.classify(alt), alt, line + i));
      }
    }
    return true;
  }

  /** The cells of a table row: split on '|' not escaped, "\\|" read as '|', the outer pipes dropped. */
  static List<String> cells(String row) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    String r = row.startsWith("|") ? row.substring(1) : row;
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '\\' && i + 1 < r.length() && r.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        out.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      out.add(cell.toString().trim());
    }
    return out;
  }

  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      List<Inlines.Piece> pieces = Inlines.flatten(p, ctx);
      String text = Inlines.text(pieces);
      int line = ParseContext.line(p);
      // Patterns exactly as written: from the source, since Markdown unescapes "\\." in plain text.
      String raw = LIST_MARKERS.matcher(ctx.slice(line, ParseContext.lastLine(p)).trim()).replaceFirst("").trim();
      if (table(raw, line, d)) {
        continue;
      }
      Matcher m = RULE.matcher(raw);
      Signature.Kind kind = null;
      List<String> rules = Inlines.codeSpans(pieces);
      if (m.matches()) {
        kind = m.group(1).toLowerCase(Locale.ROOT).equals("network") ? Signature.Kind.NETWORK : Signature.Kind.CODE;
        if (rules.isEmpty()) {
          rules = List.of(m.group(2));
        }
      } else if (rules.isEmpty()) {
        rules = bareRules(raw, p, ctx);
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
