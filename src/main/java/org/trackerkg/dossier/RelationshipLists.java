package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation names out of a relationships passage: "A / B [Key, 01](…) / C" lists, where a citation supports
 * the names since the previous citation, and short prose ("… include integration with X [c] and Y [c]").
 */
final class RelationshipLists {
  /** A name and the citations supporting it. */
  record Named(String name, List<Citation> citations, int line) {}

  private static final Pattern SLASH = Pattern.compile("\\s+/\\s+");
  private static final Pattern LEAD_IN = Pattern.compile(
      "^.*\\b(?:include|includes|including|such as|with|are|is)\\b\\s*:?\\s*", Pattern.CASE_INSENSITIVE);
  // a list's tail, with the sentence that may follow it before the next citation ("… / and many more. For a
  // longer list, see [k](…)")
  private static final Pattern TRAILING = Pattern.compile(
      "(?i)(,?\\s*(and|&)?\\s*(many|much) more|,?\\s*etc\\.?|,?\\s*and others|,?\\s*among others)"
          + "(\\.\\s+\\p{Lu}[^.]*)?\\s*$");
  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s;,.]*");
  private static final Pattern SEPARATORS_NO_DOT = Pattern.compile("[\\s;,]*");
  private static final Pattern EDGE_EMPHASIS = Pattern.compile("^[_*\\s]+|[_*\\s]+$");
  private static final Pattern LEADING_AND = Pattern.compile("^(?i)(and|&)\\s+");
  private static final Pattern EDGE_PUNCT = Pattern.compile("^[,;.\\s]+|[,;:.\\s]+$");

  private static final Pattern BRANDS = Pattern.compile("\\bbrands\\b");  // not "brand safety"

  private RelationshipLists() {}

  static boolean isSlashList(List<Inlines.Piece> pieces) {
    for (Inlines.Piece p : pieces) {
      if (p instanceof Inlines.Txt t && SLASH.matcher(t.text()).find()) {
        return true;
      }
    }
    return false;
  }

  /** Names of an "A / B / C" list, each with the citations of its group. */
  static List<Named> slashList(List<Inlines.Piece> pieces) {
    List<Named> out = new ArrayList<>();
    List<Integer> pending = new ArrayList<>();  // names not yet cited
    List<Integer> lastGroup = List.of();        // names the last citation supported
    StringBuilder buf = new StringBuilder();
    int bufLine = 0;
    boolean afterCite = false;  // text after a citation, before the next '/', is prose, not a name
    boolean citeRun = false;    // only separators since the last citation ("[a](…); [b](…)")
    for (Inlines.Piece p : pieces) {
      if (p instanceof Inlines.Cite c) {
        if (citeRun) {
          lastGroup.forEach(i -> out.get(i).citations().add(c.citation()));
        } else if (!afterCite) {
          addName(out, pending, buf.toString(), bufLine, out.isEmpty());
          pending.forEach(i -> out.get(i).citations().add(c.citation()));
          lastGroup = List.copyOf(pending);
          pending.clear();
        }
        buf.setLength(0);
        afterCite = true;
        citeRun = true;
        continue;
      }
      String text = p instanceof Inlines.Txt t ? t.text() : ((Inlines.CodeSpan) p).code();
      int line = p instanceof Inlines.Txt t ? t.line() : ((Inlines.CodeSpan) p).line();
      String[] parts = SLASH.split(text, -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          if (!afterCite || gluedName(buf)) {
            addName(out, pending, buf.toString(), bufLine, out.isEmpty());
          }
          buf.setLength(0);
          afterCite = false;
          citeRun = false;
        }
        if (buf.length() == 0) {
          bufLine = line;
        }
        buf.append(parts[i]);
        if (!SEPARATORS.matcher(parts[i]).matches()) {
          citeRun = false;
        }
      }
    }
    if (!afterCite || gluedName(buf)) {
      addName(out, pending, buf.toString(), bufLine, out.isEmpty());
    }
    return freeze(out);
  }

  /** A name a citation runs into ("Initech [Key, 01](…)Globex / Hooli"): short, capitalised, no sentence. */
  private static final Pattern GLUED_NAME = Pattern.compile("^\\s*[\\p{Lu}\\d][^.;:()\\[\\]\"]{0,50}$");

  private static boolean gluedName(CharSequence text) {
    return text.length() > 0 && !Character.isWhitespace(text.charAt(0)) && GLUED_NAME.matcher(text).matches()
        && wordCount(text.toString()) <= 5;
  }

  private static void addName(List<Named> out, List<Integer> pending, String raw, int line, boolean first) {
    String name = raw;
    if (first && name.contains(":")) {
      name = name.substring(name.lastIndexOf(':') + 1);
    }
    name = clean(name);
    if (name.isEmpty() || Placeholders.isPlaceholder(name)) {
      return;
    }
    pending.add(out.size());
    out.add(new Named(name, new ArrayList<>(), line));
  }

  /** Line terminators '$' can match before, besides those in \\s. */
  private static final String LINE_ENDS = "\u0085\u2028\u2029";

  private static boolean isAny(char c, String chars) {
    return chars.indexOf(c) >= 0;
  }

  static String clean(String raw) {
    String s = WS.matcher(raw).replaceAll(" ").trim();
    s = TRAILING.matcher(s).replaceAll("").trim();
    // Each regex runs only when the string's ends could match it (most names need none of them).
    if (!s.isEmpty() && (isAny(s.charAt(0), "_* \t\n\u000B\f\r") || isAny(s.charAt(s.length() - 1), "_* \t\n\u000B\f\r" + LINE_ENDS))) {
      s = EDGE_EMPHASIS.matcher(s).replaceAll("");
    }
    if (!s.isEmpty() && isAny(s.charAt(0), "aA&")) {
      s = LEADING_AND.matcher(s).replaceAll("");
    }
    if (!s.isEmpty() && (isAny(s.charAt(0), ",;. \t\n\u000B\f\r") || isAny(s.charAt(s.length() - 1), ",;:. \t\n\u000B\f\r" + LINE_ENDS))) {
      s = EDGE_PUNCT.matcher(s).replaceAll("");
    }
    s = s.trim();
    return s;
  }

  /**
   * Names in short prose: the text before each citation run, less its lead-in ("… with", "and"). Null when the
   * passage does not read as a list of names (then it is kept as text).
   */
  static List<Named> prose(List<Inlines.Piece> pieces) {
    List<Named> out = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    int bufLine = 0;
    Named current = null;
    for (Inlines.Piece p : pieces) {
      if (p instanceof Inlines.Cite c) {
        if (current != null && SEPARATORS_NO_DOT.matcher(buf).matches()) {
          current.citations().add(c.citation());
        } else {
          String name = buf.toString();
          if (out.isEmpty()) {
            Matcher m = LEAD_IN.matcher(name);
            name = name.contains(":") ? name.substring(name.lastIndexOf(':') + 1)
                : m.find() && wordCount(name) > 6 ? name.substring(m.end()) : name;
          }
          name = clean(name);
          if (name.isEmpty() || wordCount(name) > 6 || name.contains("\"")) {
            return null;
          }
          current = new Named(name, new ArrayList<>(), bufLine);
          current.citations().add(c.citation());
          out.add(current);
        }
        buf.setLength(0);
        continue;
      }
      if (buf.length() == 0) {
        bufLine = p instanceof Inlines.Txt t ? t.line() : ((Inlines.CodeSpan) p).line();
      }
      buf.append(p instanceof Inlines.Txt t ? t.text() : ((Inlines.CodeSpan) p).code());
    }
    if (out.isEmpty() && !buf.toString().isBlank()) {
      String text = buf.toString();
      Matcher kind = RelationshipReader.KIND_NAME.matcher(text);
      String name = clean(kind.find() ? text.substring(kind.end()) : text);  // "Investor: Bar Capital"
      if (wordCount(name) <= 4 && !name.contains("\"") && !name.isEmpty()) {
        out.add(new Named(name, new ArrayList<>(), bufLine));
        return freeze(out);
      }
      return null;
    }
    if (!SEPARATORS.matcher(buf).matches()) {
      return null;
    }
    return out.isEmpty() ? null : freeze(out);
  }

  private static List<Named> freeze(List<Named> names) {
    return names.stream().map(n -> new Named(n.name(), List.copyOf(n.citations()), n.line())).toList();
  }

  static int wordCount(String s) {
    String t = s.trim();
    return t.isEmpty() ? 0 : WS.split(t).length;
  }

  /** The kind of relationship a label names, or null when it names none. */
  static Relationship.Kind kind(String label) {
    if (label == null) {
      return null;
    }
    String l = label.toLowerCase(Locale.ROOT);
    if (l.contains("invest") || l.contains("funder") || l.contains("backer")) {
      return Relationship.Kind.INVESTOR;
    }
    if (l.contains("client")) {
      return Relationship.Kind.CLIENT;
    }
    if (l.contains("custom") || BRANDS.matcher(l).find() || l.contains("retailer") || l.contains("trust")
        || l.contains("advertiser") || l.contains("publisher")) {
      return Relationship.Kind.CUSTOMER;
    }
    if (l.contains("integrat") || l.contains("onboarding")) {
      return Relationship.Kind.INTEGRATION;
    }
    if (l.contains("partner") || l.contains("supporter") || l.contains("alliance")) {
      return Relationship.Kind.PARTNER;
    }
    return null;
  }
}
