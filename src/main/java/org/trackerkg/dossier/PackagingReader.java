package org.trackerkg.dossier;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** The category, repository and Gradle sections. */
final class PackagingReader {
  static final Pattern REPO_FIELD = Pattern.compile("^\\s*(maven|artifact\\s*id|group\\s*id)\\s*:\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  static final Pattern ONE_SPACE = Pattern.compile("\\s");
  static final Pattern CATEGORY_SEPARATOR = Pattern.compile("[,;\\n]");
  static final Pattern GRADLE_MARKER = Pattern.compile("^[*-]\\s+");

  private PackagingReader() {}

  static void readCategories(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      int line = ParseContext.line(p);
      for (String c : CATEGORY_SEPARATOR.split(Inlines.plain(p))) {
        String name = c.replace("`", "").trim();
        if (!Placeholders.isPlaceholder(name)) {
          d.categories.add(new Category(name, line));
        }
      }
    }
  }

  static void readRepositories(SectionBlocks s, Draft d, ParseContext ctx) {
    String url = null;
    String group = null;
    String artifact = null;
    int line = 0;
    for (Paragraph p : Blocks.paragraphs(s, ctx)) {
      String text = Inlines.plain(p).trim();
      Matcher m = REPO_FIELD.matcher(text);
      int at = ParseContext.line(p);
      if (!m.matches()) {
        if (!Placeholders.isPlaceholder(text)) {
          ctx.warn(p, "could not read repository line '" + text + "'; kept verbatim in its section");
        }
        continue;
      }
      String value = m.group(2).replace("`", "").trim();
      if (Placeholders.isPlaceholder(value) || value.contains("xxx")) {
        continue;
      }
      line = line == 0 ? at : line;
      switch (ONE_SPACE.matcher(m.group(1).toLowerCase(Locale.ROOT)).replaceAll("")) {
        case "maven" -> url = value;
        case "artifactid" -> artifact = value;
        default -> group = value;
      }
    }
    if (url != null || group != null || artifact != null) {
      d.repositories.add(new Repository(url, group, artifact, line));
    }
  }

  static void readGradle(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Node block : s.blocks) {
      String text = block instanceof FencedCodeBlock f ? f.getLiteral()
          : block instanceof IndentedCodeBlock i ? i.getLiteral() : ctx.slice(ParseContext.line(block), ParseContext.lastLine(block));
      for (String line : text.split("\n")) {
        String g = GRADLE_MARKER.matcher(line.trim()).replaceAll("").replace("`", "").trim();
        if (!Placeholders.isPlaceholder(g) && !g.contains("xxx")) {
          d.gradle.add(g);
        }
      }
    }
  }
}
