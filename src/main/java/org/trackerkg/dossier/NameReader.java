package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** The tracker's name (the "Tracker Name" section or the title), the "In εxodus?" answer, and the name's parenthetical. */
final class NameReader {
  static final Pattern NAME_PARENS = Pattern.compile("^(.*?)\\s*\\((.+)\\)\\s*$");
  static final Pattern COMPANY_SUFFIX = Pattern.compile(
      "(?i).*\\b(GmbH|Inc\\.?|Ltd\\.?|LLC|S\\.?A\\.?S?|Corp\\.?|Corporation|AG|BV|Limited|Group)$");
  static final Pattern NAME_MARKUP = Pattern.compile("^[*_#`\\s]+|[*_`\\s]+$");
  static final Pattern YES = Pattern.compile("(yes|y|true|oui)\\b.*");
  static final Pattern NO = Pattern.compile("(no|n|false|non)\\b.*");
  static final Pattern QUALIFIER_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
  static final Pattern QUALIFIER_OWNER = Pattern.compile(
      "(?i)^(?:(?:a\\s+)?(?:acquired|owned|bought|made)\\s+by|by|part of|from|a\\s+subsidiary\\s+of|subsidiary of)\\s+(.+)$");
  static final Pattern QUALIFIER_ALIAS =
      Pattern.compile("(?i)^(?:ex|ex-|formerly|previously|née|aka|a\\.k\\.a\\.|also known as)\\s+(.+)$");

  private NameReader() {}

  static void readName(SectionBlocks s, Draft d, ParseContext ctx) {
    List<Node> rest = new ArrayList<>(s.blocks);
    if (!rest.isEmpty() && rest.get(0) instanceof Heading title) {
      rest.remove(0);
      if (d.name == null) {
        d.name = Inlines.plain(title).trim();
        d.nameLine = ParseContext.line(title);
      }
    } else {
      for (Node n : rest) {
        if (n instanceof Paragraph p && d.name == null) {
          int line = ParseContext.line(p);
          d.name = NAME_MARKUP.matcher(ctx.lines[line - 1].trim()).replaceAll("");
          d.nameLine = line;
          rest.remove(n);
          break;
        }
      }
    }
    // Anything under the title but before the next section is about the tracker.
    SectionBlocks about = new SectionBlocks(SectionKind.ABOUT, s.heading, s.level, s.line);
    about.blocks.addAll(rest);
    d.about.addAll(Blocks.texts(about, ctx, null));
  }

  static void readInExodus(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      String v = Inlines.plain(p).trim().toLowerCase(Locale.ROOT);
      if (YES.matcher(v).matches()) {
        d.inExodus = Boolean.TRUE;
      } else if (NO.matcher(v).matches()) {
        d.inExodus = Boolean.FALSE;
      } else if (!Placeholders.isPlaceholder(v)) {
        ctx.warn(p, "'In εxodus?' answer '" + v + "' is neither Yes nor No");
      }
      return;
    }
  }

  /** "Xiti (by AT Internet)" → name Xiti, qualifier, and the parenthetical as owner hint or alias. */
  static void resolveName(String full, Draft d, ParseContext ctx) {
    Matcher m = NAME_PARENS.matcher(full);
    if (!m.matches() || m.group(1).isBlank()) {
      d.name = full;
      return;
    }
    d.name = m.group(1).trim();
    d.qualifier = m.group(2).trim();
    String ownership = d.ownershipText.toString().toLowerCase(Locale.ROOT);
    Set<String> owners = new LinkedHashSet<>();
    for (OrgMention o : d.owners) {
      owners.add(o.name().toLowerCase(Locale.ROOT));
    }
    for (String part : QUALIFIER_SEPARATOR.split(d.qualifier)) {
      Matcher by = QUALIFIER_OWNER.matcher(part);
      Matcher ex = QUALIFIER_ALIAS.matcher(part);
      if (by.matches()) {
        d.ownerHints.add(by.group(1).trim());
      } else if (ex.matches()) {
        d.aliases.add(ex.group(1).trim());
      } else if (owners.contains(part.toLowerCase(Locale.ROOT)) || containsWord(ownership, part.toLowerCase(Locale.ROOT))
          || COMPANY_SUFFIX.matcher(part).matches()) {
        d.ownerHints.add(part.trim());
      } else if (!part.isBlank()) {
        d.aliases.add(part.trim());
      }
    }
  }

  static boolean containsWord(String haystack, String needle) {
    return !needle.isBlank() && Pattern.compile("(?<![\\w])" + Pattern.quote(needle) + "(?![\\w])").matcher(haystack).find();
  }
}
