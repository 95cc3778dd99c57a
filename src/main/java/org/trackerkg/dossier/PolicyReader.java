package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

/** The privacy policy section: one clause per label (bold, italic or heading), verbatim. */
final class PolicyReader {
  static final Pattern CLAUSE_BROKEN_LABEL = Pattern.compile("^\\s*[_*]{1,2}[^_*:\\n]{1,80}:[_*]{0,2}");
  /** The marker of a bullet that is a clause of its own ("* ", "- ", "1. "). */
  static final Pattern LIST_MARKER = Pattern.compile("^\\s{0,3}(?:[*+-]|\\d{1,3}[.)])\\s+");
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
    boolean item;  // a bullet that is a clause of its own: its marker is no part of the text

    ClauseDraft(String label, Node labelNode, int first, boolean brokenLabel) {
      this.label = label;
      this.labelNode = labelNode;
      this.first = first;
      this.last = first;
      this.brokenLabel = brokenLabel;
    }
  }

  /** "Policy as of 5/9/2018, reviewed 1/2/2019:" — the header naming the policy read and when. */
  static final Pattern POLICY_HEADER = Pattern.compile(
      "(?i)^\\s*(?:the\\s+)?(?:privacy\\s+)?policy\\s*[(,]?\\s*(?:as of|dated|retrieved|accessed|read on)\\s+([^:)]{1,80}?)\\s*[):]?\\s*:?\\s*$");
  static final Pattern POLICY_DATED = Pattern.compile(
      "(?i)\\bpolic(?:y|ies)\\b.{0,40}?\\b(?:as of|dated|retrieved|accessed)\\s+([^:]{1,80}?)\\s*:?\\s*$");
  /** "No privacy policy could be found (as of May 2018)." */
  static final Pattern NO_POLICY = Pattern.compile(
      "(?i)\\b(?:no (?:privacy |data )?polic(?:y|ies) (?:could be|can be|was|were|has been|have been|is|are) (?:found|located|"
          + "available|published)|(?:could|can) ?not (?:find|locate) (?:a|any|its|the) (?:privacy |data )?policy|"
          + "(?:does|did) not (?:have|publish) (?:a|any) (?:privacy |data )?policy|no (?:privacy )?policy (?:found|available))");
  private static final Pattern TRAILING_URL = Pattern.compile("\\s*https?://\\S+\\s*$");
  static final Pattern AS_OF = Pattern.compile("(?i)\\bas of\\s+([^.;:,)]{1,40})");

  /** The clauses of the section into the draft, and the policy documents its headers name. */
  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    d.clauses.addAll(read(s, ctx, d.policies));
  }

  static List<PolicyClause> read(SectionBlocks s, ParseContext ctx, List<PolicyDocument> policies) {
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
      if (block instanceof Paragraph p && document(p, ctx, policies)) {
        current = null;  // the header is no clause; the list under it is the clauses
        continue;
      }
      if (block instanceof ListBlock list && current == null) {
        // an unlabelled bullet list under the heading: each bullet is one clause
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          Node para = item.getFirstChild();
          Inlines.Labelled l = para instanceof Paragraph ip ? Inlines.label(ip, ctx) : new Inlines.Labelled(null, null, List.of());
          ClauseDraft c = new ClauseDraft(l.label() != null ? l.label() : headingLabel, l.labelNode(),
              ParseContext.line(item), l.label() != null && l.labelNode() == null);
          c.last = Math.max(c.last, ParseContext.lastLine(item));
          c.item = true;
          c.citations.addAll(Inlines.citations(Blocks.flattenAll(item, ctx)));
          drafts.add(c);
        }
        headingLabel = null;
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

  /**
   * A policy header ({@code [Policy as of DATE:](url)}) or a sentence saying no policy could be found: added to
   * {@code policies} and true; else false (the paragraph is a clause).
   */
  static boolean document(Paragraph p, ParseContext ctx, List<PolicyDocument> policies) {
    String plain = Inlines.plain(p).trim();
    List<Blocks.UrlAt> urls = Blocks.urls(p);
    int line = ParseContext.line(p);
    List<Citation> cites = Inlines.citations(Inlines.flatten(p, ctx));
    Matcher h = POLICY_HEADER.matcher(plain.contains("http") ? TRAILING_URL.matcher(plain).replaceAll("") : plain);
    if (h.matches() && !plain.contains("\n")) {
      policies.add(new PolicyDocument(urls.isEmpty() ? null : urls.get(0).url(), h.group(1).trim(), true, plain, cites, line));
      return true;
    }
    // "[Its policy is the same as Adobe's. Policy dated 3/5/18 and reviewed 17/11/2018:](url)": a paragraph that is
    // one link about a policy and its date
    Matcher dated = POLICY_DATED.matcher(plain);
    if (p.getFirstChild() instanceof org.commonmark.node.Link && p.getFirstChild() == p.getLastChild() && !urls.isEmpty()
        && dated.find()) {
      policies.add(new PolicyDocument(urls.get(0).url(), dated.group(1).trim(), true, plain, cites, line));
      return true;
    }
    if (plain.toLowerCase(Locale.ROOT).contains("polic") && NO_POLICY.matcher(plain).find()) {
      Matcher asOf = AS_OF.matcher(plain);
      policies.add(new PolicyDocument(urls.isEmpty() ? null : urls.get(0).url(), asOf.find() ? asOf.group(1).trim() : null,
          false, plain, cites, line));
      return true;
    }
    return false;
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
    if (c.item) {
      text = LIST_MARKER.matcher(text).replaceFirst("");
    }
    return LEADING_SEPARATORS.matcher(text).replaceFirst("").strip();
  }
}
