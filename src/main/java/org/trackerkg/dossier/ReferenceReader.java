package org.trackerkg.dossier;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.node.Paragraph;

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
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
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
      d.references.add(new Reference(key, urls.isEmpty() ? null : urls.get(0).url(), title, true, line));
    }
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
