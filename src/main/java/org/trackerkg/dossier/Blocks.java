package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** Markdown block helpers every section reader shares: paragraphs, leaves, labelled texts, links and URLs. */
final class Blocks {
  static final Pattern URL = Pattern.compile("https?://[^\\s<>\\[\\]()\"'`,]+");
  static final Pattern URL_TRAILING_PUNCT = Pattern.compile("[.;:]+$");

  private Blocks() {}

  // ---------------------------------------------------------------- links and texts

  static List<org.trackerkg.dossier.Link> links(SectionBlocks s, ParseContext ctx) {
    List<org.trackerkg.dossier.Link> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Paragraph p : paragraphs(s, ctx)) {
      Inlines.Labelled l = Inlines.label(p, ctx);
      for (UrlAt u : urls(p)) {
        if (seen.add(u.url())) {
          out.add(new org.trackerkg.dossier.Link(l.label(), u.url(), u.line()));
        }
      }
    }
    return out;
  }

  record UrlAt(String url, int line) {}

  /** Link destinations (not citations) and bare URLs of a block, in order. */
  static List<UrlAt> urls(Node block) {
    List<UrlAt> out = new ArrayList<>();
    block.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        if (!CitationKeys.isKey(Inlines.plain(link)) && !link.getDestination().isBlank()) {
          out.add(new UrlAt(link.getDestination(), ParseContext.line(link)));
        }
      }

      @Override
      public void visit(Text text) {
        if (text.getParent() instanceof Link) {
          return;
        }
        Matcher m = URL.matcher(text.getLiteral());
        while (m.find()) {
          out.add(new UrlAt(URL_TRAILING_PUNCT.matcher(m.group()).replaceAll(""), ParseContext.line(text)));
        }
      }

      @Override
      public void visit(Code code) {
        Matcher m = URL.matcher(code.getLiteral());
        while (m.find()) {
          out.add(new UrlAt(m.group(), ParseContext.line(code)));
        }
      }
    });
    return out;
  }

  /** One LabelledText per paragraph or list item; raw blocks (code, HTML) as their text. */
  static List<LabelledText> texts(SectionBlocks s, ParseContext ctx, String defaultLabel) {
    List<LabelledText> out = new ArrayList<>();
    String subLabel = defaultLabel;
    String carried = null;  // a label on a paragraph of its own before a list labels that list's items
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        subLabel = Inlines.plain(h).trim();
        carried = null;
        continue;
      }
      String pending = block instanceof ListBlock ? carried : null;  // a label on a paragraph of its own applies to the items that follow
      carried = null;
      for (Node n : leaves(block, ctx)) {
        int line = ParseContext.line(n);
        if (n instanceof Paragraph p) {
          Inlines.Labelled l = Inlines.label(p, ctx);
          String text = Inlines.text(l.rest());
          if (text.isEmpty() && l.label() != null) {
            pending = l.label();  // kept verbatim in sections; it labels what follows
            carried = block == n ? l.label() : null;
            continue;
          }
          if (Placeholders.isPlaceholder(text)) {
            continue;
          }
          String label = l.label() != null ? l.label() : pending != null ? pending : subLabel;
          out.add(new LabelledText(label, text, Inlines.citations(l.rest()), line));
        } else {
          String raw = rawText(n, ctx);
          if (!raw.isBlank()) {
            out.add(new LabelledText(subLabel, raw, List.of(), line));
          }
        }
      }
    }
    return out;
  }

  static String rawText(Node n, ParseContext ctx) {
    if (n instanceof FencedCodeBlock f) {
      return f.getLiteral().strip();
    }
    if (n instanceof IndentedCodeBlock i) {
      return i.getLiteral().strip();
    }
    if (n instanceof HtmlBlock h) {
      return h.getLiteral().strip();
    }
    return ctx.slice(ParseContext.line(n), ParseContext.lastLine(n)).strip();
  }

  /** The paragraphs of a section, list items' paragraphs included, in order. */
  static List<Paragraph> paragraphs(SectionBlocks s, ParseContext ctx) {
    List<Paragraph> out = new ArrayList<>();
    for (Node block : s.blocks) {
      for (Node n : leaves(block, ctx)) {
        if (n instanceof Paragraph p) {
          out.add(p);
        } else if (!(n instanceof Heading)) {
          ctx.warn(n, "section '" + s.heading + "' has content the reader could not structure; kept verbatim");
        }
      }
    }
    return out;
  }

  /** Paragraphs and raw blocks under a block, lists and quotes opened up. */
  static List<Node> leaves(Node block, ParseContext ctx) {
    List<Node> out = new ArrayList<>();
    addLeaves(block, out);
    return out;
  }

  static void addLeaves(Node block, List<Node> out) {
    if (block instanceof ListBlock || block instanceof ListItem || block instanceof BlockQuote) {
      for (Node c = block.getFirstChild(); c != null; c = c.getNext()) {
        addLeaves(c, out);
      }
    } else if (block instanceof ThematicBreak) {
      // a rule carries no content
    } else if (block instanceof Block) {
      out.add(block);
    }
  }
  static List<Inlines.Piece> flattenAll(Node block, ParseContext ctx) {
    List<Inlines.Piece> out = new ArrayList<>();
    block.accept(new AbstractVisitor() {
      @Override
      public void visit(Paragraph paragraph) {
        out.addAll(Inlines.flatten(paragraph, ctx));
      }
    });
    return out;
  }
}
