package org.trackerkg.server;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * A dossier's Markdown text (a policy clause) as HTML for a page: rendered by commonmark, raw HTML escaped, links
 * kept only to http(s) targets (anything else becomes its text), images shown as their text (a page loads nothing
 * from another host). The result is safe to insert unescaped.
 */
final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .urlSanitizer(new HttpOnly())
      .attributeProviderFactory(c -> (node, tag, attrs) -> {
        if (node instanceof Link) {
          attrs.put("rel", "nofollow noopener");
        }
      }).build();
  /** Texts longer than this are shown as plain escaped text (the reader bounds them already). */
  static final int MAX_LENGTH = 200_000;

  private Markdown() {}

  static String html(String markdown) {
    if (markdown == null) {
      return "";
    }
    if (markdown.length() > MAX_LENGTH) {
      return "<p>" + escapeText(markdown) + "</p>";
    }
    Node doc = PARSER.parse(markdown);
    List<Node> unsafe = new ArrayList<>();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Image image) {
        unsafe.add(image);
      }

      @Override
      public void visit(Link link) {
        if (Http.safeHref(link.getDestination()) == null) {
          unsafe.add(link);
        }
        visitChildren(link);
      }
    });
    for (Node n : unsafe) {
      // the node's text (an image's alt text, a link's words) takes its place
      Node child = n.getFirstChild();
      if (child == null && n instanceof Image img) {
        n.insertBefore(new Text(img.getTitle() == null ? "" : img.getTitle()));
      }
      while (child != null) {
        Node next = child.getNext();
        n.insertBefore(child);
        child = next;
      }
      n.unlink();
    }
    return RENDERER.render(doc);
  }

  private static String escapeText(String s) {
    return org.trackerkg.link.Reconciler.escape(s);
  }

  /** Only http(s) targets; a relative, javascript: or data: one is dropped. */
  private static final class HttpOnly implements UrlSanitizer {
    @Override
    public String sanitizeLinkUrl(String url) {
      String s = Http.safeHref(url);
      return s == null ? "" : s;
    }

    @Override
    public String sanitizeImageUrl(String url) {
      return "";
    }
  }
}
