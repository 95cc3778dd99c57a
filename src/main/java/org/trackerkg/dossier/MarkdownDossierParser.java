package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.trackerkg.base.Diagnostic;

/**
 * One Markdown dossier (a Yale-style tracker profile, or an εxodus description) → a {@link Dossier} and its
 * diagnostics. Markdown is parsed by commonmark-java with source spans; the sections are recognised by their
 * headings, whatever their level or spelling, and every section is also kept verbatim.
 */
public final class MarkdownDossierParser {
  /**
   * The parsed dossier (null when the document names no tracker, or has more list items than
   * {@link ListItemLimit#MAX_ITEMS}) and what the parser had to say.
   */
  public record Outcome(Dossier dossier, List<Diagnostic> diagnostics) {
    public Outcome {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  // Parser is immutable and thread-safe: one for all documents.
  private static final Parser MARKDOWN =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\\[\\]()\"'`,]+");
  private static final Pattern NAME_PARENS = Pattern.compile("^(.*?)\\s*\\((.+)\\)\\s*$");
  private static final Pattern RULE = Pattern.compile(
      "^\\s*(network|code)\\s+(?:signatures?|detection\\s+rules?|rules?)\\s*:?\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern REPO_FIELD = Pattern.compile("^\\s*(maven|artifact\\s*id|group\\s*id)\\s*:\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern OWNED_BY = Pattern.compile(
      "\\b(?:owned by|subsidiary of|part of|acquired by|division of|bought by)\\s+(?:the\\s+)?"
          + "([A-Z][\\w&.'-]*(?:\\s+(?:[A-Z][\\w&.'-]*|by|of|de|&))*)");
  private static final Pattern COMPANY_SUFFIX = Pattern.compile(
      "(?i).*\\b(GmbH|Inc\\.?|Ltd\\.?|LLC|S\\.?A\\.?S?|Corp\\.?|Corporation|AG|BV|Limited|Group)$");
  private static final Pattern REFERENCE_KEY = Pattern.compile("^(.+?,\\s*\\d+[a-z]?)\\s*(?:[,.]\\s*(.*?))?[\\s.:_*]*$");
  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Pattern ONE_SPACE = Pattern.compile("\\s");
  private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(\\s*\\n)+");
  private static final Pattern NAME_MARKUP = Pattern.compile("^[*_#`\\s]+|[*_`\\s]+$");
  private static final Pattern YES = Pattern.compile("(yes|y|true|oui)\\b.*");
  private static final Pattern NO = Pattern.compile("(no|n|false|non)\\b.*");
  private static final Pattern PLACE_SEPARATOR = Pattern.compile("\\s+/\\s+|;");
  private static final Pattern PLACE_LABEL = Pattern.compile("^[^:()]{1,40}:\\s*");
  private static final Pattern TRAILING_DOTS_SPACE = Pattern.compile("[.\\s]+$");
  private static final Pattern TRAILING_SPACE_DOTS = Pattern.compile("[\\s.]+$");
  private static final Pattern SENTENCE_VERB =
      Pattern.compile("(?i).*\\b(is|was|are|were|has|have|became|founded|owned|owns|include[sd]?)\\b.*");
  private static final Pattern IS_WAS = Pattern.compile("(?i).*\\b(is|was)\\b.*");
  private static final Pattern LIST_MARKERS = Pattern.compile("^([*+-]\\s+)+");
  private static final Pattern NO_SPACE = Pattern.compile("[^\\s]+");
  private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("[,;\\n]");
  private static final Pattern GRADLE_MARKER = Pattern.compile("^[*-]\\s+");
  private static final Pattern URL_TRAILING_PUNCT = Pattern.compile("[.;:]+$");
  private static final Pattern CLAUSE_BROKEN_LABEL = Pattern.compile("^\\s*[_*]{1,2}[^_*:\\n]{1,80}:[_*]{0,2}");
  private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:.]+");
  private static final Pattern LEAD_IN = Pattern.compile("^([^:/\\[]{3,60}?(?:include|includes|are|:))");
  private static final Pattern TRAILING_COLON_SPACE = Pattern.compile("[:\\s]+$");
  private static final Pattern PLAIN_KEY = Pattern.compile("^([^\\[\\]]{1,60}?,\\s*\\d+[a-z]?)[.:]?\\s");
  private static final Pattern KEY_TRAILING = Pattern.compile("[._*\\s]+$");
  private static final Pattern TITLE_PUNCT = Pattern.compile("[\\s.\\-_:]+");
  private static final Pattern TITLE_EDGES = Pattern.compile("^[\\s.:_-]+|[\\s._-]+$");
  private static final Pattern QUALIFIER_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
  private static final Pattern QUALIFIER_OWNER = Pattern.compile(
      "(?i)^(?:(?:a\\s+)?(?:acquired|owned|bought|made)\\s+by|by|part of|from|a\\s+subsidiary\\s+of|subsidiary of)\\s+(.+)$");
  private static final Pattern QUALIFIER_ALIAS =
      Pattern.compile("(?i)^(?:ex|ex-|formerly|previously|née|aka|a\\.k\\.a\\.|also known as)\\s+(.+)$");

  /** The text as the parser sees it: no BOM, LF line ends. */
  public static String normalise(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** Reads a tracker profile: the name comes from the document ("# Tracker Name" + next line, else the title). */
  public Outcome parse(String text, Source source) {
    return parse(text, source, null);
  }

  /**
   * Reads a dossier; {@code knownName}, when given (εxodus), is the tracker's name and the document is taken to
   * have no title heading.
   */
  public Outcome parse(String text, Source source, String knownName) {
    String normalised = normalise(text);
    int over = ListItemLimit.lineOverLimit(normalised, 0);
    if (over > 0) {
      // before commonmark: its tree for a million items takes gigabytes
      return new Outcome(null, List.of(Diagnostic.error(source.file(), over, ListItemLimit.MESSAGE)));
    }
    ParseContext ctx = new ParseContext(source.file(), normalised);
    Document doc = (Document) MARKDOWN.parse(normalised);
    Draft d = new Draft();
    d.sections = sections(doc, ctx);
    collectCitations(doc, ctx);
    List<SectionBlocks> parts = split(doc, knownName == null);
    for (SectionBlocks part : parts) {
      try {
        read(part, d, ctx);
      } catch (RuntimeException e) {
        // A section the reader trips over is still kept verbatim: say so rather than lose the document.
        ctx.warn(part.line, "could not read section '" + part.heading + "' (" + e.getClass().getSimpleName()
            + "); kept verbatim");
      }
    }
    String name = knownName != null ? knownName : d.name;
    int nameLine = knownName != null ? 0 : d.nameLine;
    if (name == null || Placeholders.isPlaceholder(name)) {
      ctx.diagnostics.add(Diagnostic.error(source.file(), 0, "no tracker name: expected '# Tracker Name' followed by the name, or a title heading"));
      return new Outcome(null, ctx.diagnostics);
    }
    resolveName(name.trim(), d, ctx);
    findFacts(d);
    finishReferences(d, ctx);
    Source src = new Source(source.file(), source.line() > 0 ? source.line() : 1, source.kind(), source.sha256());
    return new Outcome(d.build(src), ctx.diagnostics);
  }

  // ---------------------------------------------------------------- sections

  /** Every heading of the document with the Markdown under it, verbatim. */
  private static List<Section> sections(Document doc, ParseContext ctx) {
    List<Heading> headings = new ArrayList<>();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        headings.add(heading);
      }
    });
    List<Section> out = new ArrayList<>();
    for (int i = 0; i < headings.size(); i++) {
      Heading h = headings.get(i);
      int from = ParseContext.lastLine(h) + 1;
      int to = i + 1 < headings.size() ? ParseContext.line(headings.get(i + 1)) - 1 : ctx.lines.length;
      String body = LEADING_BLANK_LINES.matcher(ctx.slice(from, to)).replaceAll("").stripTrailing();
      out.add(new Section(Inlines.plain(h).trim(), h.getLevel(), body, ParseContext.line(h)));
    }
    return out;
  }

  /** Every {@code [Key, NN](url)} link of the document, wherever it is; warnings for key-like text that is not one. */
  private static void collectCitations(Document doc, ParseContext ctx) {
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        String text = Inlines.plain(link);
        int line = ParseContext.line(link);
        if (CitationKeys.isKey(text)) {
          ctx.citations.add(Inlines.citation(link, text, line));
        } else if (CitationKeys.looksMalformed(text)) {
          ctx.warn(line, "link text '" + text.trim() + "' looks like a citation key but is not 'Source, NN'");
        }
      }
    });
  }

  /** The blocks of one recognised section; nested headings of unknown kind stay in it as sub-labels. */
  private static final class SectionBlocks {
    final SectionKind kind;
    final String heading;
    final int level;
    final int line;
    final List<Node> blocks = new ArrayList<>();

    SectionBlocks(SectionKind kind, String heading, int level, int line) {
      this.kind = kind;
      this.heading = heading;
      this.level = level;
      this.line = line;
    }
  }

  private static List<SectionBlocks> split(Document doc, boolean titled) {
    List<SectionBlocks> out = new ArrayList<>();
    SectionBlocks current = new SectionBlocks(SectionKind.ABOUT, "", 0, 1);  // text before any heading
    out.add(current);
    boolean first = true;
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        String text = Inlines.plain(h).trim();
        SectionKind kind = SectionKind.of(text);
        int line = ParseContext.line(h);
        if (first && titled && kind == SectionKind.OTHER) {
          current = new SectionBlocks(SectionKind.TRACKER_NAME, text, h.getLevel(), line);
          current.blocks.add(h);  // the title itself names the tracker
          out.add(current);
        } else if (kind == SectionKind.OTHER && current.level > 0 && h.getLevel() > current.level
            && current.kind != SectionKind.TRACKER_NAME && current.kind != SectionKind.BOILERPLATE) {
          current.blocks.add(h);  // a sub-section ("### Scope" under Details)
        } else {
          current = new SectionBlocks(kind, text, h.getLevel(), line);
          out.add(current);
        }
        first = false;
      } else {
        current.blocks.add(n);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- per section

  private void read(SectionBlocks s, Draft d, ParseContext ctx) {
    switch (s.kind) {
      case TRACKER_NAME -> readName(s, d, ctx);
      case IN_EXODUS -> readInExodus(s, d, ctx);
      case LOCATION -> readLocation(s, d, ctx);
      case WEBSITE -> d.websites.addAll(links(s, ctx));
      case DOCUMENTATION -> d.documentation.addAll(links(s, ctx));
      case EXTERNAL_LINKS -> d.externalLinks.addAll(links(s, ctx));
      case ADDITIONAL_LINKS -> d.additionalLinks.addAll(links(s, ctx));
      case ABOUT -> d.about.addAll(texts(s, ctx, null));
      case NOTES -> d.notes.addAll(texts(s, ctx, null));
      case OWNERSHIP -> readOwnership(s, d, ctx);
      case DETECTION_RULES -> readRules(s, d, ctx);
      case PRODUCTS -> d.products.addAll(readProducts(s, ctx));
      case PRIVACY_POLICY -> d.clauses.addAll(readClauses(s, ctx));
      case RELATIONSHIPS -> readRelationships(s, d, ctx);
      case DETAILS -> readDetails(s, d, ctx, null);
      case REFERENCES -> readReferences(s, d, ctx);
      case CATEGORY -> readCategories(s, d, ctx);
      case REPOSITORIES -> readRepositories(s, d, ctx);
      case GRADLE -> readGradle(s, d, ctx);
      case BOILERPLATE -> { }
      case OTHER -> readDetails(s, d, ctx, s.heading);
      default -> { }
    }
  }

  private static void readName(SectionBlocks s, Draft d, ParseContext ctx) {
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
    d.about.addAll(texts(about, ctx, null));
  }

  private static void readInExodus(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : paragraphs(s, ctx)) {
      String v = Inlines.plain(p).trim().toLowerCase(Locale.ROOT);
      if (YES.matcher(v).matches()) {
        d.inExodus = Boolean.TRUE;
      } else if (NO.matcher(v).matches()) {
        d.inExodus = Boolean.FALSE;
      } else if (!Placeholders.isPlaceholder(v)) {
        ctx.warn(ParseContext.line(p), "'In εxodus?' answer '" + v + "' is neither Yes nor No");
      }
      return;
    }
  }

  private static void readLocation(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : paragraphs(s, ctx)) {
      List<Inlines.Piece> pieces = Inlines.flatten(p, ctx);
      String text = Inlines.text(pieces);
      if (Placeholders.isPlaceholder(text) || d.location != null) {
        continue;
      }
      int line = ParseContext.line(p);
      // "Microsoft: United States (Seattle) / Bit Stadium: Germany (Stuttgart)": the first place named
      String first = TRAILING_DOTS_SPACE.matcher(PLACE_LABEL.matcher(PLACE_SEPARATOR.split(text)[0]).replaceFirst("")).replaceAll("").trim();
      String country = first;
      String city = null;
      Matcher m = NAME_PARENS.matcher(first);
      if (m.matches()) {
        country = m.group(1).trim();
        city = m.group(2).trim();
      } else if (first.contains(",")) {
        // "New York, United States"
        String[] parts = first.split(",");
        String last = parts[parts.length - 1].trim();
        if (Countries.code(last) != null) {
          country = last;
          city = first.substring(0, first.lastIndexOf(',')).trim();
        }
      }
      String code = Countries.code(country);
      if (code == null) {
        ctx.warn(line, "unrecognised country '" + country + "' in primary location");
      }
      d.location = new Location(country, code, city, text, Inlines.citations(pieces), line);
    }
  }

  /** "Adobe (NASDAQ: ADBE) is …": a company named with its stock ticker at the start of the sentence. */
  private static final Pattern LISTED_COMPANY = Pattern.compile(
      "^([A-Z][\\p{L}\\d&.' -]{0,40}?)\\s*\\((?:NASDAQ|NYSE|LSE|TSE|HKEX|Euronext)[^)]*\\)\\s+(?:is|was)\\b");

  private static void readOwnership(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : paragraphs(s, ctx)) {
      Inlines.Labelled l = Inlines.label(p, ctx);
      String text = Inlines.text(l.rest());
      List<Citation> cites = Inlines.citations(l.rest());
      int line = ParseContext.line(p);
      if (Placeholders.isPlaceholder(text) || text.equalsIgnoreCase("self-owned") || text.equalsIgnoreCase("self owned")) {
        continue;
      }
      d.ownershipText.append(text).append('\n');
      String bare = TRAILING_DOTS_SPACE.matcher(text).replaceAll("");
      boolean sentence = SENTENCE_VERB.matcher(bare).matches();
      Matcher paren = NAME_PARENS.matcher(bare);
      if (!sentence && RelationshipLists.wordCount(bare) <= 6 && !paren.matches()) {
        d.owners.add(new OrgMention(bare, l.label(), cites, line));
        continue;
      }
      if (paren.matches() && RelationshipLists.wordCount(paren.group(1)) <= 6 && !IS_WAS.matcher(paren.group(1)).matches()) {
        // "Oath Inc. (subsidiary of Verizon Communications; …)": the owner, and the parenthetical as a detail
        d.owners.add(new OrgMention(paren.group(1).trim(), l.label(), cites, line));
        d.details.add(new LabelledText("Ownership", text, cites, line));
        continue;
      }
      Matcher m = OWNED_BY.matcher(bare);
      Set<String> named = new LinkedHashSet<>();
      Matcher listed = LISTED_COMPANY.matcher(bare);
      if (listed.find()) {
        // "Adobe (NASDAQ: ADBE) is a publicly-traded … company": the sentence is about the owner
        named.add(listed.group(1).trim());
      }
      while (m.find()) {
        named.add(TRAILING_SPACE_DOTS.matcher(m.group(1)).replaceAll(""));
      }
      for (String owner : named) {
        d.owners.add(new OrgMention(owner, l.label(), cites, line));
      }
      d.details.add(new LabelledText("Ownership", text, cites, line));
    }
  }

  private static void readRules(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : paragraphs(s, ctx)) {
      List<Inlines.Piece> pieces = Inlines.flatten(p, ctx);
      String text = Inlines.text(pieces);
      int line = ParseContext.line(p);
      // Patterns exactly as written: from the source, since Markdown unescapes "\\." in plain text.
      String raw = LIST_MARKERS.matcher(ctx.slice(line, ParseContext.lastLine(p)).trim()).replaceFirst("").trim();
      Matcher m = RULE.matcher(raw);
      Signature.Kind kind = null;
      List<String> rules = Inlines.codeSpans(pieces);
      if (m.matches()) {
        kind = m.group(1).toLowerCase(Locale.ROOT).equals("network") ? Signature.Kind.NETWORK : Signature.Kind.CODE;
        if (rules.isEmpty()) {
          rules = List.of(m.group(2));
        }
      } else if (rules.isEmpty()) {
        // a bare rule without backticks: "com.example.sdk"
        rules = NO_SPACE.matcher(raw).matches() ? List.of(raw) : List.of();
        if (rules.isEmpty() && !Placeholders.isPlaceholder(text)) {
          ctx.warn(line, "could not read a detection rule from '" + text + "'; kept verbatim in its section");
        }
      }
      for (String rule : rules) {
        for (String alt : Signatures.alternatives(rule)) {
          d.signatures.add(new Signature(kind != null ? kind : Signatures.classify(alt), alt, line));
        }
      }
    }
  }

  private static void readCategories(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : paragraphs(s, ctx)) {
      int line = ParseContext.line(p);
      for (String c : CATEGORY_SEPARATOR.split(Inlines.plain(p))) {
        String name = c.replace("`", "").trim();
        if (!Placeholders.isPlaceholder(name)) {
          d.categories.add(new Category(name, line));
        }
      }
    }
  }

  private static void readRepositories(SectionBlocks s, Draft d, ParseContext ctx) {
    String url = null;
    String group = null;
    String artifact = null;
    int line = 0;
    for (Paragraph p : paragraphs(s, ctx)) {
      String text = Inlines.plain(p).trim();
      Matcher m = REPO_FIELD.matcher(text);
      int at = ParseContext.line(p);
      if (!m.matches()) {
        if (!Placeholders.isPlaceholder(text)) {
          ctx.warn(at, "could not read repository line '" + text + "'; kept verbatim in its section");
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

  private static void readGradle(SectionBlocks s, Draft d, ParseContext ctx) {
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

  // ---------------------------------------------------------------- links and texts

  private static List<org.trackerkg.dossier.Link> links(SectionBlocks s, ParseContext ctx) {
    List<org.trackerkg.dossier.Link> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Paragraph p : paragraphs(s, ctx)) {
      Inlines.Labelled l = Inlines.label(p, ctx);
      for (UrlAt u : urls(p)) {
        if (seen.add(u.url)) {
          out.add(new org.trackerkg.dossier.Link(l.label(), u.url, u.line));
        }
      }
    }
    return out;
  }

  private record UrlAt(String url, int line) {}

  /** Link destinations (not citations) and bare URLs of a block, in order. */
  private static List<UrlAt> urls(Node block) {
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
  private static List<LabelledText> texts(SectionBlocks s, ParseContext ctx, String defaultLabel) {
    List<LabelledText> out = new ArrayList<>();
    String subLabel = defaultLabel;
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        subLabel = Inlines.plain(h).trim();
        continue;
      }
      String pending = null;  // a label on a paragraph of its own applies to the items that follow
      for (Node n : leaves(block, ctx)) {
        int line = ParseContext.line(n);
        if (n instanceof Paragraph p) {
          Inlines.Labelled l = Inlines.label(p, ctx);
          String text = Inlines.text(l.rest());
          if (text.isEmpty() && l.label() != null) {
            pending = l.label();  // kept verbatim in sections; it labels what follows
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

  private static String rawText(Node n, ParseContext ctx) {
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
  private static List<Paragraph> paragraphs(SectionBlocks s, ParseContext ctx) {
    List<Paragraph> out = new ArrayList<>();
    for (Node block : s.blocks) {
      for (Node n : leaves(block, ctx)) {
        if (n instanceof Paragraph p) {
          out.add(p);
        } else if (!(n instanceof Heading)) {
          ctx.warn(ParseContext.line(n), "section '" + s.heading + "' has content the reader could not structure; kept verbatim");
        }
      }
    }
    return out;
  }

  /** Paragraphs and raw blocks under a block, lists and quotes opened up. */
  private static List<Node> leaves(Node block, ParseContext ctx) {
    List<Node> out = new ArrayList<>();
    addLeaves(block, out);
    return out;
  }

  private static void addLeaves(Node block, List<Node> out) {
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

  // ---------------------------------------------------------------- products

  /** A product item before it becomes a record: depth in the list tree. */
  private static final class Item {
    final int depth;
    final String title;
    final StringBuilder text = new StringBuilder();
    final List<Citation> citations = new ArrayList<>();
    final List<Item> children = new ArrayList<>();
    final int line;

    Item(int depth, String title, int line) {
      this.depth = depth;
      this.title = title;
      this.line = line;
    }

    Product toProduct() {
      return new Product(title, Inlines.tidy(text.toString()), citations,
          children.stream().map(Item::toProduct).toList(), line);
    }
  }

  private static List<Product> readProducts(SectionBlocks s, ParseContext ctx) {
    List<Item> flat = new ArrayList<>();
    int base = 0;
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        flat.add(new Item(0, Inlines.plain(h).trim(), ParseContext.line(h)));
        base = 1;
      } else if (block instanceof ListBlock list) {
        listItems(list, base, flat, ctx);
      } else if (block instanceof Paragraph p) {
        Inlines.Labelled l = Inlines.label(p, ctx);
        Item item = new Item(base, l.label(), ParseContext.line(p));
        item.text.append(Inlines.text(l.rest()));
        item.citations.addAll(Inlines.citations(l.rest()));
        flat.add(item);
      } else if (!(block instanceof ThematicBreak)) {
        Item item = new Item(base, null, ParseContext.line(block));
        item.text.append(rawText(block, ctx));
        flat.add(item);
      }
    }
    // A list item at depth d belongs to the nearest item before it that is shallower.
    List<Item> roots = new ArrayList<>();
    List<Item> stack = new ArrayList<>();
    for (Item item : flat) {
      while (!stack.isEmpty() && stack.get(stack.size() - 1).depth >= item.depth) {
        stack.remove(stack.size() - 1);
      }
      if (stack.isEmpty()) {
        roots.add(item);
      } else {
        stack.get(stack.size() - 1).children.add(item);
      }
      stack.add(item);
    }
    return roots.stream().filter(i -> i.title != null || i.text.length() > 0 || !i.children.isEmpty())
        .map(Item::toProduct).toList();
  }

  /** "* * _Title:_" is an item holding only a nested list: its items sit one level deeper. */
  private static void listItems(ListBlock list, int depth, List<Item> out, ParseContext ctx) {
    for (Node li = list.getFirstChild(); li != null; li = li.getNext()) {
      Item current = null;
      for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof ListBlock nested) {
          listItems(nested, depth + 1, out, ctx);
        } else if (c instanceof Paragraph p) {
          Inlines.Labelled l = current == null ? Inlines.label(p, ctx) : new Inlines.Labelled(null, null, Inlines.flatten(p, ctx));
          if (current == null) {
            current = new Item(depth, l.label(), ParseContext.line(p));
            out.add(current);
          } else {
            current.text.append('\n');
          }
          current.text.append(Inlines.text(l.rest()));
          current.citations.addAll(Inlines.citations(l.rest()));
        } else if (!(c instanceof ThematicBreak)) {
          if (current == null) {
            current = new Item(depth, null, ParseContext.line(c));
            out.add(current);
          }
          current.text.append(rawText(c, ctx));
        }
      }
    }
  }

  // ---------------------------------------------------------------- privacy policy

  /** A clause being collected: its label node (to cut the marker off) and its line span. */
  private static final class ClauseDraft {
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

  private static List<PolicyClause> readClauses(SectionBlocks s, ParseContext ctx) {
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
      List<Inlines.Piece> pieces = block instanceof Paragraph ? l.rest() : flattenAll(block, ctx);
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
  private static String verbatim(ClauseDraft c, ParseContext ctx) {
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

  private static List<Inlines.Piece> flattenAll(Node block, ParseContext ctx) {
    List<Inlines.Piece> out = new ArrayList<>();
    block.accept(new AbstractVisitor() {
      @Override
      public void visit(Paragraph paragraph) {
        out.addAll(Inlines.flatten(paragraph, ctx));
      }
    });
    return out;
  }

  // ---------------------------------------------------------------- relationships

  private static void readRelationships(SectionBlocks s, Draft d, ParseContext ctx) {
    String subLabel = null;
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        subLabel = Inlines.plain(h).trim();
        continue;
      }
      String pending = null;
      for (Node n : leaves(block, ctx)) {
        int line = ParseContext.line(n);
        if (!(n instanceof Paragraph p)) {
          d.details.add(new LabelledText(subLabel, rawText(n, ctx), List.of(), line));
          continue;
        }
        Inlines.Labelled l = Inlines.label(p, ctx);
        String label = l.label() != null ? l.label() : pending != null ? pending : subLabel;
        List<Inlines.Piece> pieces = l.rest();
        String text = Inlines.text(pieces);
        if (text.isEmpty()) {
          pending = l.label();
          continue;
        }
        Relationship.Kind kind = RelationshipLists.kind(label);
        if (kind == null && label == null) {
          // "Investors include: A / B": the lead-in names the relationship
          Matcher lead = LEAD_IN.matcher(text);
          if (lead.find()) {
            kind = RelationshipLists.kind(lead.group(1));
            if (kind != null) {
              label = TRAILING_COLON_SPACE.matcher(lead.group(1)).replaceAll("");
            }
          }
        }
        List<RelationshipLists.Named> names = null;
        if (RelationshipLists.isSlashList(pieces)) {
          names = RelationshipLists.slashList(pieces);
          if (kind == null) {
            kind = label == null ? Relationship.Kind.CUSTOMER : Relationship.Kind.PARTNER;
          }
        } else if (kind != null) {
          names = RelationshipLists.prose(pieces);
        }
        if (names == null || names.isEmpty()) {
          d.details.add(new LabelledText(label, text, Inlines.citations(pieces), line));
          continue;
        }
        for (RelationshipLists.Named named : names) {
          d.relationships.add(new Relationship(kind, named.name(), label, named.citations(),
              named.line() > 0 ? named.line() : line));
        }
      }
    }
  }

  // ---------------------------------------------------------------- details

  private static void readDetails(SectionBlocks s, Draft d, ParseContext ctx, String defaultLabel) {
    d.details.addAll(texts(s, ctx, defaultLabel));
  }

  /** Founding year and funding, from the details first, then the rest of the prose. */
  private static void findFacts(Draft d) {
    List<LabelledText> prose = new ArrayList<>(d.details);
    prose.addAll(d.about);
    prose.addAll(d.notes);
    for (LabelledText t : prose) {
      if (d.founding == null) {
        d.founding = Facts.founding(t.text(), t.citations(), t.line());
      }
      if (d.funding == null) {
        d.funding = Facts.funding(t.text(), t.citations(), t.line());
      }
    }
  }

  // ---------------------------------------------------------------- references

  private static void readReferences(SectionBlocks s, Draft d, ParseContext ctx) {
    for (Paragraph p : paragraphs(s, ctx)) {
      int line = ParseContext.line(p);
      Inlines.Labelled l = Inlines.label(p, ctx);
      String keyText = l.label();
      List<UrlAt> urls = urls(p);
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
        for (UrlAt u : urls) {
          d.externalLinks.add(new org.trackerkg.dossier.Link(l.label(), u.url, u.line));
        }
        if (urls.isEmpty() && !Placeholders.isPlaceholder(rest)) {
          ctx.warn(line, "reference without a key or URL: '" + Inlines.plain(p).trim() + "'");
        }
        continue;
      }
      if (title == null) {
        String noUrls = rest.contains("http") ? URL.matcher(rest).replaceAll("") : rest;
        String other = TITLE_PUNCT.matcher(noUrls).replaceAll(" ").trim();
        title = other.isEmpty() ? null : TITLE_EDGES.matcher(Inlines.tidy(noUrls)).replaceAll("");
        if (title != null && title.isEmpty()) {
          title = null;
        }
      }
      d.references.add(new Reference(key, urls.isEmpty() ? null : urls.get(0).url, title, true, line));
    }
  }

  /** Citations found only inline become references of their own (listed == false), first mention first. */
  private static void finishReferences(Draft d, ParseContext ctx) {
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

  // ---------------------------------------------------------------- name

  /** "Xiti (by AT Internet)" → name Xiti, qualifier, and the parenthetical as owner hint or alias. */
  private static void resolveName(String full, Draft d, ParseContext ctx) {
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

  private static boolean containsWord(String haystack, String needle) {
    return !needle.isBlank() && Pattern.compile("(?<![\\w])" + Pattern.quote(needle) + "(?![\\w])").matcher(haystack).find();
  }

  // ---------------------------------------------------------------- the draft

  /** The dossier while it is being read. */
  private static final class Draft {
    String name;
    int nameLine;
    String qualifier;
    final List<String> aliases = new ArrayList<>();
    final List<String> ownerHints = new ArrayList<>();
    Boolean inExodus;
    Location location;
    final List<org.trackerkg.dossier.Link> websites = new ArrayList<>();
    final List<org.trackerkg.dossier.Link> documentation = new ArrayList<>();
    final List<LabelledText> about = new ArrayList<>();
    final List<OrgMention> owners = new ArrayList<>();
    final StringBuilder ownershipText = new StringBuilder();
    final List<Signature> signatures = new ArrayList<>();
    final List<Category> categories = new ArrayList<>();
    final List<Repository> repositories = new ArrayList<>();
    final List<String> gradle = new ArrayList<>();
    final List<Product> products = new ArrayList<>();
    final List<PolicyClause> clauses = new ArrayList<>();
    final List<Relationship> relationships = new ArrayList<>();
    Founding founding;
    Funding funding;
    final List<LabelledText> details = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    final List<org.trackerkg.dossier.Link> externalLinks = new ArrayList<>();
    final List<org.trackerkg.dossier.Link> additionalLinks = new ArrayList<>();
    final List<LabelledText> notes = new ArrayList<>();
    List<Section> sections = List.of();

    Dossier build(Source source) {
      return new Dossier(name, qualifier, aliases, ownerHints, inExodus, null, null, location, websites, documentation,
          about, owners, signatures, categories, repositories, gradle, products, clauses, relationships, founding,
          funding, details, references, externalLinks, additionalLinks, notes, sections, source);
    }
  }
}
