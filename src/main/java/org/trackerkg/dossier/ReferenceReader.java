package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The references section ("Key, NN" entries) and the references found only inline. */
final class ReferenceReader {
  static final Pattern REFERENCE_KEY = Pattern.compile("^(.+?,\\s*\\d+[a-z]?)\\s*(?:[,.]\\s*(.*?))?[\\s.:_*]*$");
  static final Pattern WS = Pattern.compile("\\s+");
  static final Pattern PLAIN_KEY = Pattern.compile("^([^\\[\\]]{1,60}?,\\s*\\d+[a-z]?)[.:]?\\s");
  static final Pattern KEY_TRAILING = Pattern.compile("[._*\\s]+$");
  static final Pattern TITLE_PUNCT = Pattern.compile("[\\s.\\-_:]+");
  static final Pattern TITLE_EDGES = Pattern.compile("^[\\s.:_-]+|[\\s._-]+$");

  private ReferenceReader() {}

  // ---------------------------------------------------------------- references

  static void read(SectionBlocks s, Draft d, ParseContext ctx) {
    List<Paragraph> entries = new ArrayList<>();
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      entries.addAll(entries(p));
    }
    for (Paragraph p : entries) {
      int line = ParseContext.line(p);
      Inlines.Labelled l = Inlines.label(p, ctx);
      String keyText = l.label();
      List<Blocks.UrlAt> urls = Blocks.urls(p);
      String rest = Inlines.text(l.rest());
      if (keyText == null) {
        // "Ad4Screen, 01. [url](url)": the key is plain text
        Matcher m = PLAIN_KEY.matcher(Inlines.plain(p) + " ");
        if (m.find()) {
          keyText = m.group(1);
        }
      } else {
        keyText = KEY_TRAILING.matcher(keyText).replaceAll("");
      }
      String key = null;
      String title = null;
      if (keyText != null) {
        Matcher km = REFERENCE_KEY.matcher(keyText);
        if (km.matches()) {
          key = WS.matcher(km.group(1).trim()).replaceAll(" ");
          title = km.group(2) == null || km.group(2).isBlank() ? null : km.group(2).trim();
        }
      }
      if (key == null) {
        for (Blocks.UrlAt u : urls) {
          d.externalLinks.add(new org.trackerkg.dossier.Link(l.label(), u.url(), u.line()));
        }
        if (urls.isEmpty() && !Placeholders.isPlaceholder(rest)) {
          ctx.warn(p, "reference without a key or Blocks.URL: '" + Inlines.plain(p).trim() + "'");
        }
        continue;
      }
      if (title == null) {
        String noUrls = rest.contains("http") ? Blocks.URL.matcher(rest).replaceAll("") : rest;
        String other = TITLE_PUNCT.matcher(noUrls).replaceAll(" ").trim();
        title = other.isEmpty() ? null : TITLE_EDGES.matcher(Inlines.tidy(noUrls)).replaceAll("");
        if (title != null && title.isEmpty()) {
          title = null;
        }
      }
      d.references.add(new Reference(key, urls.isEmpty() ? keyLinkUrl(p) : urls.get(0).url(), title, true, line));
    }
  }

  /** A line that starts with a key: "_Key, 01_ …", "[Key, 01](url)", "Key, 01. …". */
  static final Pattern STARTS_WITH_KEY = Pattern.compile("^[\\s_*\\[]*[^\\[\\]_*,\\n]{1,60}?,\\s*\\d{1,4}[a-z]?(?![\\d,])");

  /**
   * The references of one paragraph: each of its lines that starts with a key is a reference of its own (lines
   * written without list markers are one paragraph to Markdown), a line that does not continues the one before.
   * A paragraph with fewer than two keyed lines is one reference, as written.
   */
  static List<Paragraph> entries(Paragraph p) {
    List<List<Node>> lines = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    lines.add(current);
    for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        current = new ArrayList<>();
        lines.add(current);
      }
      current.add(n);
    }
    if (lines.size() < 2) {
      return List.of(p);
    }
    List<List<Node>> groups = new ArrayList<>();
    int keyed = 0;
    for (List<Node> l : lines) {
      StringBuilder text = new StringBuilder();
      for (Node n : l) {
        text.append(n instanceof Text t ? t.getLiteral() : Inlines.plain(n));
      }
      boolean key = STARTS_WITH_KEY.matcher(text.toString().stripLeading()).find();
      keyed += key ? 1 : 0;
      if (key || groups.isEmpty()) {
        groups.add(new ArrayList<>(l));
      } else {
        groups.get(groups.size() - 1).addAll(l);
      }
    }
    if (keyed < 2) {
      return List.of(p);
    }
    List<Paragraph> out = new ArrayList<>();
    for (List<Node> g : groups) {
      Paragraph entry = new Paragraph();
      for (Node n : g) {
        if (entry.getFirstChild() == null && (n instanceof SoftLineBreak || n instanceof HardLineBreak)) {
          continue;  // the break that ended the line before
        }
        n.getSourceSpans().forEach(entry::addSourceSpan);
        entry.appendChild(n);  // moves the node: this paragraph is read here only
      }
      out.add(entry);
    }
    return out;
  }

  /** The URL of the key link itself ("[Key, 03](url)" on a line of its own), or null. */
  private static String keyLinkUrl(Node block) {
    for (Node n = block.getFirstChild(); n != null; n = n.getNext()) {
      Node link = n instanceof Link ? n : n.getFirstChild() instanceof Link ? n.getFirstChild() : null;
      if (link instanceof Link l && CitationKeys.isKey(Inlines.plain(l)) && !l.getDestination().isBlank()) {
        return Inlines.destination(l);
      }
    }
    return null;
  }

  /** Citations found only inline become references of their own (listed == false), first mention first. */
  static void finish(Draft d, ParseContext ctx) {
    Set<String> known = new LinkedHashSet<>();
    for (Reference r : d.references) {
      known.add(CitationKeys.normalise(r.key()));
    }
    Map<String, Citation> inlineOnly = new LinkedHashMap<>();
    for (Citation c : ctx.citations) {
      String k = CitationKeys.normalise(c.key());
      if (!known.contains(k)) {
        inlineOnly.putIfAbsent(k, c);
      }
    }
    for (Citation c : inlineOnly.values()) {
      d.references.add(new Reference(c.key(), c.url(), null, false, c.line()));
    }
  }
}
