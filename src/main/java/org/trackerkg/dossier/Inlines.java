package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * A block's inline content flattened to text pieces and citations, in order. Citations ({@code [Key, NN](url)})
 * are recorded in the parse context as they are met; other links contribute their text.
 */
final class Inlines {
  sealed interface Piece permits Txt, Cite, CodeSpan {}

  record Txt(String text, int line) implements Piece {}

  record Cite(Citation citation) implements Piece {}

  record CodeSpan(String code, int line) implements Piece {}

  /** A block whose leading {@code _Label:_} (or bold label) was taken off: the label, and the rest. */
  record Labelled(String label, Node labelNode, List<Piece> rest) {}

  /** "_Financial details: text" where the emphasis was never closed. */
  private static final Pattern BROKEN_LABEL = Pattern.compile("^[_*]{1,2}([^_*:\\n]{1,80}):[_*]{0,2}\\s*");
  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Pattern TRAILING_DOT_COLON = Pattern.compile("[.:]+$");
  private static final Pattern TRAILING_COLON_SPACE = Pattern.compile("[:\\s]+$");
  private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:.]+");

  private Inlines() {}

  static List<Piece> flatten(Node parent, ParseContext ctx) {
    List<Piece> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      flattenNode(n, ctx, out);
    }
    return out;
  }

  static List<Piece> flattenFrom(Node first, ParseContext ctx) {
    List<Piece> out = new ArrayList<>();
    for (Node n = first; n != null; n = n.getNext()) {
      flattenNode(n, ctx, out);
    }
    return out;
  }

  private static void flattenNode(Node n, ParseContext ctx, List<Piece> out) {
    int line = ParseContext.line(n);
    if (n instanceof Text t) {
      out.add(new Txt(t.getLiteral(), line));
    } else if (n instanceof Code c) {
      out.add(new CodeSpan(c.getLiteral(), line));
    } else if (n instanceof SoftLineBreak) {
      out.add(new Txt(" ", line));
    } else if (n instanceof HardLineBreak) {
      out.add(new Txt("\n", line));
    } else if (n instanceof HtmlInline h) {
      out.add(new Txt(h.getLiteral(), line));
    } else if (n instanceof Link link) {
      String text = plain(link);
      if (CitationKeys.isKey(text)) {
        out.add(new Cite(citation(link, text, line)));
      } else if (CitationKeys.isSourceLink(text)) {
        out.add(new Cite(sourceCitation(link, text, line, ctx)));
      } else {
        out.add(new Txt(text.isBlank() ? link.getDestination() : text, line));
      }
    } else if (n instanceof Image) {
      out.add(new Txt(plain(n), line));
    } else {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        flattenNode(c, ctx, out);
      }
    }
  }

  static Citation citation(Link link, String text, int line) {
    return new Citation(WS.matcher(text.trim()).replaceAll(" "), destination(link), line);
  }

  /** An unkeyed source link as a citation: its text is its key (made unique per URL in the document). */
  static Citation sourceCitation(Link link, String text, int line, ParseContext ctx) {
    String label = WS.matcher(text.trim()).replaceAll(" ");
    return new Citation(ctx.sourceKey(label, destination(link)), destination(link), line);
  }

  /** The link's URL; doubled link syntax "[k](url](url)" gives "url](url" to the parser: the first one is meant. */
  static String destination(Link link) {
    String d = link.getDestination();
    int doubled = d.indexOf("](");
    d = doubled > 0 ? d.substring(0, doubled) : d;
    return d.endsWith("]") && d.indexOf('[') < 0 ? d.substring(0, d.length() - 1) : d;  // "(url])": a stray bracket
  }

  /** The plain text of a node's inline content (code spans included, markup dropped). */
  static String plain(Node node) {
    StringBuilder sb = new StringBuilder();
    appendPlain(node, sb);
    return sb.toString();
  }

  private static void appendPlain(Node node, StringBuilder sb) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (n instanceof Code c) {
        sb.append(c.getLiteral());
      } else if (n instanceof SoftLineBreak) {
        sb.append(' ');
      } else if (n instanceof HardLineBreak) {
        sb.append('\n');
      } else if (n instanceof HtmlInline h) {
        sb.append(h.getLiteral());
      } else {
        appendPlain(n, sb);
      }
    }
  }

  /** Text of the pieces, citations left out, whitespace tidied. */
  static String text(List<Piece> pieces) {
    StringBuilder sb = new StringBuilder();
    for (Piece p : pieces) {
      if (p instanceof Txt t) {
        sb.append(t.text());
      } else if (p instanceof CodeSpan c) {
        sb.append(c.code());
      }
    }
    return tidy(sb.toString());
  }

  /**
   * Runs of spaces, tabs and no-break spaces become one space, spaces next to a line break go, the ends are trimmed
   * (as {@code s.replaceAll("[ \\t\\u00A0]+", " ").replaceAll(" *\\n *", "\\n").trim()}, in one pass).
   */
  static String tidy(String s) {
    int n = s.length();
    char[] out = null;
    int k = 0;
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\u00A0') {
        int j = i + 1;
        while (j < n && isBlank(s.charAt(j))) {
          j++;
        }
        boolean drop = (i > 0 && s.charAt(i - 1) == '\n') || (j < n && s.charAt(j) == '\n');
        boolean same = !drop && c == ' ' && j == i + 1;
        if (out == null && !same) {
          out = new char[n];
          s.getChars(0, i, out, 0);
          k = i;
        }
        if (out != null && !drop) {
          out[k++] = ' ';
        }
        i = j;
      } else {
        if (out != null) {
          out[k++] = c;
        }
        i++;
      }
    }
    return out == null ? s.trim() : new String(out, 0, k).trim();
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0';
  }

  static List<Citation> citations(List<Piece> pieces) {
    List<Citation> out = new ArrayList<>();
    for (Piece p : pieces) {
      if (p instanceof Cite c) {
        out.add(c.citation());
      }
    }
    return out;
  }

  static List<String> codeSpans(List<Piece> pieces) {
    List<String> out = new ArrayList<>();
    for (Piece p : pieces) {
      if (p instanceof CodeSpan c) {
        out.add(c.code());
      }
    }
    return out;
  }

  /**
   * Takes a leading label off a block: {@code _Label:_ text}, {@code **Label**} on a line of its own, or an
   * emphasis never closed ({@code _Label: text}). Returns a null label when the block has none.
   */
  static Labelled label(Node block, ParseContext ctx) {
    Node first = block.getFirstChild();
    if (first instanceof Emphasis || first instanceof StrongEmphasis) {
      String raw = plain(first).trim();
      Node next = first.getNext();
      String after = next instanceof Text t ? t.getLiteral() : "";
      boolean colon = raw.endsWith(":") || after.startsWith(":");
      boolean alone = next == null || next instanceof SoftLineBreak || next instanceof HardLineBreak
          || (next instanceof Text t2 && t2.getLiteral().isBlank()
              && (next.getNext() == null || next.getNext() instanceof SoftLineBreak
                  || next.getNext() instanceof HardLineBreak));
      boolean shortPlain = raw.length() <= 80 && !raw.contains("\n") && !CitationKeys.isKey(TRAILING_DOT_COLON.matcher(raw).replaceAll(""));
      if (shortPlain && (colon || alone || first instanceof Emphasis) && !raw.isEmpty()) {
        String label = TRAILING_COLON_SPACE.matcher(raw).replaceAll("").trim();
        List<Piece> rest = flattenFrom(next, ctx);
        stripLeading(rest);
        return new Labelled(label, first, rest);
      }
    }
    if (first instanceof Text t) {
      Matcher m = BROKEN_LABEL.matcher(t.getLiteral());
      if (m.find()) {
        List<Piece> rest = flattenFrom(first, ctx);
        Txt head = (Txt) rest.get(0);
        rest.set(0, new Txt(head.text().substring(m.end()), head.line()));
        return new Labelled(m.group(1).trim(), null, rest);
      }
    }
    return new Labelled(null, null, flatten(block, ctx));
  }

  /** Drops the ':' and spaces that follow a label. */
  private static void stripLeading(List<Piece> rest) {
    while (!rest.isEmpty() && rest.get(0) instanceof Txt t) {
      String s = LEADING_SEPARATORS.matcher(t.text()).replaceFirst("");
      if (s.isEmpty()) {
        rest.remove(0);
      } else {
        rest.set(0, new Txt(s, t.line()));
        return;
      }
    }
  }
}
