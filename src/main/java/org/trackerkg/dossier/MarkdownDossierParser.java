package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.base.DiagnosticHandler;

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
  private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(\\s*\\n)+");

  private final DiagnosticHandler handler;
  private final Map<SectionKind, SectionReader> readers;

  /** A parser whose diagnostics are only returned in each {@link Outcome}. */
  public MarkdownDossierParser() {
    this(d -> { });
  }

  /** A parser that also sends every diagnostic to {@code handler} as it is made (strict handlers throw). */
  public MarkdownDossierParser(DiagnosticHandler handler) {
    this(handler, READERS);
  }

  private MarkdownDossierParser(DiagnosticHandler handler, Map<SectionKind, SectionReader> readers) {
    this.handler = handler;
    this.readers = readers;
  }

  /** This parser with another reader for one kind of section (tests: a reader that trips). */
  MarkdownDossierParser with(SectionKind kind, SectionReader reader) {
    Map<SectionKind, SectionReader> r = new EnumMap<>(readers);
    r.put(kind, reader);
    return new MarkdownDossierParser(handler, Collections.unmodifiableMap(r));
  }

  /** "#Name" or "##About": an ATX heading written without the space CommonMark requires, outside code fences. */
  private static final Pattern UNSPACED_HEADING = Pattern.compile("^(\\s{0,3}#{1,6})(?=\\p{L})");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");

  /**
   * The text with unspaced headings ("#Name", "##About", a template variant) given their space, so that they read
   * as headings; lines are not added or removed, so every line number stays right.
   */
  static String spaceHeadings(String text) {
    if (text.indexOf('#') < 0) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      if (FENCE.matcher(lines[i]).matches()) {
        inFence = !inFence;
      } else if (!inFence) {
        lines[i] = UNSPACED_HEADING.matcher(lines[i]).replaceFirst("$1 ");
      }
    }
    return String.join("\n", lines);
  }

  /** "[k](url](url)": a link whose destination was pasted twice, which CommonMark reads as no link at all. */
  private static final Pattern DOUBLED_LINK = Pattern.compile("\\]\\((https?://[^\\s()\\[\\]]+)\\]\\((https?://[^\\s()\\[\\]]+)\\)");

  /** The text with doubled link destinations written once (lines are kept, so line numbers stay right). */
  static String undoubleLinks(String text) {
    // tried only where a destination starts: searching the whole text with the expression cost more than parsing it
    int at = text.indexOf("](http");
    if (at < 0) {
      return text;
    }
    Matcher m = DOUBLED_LINK.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (at >= 0) {
      m.region(at, text.length());
      if (m.lookingAt()) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, copied, at).append("](").append(m.group(1)).append(')');
        copied = m.end();
        at = text.indexOf("](http", copied);
      } else {
        at = text.indexOf("](http", at + 1);
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

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
      Diagnostic error = Diagnostic.error(source.file(), over, ListItemLimit.MESSAGE);
      handler.report(error);
      return new Outcome(null, List.of(error));
    }
    int deep = NestingLimit.lineOverLimit(normalised);
    if (deep > 0) {
      // counted, not inferred from a StackOverflowError (which came or not with the JIT's mood)
      Diagnostic error = Diagnostic.error(source.file(), deep, NestingLimit.MESSAGE);
      handler.report(error);
      return new Outcome(null, List.of(error));
    }
    ParseContext ctx = new ParseContext(source.file(), normalised, handler);
    Document doc = (Document) MARKDOWN.parse(undoubleLinks(spaceHeadings(normalised)));
    Draft d = new Draft();
    d.sections = sections(doc, ctx);
    collectCitations(doc, ctx);
    List<SectionBlocks> parts = split(doc, knownName == null);
    for (SectionBlocks part : parts) {
      try {
        read(part, d, ctx);
      } catch (RuntimeException e) {
        // A section the reader trips over is still kept verbatim: say so rather than lose the document.
        ctx.unreadable(part.blocks.isEmpty() ? null : part.blocks.get(0), part.line,
            "could not read section '" + part.heading + "' (" + e + "); kept verbatim", e);
      }
    }
    String name = knownName != null ? knownName : d.name;
    int nameLine = knownName != null ? 0 : d.nameLine;
    if (isTemplateForm(name, d.sections)) {
      ctx.report(Diagnostic.warning(source.file(), 1, "an unfilled template form (a '" + (name == null ? "" : name.trim())
          + "' heading with placeholder fields), not a tracker: not read as a dossier"));
      return new Outcome(null, ctx.diagnostics);
    }
    if (name == null || Placeholders.isPlaceholder(name)) {
      ctx.report(Diagnostic.error(source.file(), 0, "no tracker name: expected '# Tracker Name' followed by the name, or a title heading"));
      return new Outcome(null, ctx.diagnostics);
    }
    NameReader.resolveName(name.trim(), d, ctx);
    findFacts(d);
    List<LabelledText> prose = new ArrayList<>(d.about);
    prose.addAll(d.details);
    prose.addAll(d.notes);
    ProseFacts.read(d, prose);
    ReferenceReader.finish(d, ctx);
    Source src = new Source(source.file(), source.line() > 0 ? source.line() : 1, source.kind(), source.sha256());
    return new Outcome(d.build(src), ctx.diagnostics);
  }

  /** Titles a blank template carries where the tracker's name goes. */
  private static final java.util.Set<String> TEMPLATE_TITLES =
      java.util.Set.of("title", "tracker name", "name", "company name", "tracker", "your tracker", "sdk name");
  private static final Pattern FIELD_LABEL = Pattern.compile("^\\s*(?:[*+-]\\s+)?(?:[_*]{0,2}[^:_*]{1,40}:[_*]{0,2})?\\s*");
  private static final Pattern TEMPLATE_TITLE_PUNCT = Pattern.compile("[\\[\\]<>{}_*]");

  /**
   * True for a template nobody filled in: its title is a placeholder or the template's own ("Title", "Tracker
   * Name") and every field below it is empty or a placeholder ("xxx", "TBD", "Website: xxx.com").
   */
  static boolean isTemplateForm(String name, List<Section> sections) {
    String n = name == null ? "" : TEMPLATE_TITLE_PUNCT.matcher(name).replaceAll("").trim().toLowerCase(java.util.Locale.ROOT);
    if (!(n.isEmpty() || Placeholders.isPlaceholder(n) || TEMPLATE_TITLES.contains(n)) || sections.size() < 2) {
      return false;
    }
    for (Section s : sections) {
      for (String line : s.text().split("\n")) {
        String value = FIELD_LABEL.matcher(line).replaceFirst("").replace("`", "").trim();
        if (!value.isEmpty() && !Placeholders.isPlaceholder(value)
            && !TEMPLATE_TITLES.contains(TEMPLATE_TITLE_PUNCT.matcher(value).replaceAll("").trim().toLowerCase(java.util.Locale.ROOT))) {
          return false;
        }
      }
    }
    return true;
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
        } else if (CitationKeys.isSourceLink(text)) {
          ctx.citations.add(Inlines.sourceCitation(link, text, line, ctx));
        } else if (CitationKeys.looksMalformed(text)) {
          ctx.warn(link, "link text '" + text.trim() + "' looks like a citation key but is not 'Source, NN'");
        }
      }
    });
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

  /** The reader of each kind of section; a kind not listed (boilerplate) is only kept verbatim. */
  private static final Map<SectionKind, SectionReader> READERS = readers();

  private static Map<SectionKind, SectionReader> readers() {
    Map<SectionKind, SectionReader> r = new EnumMap<>(SectionKind.class);
    r.put(SectionKind.TRACKER_NAME, NameReader::readName);
    r.put(SectionKind.IN_EXODUS, NameReader::readInExodus);
    r.put(SectionKind.LOCATION, LocationReader::read);
    r.put(SectionKind.WEBSITE, (s, d, ctx) -> d.websites.addAll(Blocks.links(s, ctx)));
    r.put(SectionKind.DOCUMENTATION, (s, d, ctx) -> d.documentation.addAll(Blocks.links(s, ctx)));
    r.put(SectionKind.EXTERNAL_LINKS, (s, d, ctx) -> d.externalLinks.addAll(Blocks.links(s, ctx)));
    r.put(SectionKind.ADDITIONAL_LINKS, (s, d, ctx) -> d.additionalLinks.addAll(Blocks.links(s, ctx)));
    r.put(SectionKind.ABOUT, (s, d, ctx) -> d.about.addAll(Blocks.texts(s, ctx, null)));
    r.put(SectionKind.NOTES, (s, d, ctx) -> d.notes.addAll(Blocks.texts(s, ctx, null)));
    r.put(SectionKind.OWNERSHIP, OwnershipReader::read);
    r.put(SectionKind.DETECTION_RULES, RuleReader::read);
    r.put(SectionKind.PRODUCTS, (s, d, ctx) -> d.products.addAll(ProductReader.read(s, ctx)));
    r.put(SectionKind.PRIVACY_POLICY, PolicyReader::read);
    r.put(SectionKind.RELATIONSHIPS, RelationshipReader::read);
    r.put(SectionKind.DETAILS, (s, d, ctx) -> d.details.addAll(Blocks.texts(s, ctx, null)));
    r.put(SectionKind.REFERENCES, ReferenceReader::read);
    r.put(SectionKind.CATEGORY, PackagingReader::readCategories);
    r.put(SectionKind.REPOSITORIES, PackagingReader::readRepositories);
    r.put(SectionKind.GRADLE, PackagingReader::readGradle);
    // a section of unknown kind is details under its own heading
    r.put(SectionKind.OTHER, (s, d, ctx) -> d.details.addAll(Blocks.texts(s, ctx, s.heading)));
    return Collections.unmodifiableMap(r);
  }

  private void read(SectionBlocks s, Draft d, ParseContext ctx) {
    SectionReader reader = readers.get(s.kind);
    if (reader != null) {
      reader.read(s, d, ctx);
    }
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
  // ---------------------------------------------------------------- the draft

}