package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

/** The privacy policy section: one clause per label (bold, italic or heading), verbatim. */
final class PolicyReader {
  static final Pattern CLAUSE_BROKEN_LABEL = Pattern.compile("^\\s*[_*]{1,2}[^_*:\\n]{1,80}:[_*]{0,2}");
  static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:.]+");

  private PolicyReader() {}

  // ---------------------------------------------------------------- privacy policy

  /** A clause being collected: its label node (to cut the marker off) and its line span. */
  static final class ClauseDraft {
    final String label;
    final Node labelNode;
    final int first;
    int last;
    final List<Citation> citations = new ArrayList<>();
    final boolean brokenLabel;

    ClauseDraft(String label, Node labelNode, int first, boolean brokenLabel) {
      this.label = label;
      this.labelNode = labelNode;
      this.first = first;
      this.last = first;
      this.brokenLabel = brokenLabel;
    }
  }

  static List<PolicyClause> read(SectionBlocks s, ParseContext ctx) {
    List<ClauseDraft> drafts = new ArrayList<>();
    ClauseDraft current = null;
    String headingLabel = null;
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        headingLabel = Inlines.plain(h).trim();
        current = null;
        continue;
      }
      if (block instanceof ThematicBreak) {
        continue;
      }
      Inlines.Labelled l = block instanceof Paragraph p ? Inlines.label(p, ctx) : new Inlines.Labelled(null, null, List.of());
      List<Inlines.Piece> pieces = block instanceof Paragraph ? l.rest() : Blocks.flattenAll(block, ctx);
      if (l.label() != null || current == null) {
        String label = l.label() != null ? l.label() : headingLabel;
        headingLabel = null;
        current = new ClauseDraft(label, l.labelNode(), ParseContext.line(block), l.label() != null && l.labelNode() == null);
        drafts.add(current);
      }
      current.last = Math.max(current.last, ParseContext.lastLine(block));
      current.citations.addAll(Inlines.citations(pieces));
    }
    List<PolicyClause> out = new ArrayList<>();
    for (ClauseDraft c : drafts) {
      String text = verbatim(c, ctx);
      if (c.label == null && Placeholders.isPlaceholder(text)) {
        continue;
      }
      out.add(new PolicyClause(c.label, text, c.citations, c.first));
    }
    return out;
  }

  /** The clause's Markdown source, trimmed, without its leading label marker. */
  static String verbatim(ClauseDraft c, ParseContext ctx) {
    String text = ctx.slice(c.first, c.last);
    if (c.labelNode != null) {
      List<SourceSpan> spans = c.labelNode.getSourceSpans();
      if (!spans.isEmpty() && spans.get(0).getLineIndex() + 1 == c.first) {
        SourceSpan span = spans.get(spans.size() - 1);
        int cut = span.getColumnIndex() + span.getLength();
        int lineEnd = text.indexOf('\n');
        if (span.getLineIndex() + 1 == c.first && cut <= (lineEnd < 0 ? text.length() : lineEnd)) {
          text = text.substring(cut);
        }
      }
    } else if (c.brokenLabel) {
      text = CLAUSE_BROKEN_LABEL.matcher(text).replaceFirst("");
    }
    return LEADING_SEPARATORS.matcher(text).replaceFirst("").strip();
  }
}
