package org.trackerkg.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts stated in sentences of prose, in any section (#14): owners and parent chains, acquisitions, customers and
 * clients, investors, partners, integrations, headquarters. Each is kept with the sentence it was read from, so the
 * graph marks it as read from prose and an editor can check it.
 *
 * <p>Precision first: a name is taken only when it reads as an organisation's name (capitalised words, no
 * descriptive noun after it), a list ends at the first item that is not one ("and many more", "for a longer list
 * see …", "and its debt financier is …") and at the end of its sentence, and a fact about "it" is taken only when
 * the sentence's subject is the tracker (its name, an alias, "It", "The company").
 */
final class ProseFacts {
  /** One word of an organisation's name: capitalised, a number, or camel case ("mParticle", "iHeartMedia"). */
  private static final Pattern WORD =
      Pattern.compile("(?:[\\p{Lu}\\d][\\p{L}\\p{N}&'’.+!-]*|\\p{Ll}{1,3}\\p{Lu}[\\p{L}\\p{N}&'’.+!-]*)");
  /** Lower-case words that may join the capitalised words of one name ("Bank of America", "Procter & Gamble"). */
  private static final Pattern CONNECTOR =
      Pattern.compile("\\s+(?:(?:of|de|du|des|la|le|von|van|der|&|\\+|for)\\s+(?=[\\p{Lu}\\d])|by\\s+(?=\\p{Lu}))");
  private static final Pattern SPACE_THEN_WORD = Pattern.compile("[ \\t\\n]+(?=[\\p{Lu}\\d]|\\p{Ll}{1,3}\\p{Lu})");
  private static final Pattern LEADING_THE = Pattern.compile("\\s*(?:the\\s+)?");
  private static final Pattern LEGAL_SUFFIX =
      Pattern.compile(",?\\s+(?:Inc|Ltd|LLC|GmbH|S\\.A\\.S|SAS|S\\.A|SA|N\\.V|NV|AG|Corp|Co|plc|PLC|Limited)\\b\\.?");
  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^()]{0,80}\\)");
  /** What may follow a name: punctuation, the sentence's end, or a function word (not a descriptive noun). */
  private static final Pattern BOUNDARY = Pattern.compile("\\s*(?:$|[,.;:!?)\\]\"”’/–—-]|\\[|(?:and|or|as|in|for|since|"
      + "which|who|that|with|from|to|at|on|until|after|before|when|while|through|via|among|amongst|under|but|is|was|"
      + "are|were|has|had|have|its|their|family|back|during|into|over|use|uses|invested|also|who|whose|partners|"
      + "to|by|each|both|all|among|respectively|itself|themselves|rely|relies|trust|trusts|work|works|chose|choose|depend|"
      + "depends|adopted|participate|participates|employ|employs|run|runs)\\b)");
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile("\\s*(?:,\\s*(?:(?:and|&|as well as|along with|plus)\\s+)?|\\s+/\\s+|\\s+(?:and|&|or|as well as|along with|plus)\\s+)");
  /** Capitalised words that start sentences, not names. */
  private static final Set<String> NOT_NAMES = Set.of("It", "Its", "They", "Their", "This", "That", "These",
      "Those", "He", "She", "We", "Our", "Us", "You", "The", "A", "An", "In", "On", "At", "By", "For", "Since", "As",
      "Some", "Many", "Most", "Other", "Others", "Several", "All", "Both", "Each", "Such", "Source", "See", "Series",
      "Over", "More", "Less", "About", "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December", "Today", "Currently", "Now", "Then", "There", "Here", "When",
      "While", "If", "However", "Also", "And", "Or", "But", "No", "Not", "Yes", "His", "Her", "Your", "My",
      "Who", "What", "Which", "Where", "Why", "How", "Inc", "Ltd", "LLC", "Company", "Companies", "Customers",
      "Clients", "Partners", "Investors", "Integrations", "Private", "Public", "Privately", "Publicly", "Top", "Leading",
      "Major", "Various", "Multiple", "Numerous", "Publishers", "Advertisers", "Brands", "Users", "Developers", "Apps",
      "Websites", "Sites", "Businesses", "Marketers", "Agencies", "Retailers", "Media", "Products", "Solutions", "Includes",
      "Including", "Notes", "Note", "Thus", "Therefore", "Additionally", "Furthermore", "Moreover");
  /** Words that end a name when they follow it: the next sentence's or clause's start, not more of the name. */
  private static final Set<String> NAME_STOPS = Set.of("It", "Its", "They", "Their", "The", "This", "In", "On", "At",
      "See", "Source", "For", "And", "But", "Since");
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");
  private static final Set<String> ABBREVIATIONS = Set.of("Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "St.", "Bros.");

  // ------------------------------------------------------------------ triggers (what follows each is a list)
  private static final Pattern CUSTOMERS = Pattern.compile(
      "\\b(customers|clients|users|advertisers|publishers|brands)\\s+(?:include|includes|included|are|were|such as|like|"
          + "including|comprise|have included|range from)\\s*:?\\s*|\\b(?:is|are|was|were|being|been)\\s+(?:also\\s+|now\\s+)?"
          + "(?:used|trusted)\\s+by\\s+|\\b(?:customers|clients)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern RELATIVE_END = Pattern.compile("(?i)\\b(?:which|that|who|whom|these|those)\\s*$");
  private static final Pattern USED_BY = Pattern.compile("(?i)\\b(?:used|trusted)\\s+by\\b");
  private static final Pattern INVESTORS = Pattern.compile(
      "\\b(?i:investors?|backers?|funders?|venture capital(?:ists?)?(?:\\s+firms?)?|VCs?|shareholders)\\s+(?i:include|includes|"
          + "included|are|were|such as|like|including)?\\s*:?\\s*(?=(?:the\\s+)?[\\p{Lu}\\d])"
          + "|\\b(?i:backed|funded|financed|crowdfunded|co-led|led)\\s+by\\s+|\\b(?i:funding|financing|investments?|capital)\\s+from\\s+"
          + "|\\b(?i:raised)\\b[^.;]{0,60}?\\bfrom\\s+");
  private static final Pattern PARTNERS = Pattern.compile(
      "\\b(?:teamed up|teams up|team up|partnered|partners|partnering|partner|joined forces|allied)\\s+with\\s+"
          + "|\\bpartnerships?\\s+with\\s+|\\bpartners\\s+(?:include|includes|are|such as|including)\\s*:?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern INTEGRATIONS = Pattern.compile(
      "\\b(?:integrates|integrated|integrate|integrating|integration|integrations)\\s+(?:directly\\s+)?with\\s*:?\\s*"
          + "(?:(?:include|includes|are)\\s*:?\\s*)?|\\bintegrations?\\s+(?:include|includes|such as|including)\\s*:?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern INVESTED_IN = Pattern.compile("\\s+(?:have|has|also)?\\s*(?:invested|participated)\\s+in\\b");
  private static final Pattern USE_IT = Pattern.compile("\\s+(?:use|uses|rely on|relies on|have adopted|adopted|work with)\\s+");

  private static final Pattern OWNED = Pattern.compile(
      "\\b(?:is|was|are|were|became|becomes|has become|had become|has been|had been|being)\\s+(?:now\\s+|later\\s+|also\\s+)?"
          + "(?:(?:a|an|the)\\s+)?(?:(?:wholly|fully|majority)[- ]owned\\s+)?(?:(?:owned|controlled)\\s+by|(?:subsidiary|division|"
          + "unit|service|brand|business unit|part|daughter company|affiliate)\\s+of)\\s+"
          + "|(?:,|\\()\\s*(?:(?:now|itself)\\s+)?(?:(?:a|an)\\s+)?(?:(?:wholly|fully|majority)[- ]owned\\s+)?"
          + "(?:subsidiary|division|unit|part|service)\\s+of\\s+|(?:,|\\()\\s*(?:now\\s+)?owned\\s+by\\s+");
  private static final Pattern WHICH_BEFORE = Pattern.compile("(?:,\\s*)?\\bwhich\\s+(?:itself\\s+)?$|,\\s*$|\\(\\s*$");
  private static final Pattern ACQUIRED_BY = Pattern.compile(
      "\\b(?:acquired|bought|purchased|taken over)\\s+by\\s+");
  private static final Pattern ACQUIRED = Pattern.compile("\\s+(?:acquired|bought|purchased|took over)\\s+");
  private static final Pattern YEAR = Pattern.compile("\\b(?:in|of|since)\\s+(?:(?:early|late|mid)[- ])?(?:\\p{Lu}\\p{Ll}+\\s+)?(?:\\d{1,2},?\\s+)?(19[5-9]\\d|20\\d\\d)\\b");
  private static final Pattern ANY_YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");
  private static final Pattern PRICE = Pattern.compile(
      "\\bfor\\s+(?:(a reported|reportedly|a rumou?red|an estimated|approximately|around|about|roughly|nearly|almost|some|"
          + "over|more than|less than|an undisclosed sum of|a sum of|at least|close to|up to)\\s+)?(?:(?:a|an)\\s+)?"
          + "(?:reported\\s+|estimated\\s+)?(US\\$|USD ?|\\$|€|EUR ?|£|GBP ?)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:[.,]\\d+)?)"
          + "(\\s*[-–]\\s*\\$?\\d+(?:[.,]\\d+)?)?\\s*(million|billion|thousand|mn|bn|[MBK])?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADQUARTERS = Pattern.compile(
      "\\b(?:headquartered|headquarters|based|HQ|head office|head-quartered)\\s+(?:(?:is|are)\\s+)?(?:located\\s+)?in\\s+(?:the\\s+)?"
          + "([\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*)*)(?:,\\s*([\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*)*))?"
          + "(?:,\\s*(?:the\\s+)?([\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*)*))?");
  private static final Pattern HEADQUARTERED_FIRST = Pattern.compile("^(?:Headquartered|Based)\\s+in\\s+[^,]+(?:,\\s*[^,]+)?,\\s*");
  private static final Pattern LEADING_ADVERBIAL = Pattern.compile(
      "^(?:(?:In|On|By|Since|As of|After|Before|Until|Later|Then|Today|Now|Currently|Eventually|Finally|Originally|"
          + "Meanwhile|Also|In addition)\\b[^,]{0,40},\\s*|(?:In|On|By|Since)\\s+(?:\\p{Lu}\\p{Ll}+\\s+)?(?:\\d{1,2},?\\s+)?\\d{4}\\s+)");
  private static final Pattern LEADING_YEAR = Pattern.compile("^(?:19|20)\\d\\d\\b,?\\s*");
  private static final Pattern SELF_SUBJECT = Pattern.compile(
      "^(?:It|They|The company|The firm|The startup|The business|This company|The SDK|The service|The platform|The kit|"
          + "The library|The tool|The product|The solution|The app|Its (?:SDK|platform|service|technology|product|solution|"
          + "software|library|kit|tool|app))\\b");
  private static final Pattern POSSESSIVE_START = Pattern.compile("^(.{1,60}?)['’]s\\s+(.{1,60}?)\\s+(?:is|was|are|were)\\b");
  private static final Pattern AMOUNT_THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Pattern KEY_LEGAL_SUFFIX =
      Pattern.compile(" (?:inc|ltd|llc|gmbh|sas|sa|nv|ag|corp|co|plc|limited|group)$");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
      "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
      "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI",
      "WY", "DC", "California", "New York", "Massachusetts", "Washington", "Texas", "Illinois", "Florida", "Georgia",
      "Colorado", "Oregon", "Utah", "Virginia", "Pennsylvania", "New Jersey", "Michigan", "Ohio", "North Carolina");

  private ProseFacts() {}

  /** A name found in a sentence and where it ends. */
  record Name(String name, int end) {}

  /** The facts of every prose passage of the draft (about, details, notes), added to the draft. */
  static void read(Draft d, List<LabelledText> prose) {
    Self self = new Self(d);
    for (LabelledText t : prose) {
      if (t.text() == null) {
        continue;
      }
      for (String sentence : sentences(t.text())) {
        read(sentence, t, d, self);
      }
    }
    ownersFromAcquisitions(d);
  }

  /**
   * The sentences of a passage: split after {@code . ! ?} (and a closing quote or bracket) where the next word starts
   * with a capital, a quote or a bracket, and at blank lines. The same splits as the regular expression
   * {@code (?<=[.!?]["”)]?)\s+(?=[\p{Lu}"“(\[])|\n\s*\n}, in one pass over the whitespace runs (the expression's
   * look-behind, tried at every character, was a fifth of the reader's prose time).
   */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!isSpace(text.charAt(i))) {
        continue;
      }
      int j = i;
      int newlines = 0;
      while (j < n && isSpace(text.charAt(j))) {
        newlines += text.charAt(j) == '\n' ? 1 : 0;
        j++;
      }
      if (newlines >= 2 || (endsSentence(text, i) && j < n && startsSentence(text.codePointAt(j)))) {
        addSentence(out, text.substring(start, i));
        start = j;
      }
      i = j - 1;
    }
    addSentence(out, text.substring(start));
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@code [.!?]} just before {@code at}, or before a closing quote or bracket just before it. */
  private static boolean endsSentence(String text, int at) {
    if (at < 1) {
      return false;
    }
    char c = text.charAt(at - 1);
    if (c == '"' || c == '”' || c == ')') {
      if (at < 2) {
        return false;
      }
      c = text.charAt(at - 2);
    }
    return c == '.' || c == '!' || c == '?';
  }

  private static boolean startsSentence(int cp) {
    return Character.getType(cp) == Character.UPPERCASE_LETTER || cp == '"' || cp == '“' || cp == '(' || cp == '[';
  }

  private static void addSentence(List<String> out, String s) {
    String t = s.replace('\n', ' ').trim();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  private static void read(String s, LabelledText t, Draft d, Self self) {
    // Cheap gates first: most sentences state none of these facts.
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("custom") || lower.contains("client") || lower.contains("used by") || lower.contains("trusted by")
        || lower.contains("users") || lower.contains("advertisers") || lower.contains("publishers") || lower.contains("brands")) {
      relationships(s, CUSTOMERS, null, t, d, self);
    }
    if (lower.contains("invest") || lower.contains("fund") || lower.contains("backe") || lower.contains("financ")
        || lower.contains("raised") || lower.contains("venture") || lower.contains("vc") || lower.contains("led by")
        || lower.contains("shareholder") || lower.contains("capital")) {
      relationships(s, INVESTORS, Relationship.Kind.INVESTOR, t, d, self);
      Matcher m = INVESTED_IN.matcher(s);
      if (m.find()) {
        String after = s.substring(m.end()).trim();
        if (after.matches("(?i)^(?:it|the company|the firm|the startup)\\b.*") || self.isSelf(name(after, 0))) {
          subjectList(s.substring(0, m.start()), Relationship.Kind.INVESTOR, s, t, d, self);
        }
      }
    }
    if (lower.contains("partner") || lower.contains("team") || lower.contains("joined forces") || lower.contains("allied")) {
      relationships(s, PARTNERS, Relationship.Kind.PARTNER, t, d, self);
    }
    if (lower.contains("integrat")) {
      relationships(s, INTEGRATIONS, Relationship.Kind.INTEGRATION, t, d, self);
    }
    if (lower.contains(" use") || lower.contains("rel") || lower.contains("adopted") || lower.contains("work with")) {
      Matcher m = USE_IT.matcher(s);
      while (m.find()) {
        Name object = name(s, m.end());
        if (object != null && self.isSelf(object)) {
          subjectList(s.substring(0, m.start()), Relationship.Kind.CUSTOMER, s, t, d, self);
          break;
        }
      }
    }
    if (lower.contains("owned") || lower.contains(" of ") || lower.contains("'s ") || lower.contains("’s ")) {
      owners(s, t, d, self);
    }
    if (lower.contains("acquired") || lower.contains("bought") || lower.contains("purchased") || lower.contains("took over")
        || lower.contains("taken over")) {
      acquisitions(s, t, d, self);
    }
    if (d.location == null && (lower.contains("based in") || lower.contains("headquarter") || lower.contains("hq ")
        || lower.contains("head office") || lower.contains("head-quartered"))) {
      headquarters(s, t, d, self);
    }
  }

  // ------------------------------------------------------------------ relationships

  private static void relationships(String s, Pattern trigger, Relationship.Kind fixed, LabelledText t, Draft d, Self self) {
    Matcher m = trigger.matcher(s);
    while (m.find()) {
      Relationship.Kind kind = fixed;
      if (kind == null) {
        String word = m.group(1) == null ? m.group().toLowerCase(Locale.ROOT) : m.group(1).toLowerCase(Locale.ROOT);
        kind = word.contains("client") ? Relationship.Kind.CLIENT : Relationship.Kind.CUSTOMER;
      }
      if (USED_BY.matcher(m.group()).find() && !self.isSelfSubject(s.substring(0, m.start()))) {
        continue;  // "device IDs … are used by X": only the tracker's users are its customers
      }
      if (kind == Relationship.Kind.INVESTOR && m.group().startsWith("led") && !s.toLowerCase(Locale.ROOT).matches(
          "(?s).*\\b(round|funding|rais|invest|financing|series)\\w*\\b.*")) {
        continue;  // "led by" names investors only in a sentence about funding
      }
      for (String name : list(s, m.end())) {
        add(d, self, new Relationship(kind, name, t.label(), t.citations(), t.line(), s));
      }
    }
  }

  /** "A, B and C use X", "A and B invested in it": the list is the sentence's subject. */
  private static void subjectList(String before, Relationship.Kind kind, String s, LabelledText t, Draft d, Self self) {
    String subject = LEADING_ADVERBIAL.matcher(before).replaceFirst("");
    List<String> names = list(subject, 0);
    // the whole subject must be the list: "Over 300 clients use X" names nobody
    String rebuilt = String.join(" ", names);
    if (names.isEmpty() || rebuilt.length() < subject.replaceAll("[,&/]|\\band\\b|\\bthe\\b", " ").replaceAll("\\([^)]*\\)", "")
        .replaceAll("\\s+", " ").trim().length() - 12) {
      return;
    }
    for (String name : names) {
      add(d, self, new Relationship(kind, name, t.label(), t.citations(), t.line(), s));
    }
  }

  private static void add(Draft d, Self self, Relationship r) {
    if (self.isSelf(r.name())) {
      return;
    }
    String k = key(r.name());
    for (Relationship x : d.relationships) {
      if (x.kind() == r.kind() && key(x.name()).equals(k)) {
        return;
      }
    }
    d.relationships.add(r);
  }

  // ------------------------------------------------------------------ owners and parent chains

  private static void owners(String s, LabelledText t, Draft d, Self self) {
    // "Yahoo's Flurry is …": the possessive owner of the tracker, at the start of the sentence
    Matcher p = POSSESSIVE_START.matcher(s);
    if (p.find()) {
      Name owner = name(p.group(1), 0);
      if (owner != null && owner.end() == p.group(1).length() && self.isSelf(p.group(2))) {
        addOwner(d, self, null, owner.name(), s, t);
      }
    }
    if (!mayStateOwner(s.toLowerCase(Locale.ROOT))) {
      return;
    }
    Matcher m = OWNED.matcher(s);
    String previousOwner = null;
    int previousEnd = -1;
    while (m.find()) {
      Name owner = name(s, m.end());
      if (owner == null) {
        continue;
      }
      String before = s.substring(0, m.start());
      String subject;
      if (m.group().startsWith(",") || m.group().startsWith("(")) {
        subject = trailingName(before);  // "Oath (a subsidiary of Verizon)"
      } else if (WHICH_BEFORE.matcher(before).find()) {
        // "… part of Y, which is owned by Z": Z owns the last organisation named before "which"
        String named = trailingName(WHICH_BEFORE.matcher(before).replaceFirst(""));
        subject = named != null ? named : previousOwner;
      } else {
        subject = self.subjectOf(before);
      }
      if (subject != null) {
        addOwner(d, self, subject, owner.name(), s, t);
      }
      previousOwner = owner.name();
      previousEnd = owner.end();
    }
  }

  /** subject owned by owner: an owner of the company when subject is the tracker ({@link Self#SELF}), else a chain link. */
  /** Whether {@link #OWNED} can match at all: every one of its forms has one of these words. */
  private static boolean mayStateOwner(String lower) {
    for (String w : OWNER_WORDS) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] OWNER_WORDS = {"owned", "controlled", "subsidiary", "division", "unit", "service", "brand",
      "part", "daughter", "affiliate"};

  private static void addOwner(Draft d, Self self, String subject, String owner, String s, LabelledText t) {
    if (self.isSelf(owner)) {
      return;
    }
    if (subject == null || subject.equals(Self.SELF) || self.isSelf(subject)) {
      String k = key(owner);
      if (d.owners.stream().noneMatch(o -> key(o.name()).equals(k))) {
        d.owners.add(new OrgMention(owner, t.label(), t.citations(), t.line(), s));
      }
      return;
    }
    String ks = key(subject);
    String ko = key(owner);
    if (ks.equals(ko) || d.ownerships.stream().anyMatch(o -> key(o.owned()).equals(ks) && key(o.owner()).equals(ko))) {
      return;
    }
    d.ownerships.add(new Ownership(subject, owner, s, t.citations(), t.line()));
  }

  // ------------------------------------------------------------------ acquisitions

  private static void acquisitions(String s, LabelledText t, Draft d, Self self) {
    Matcher m = ACQUIRED_BY.matcher(s);
    while (m.find()) {
      Name acquirer = name(s, m.end());
      if (acquirer == null) {
        continue;
      }
      String before = s.substring(0, m.start());
      String acquired = WHICH_BEFORE.matcher(before).find() ? trailingName(WHICH_BEFORE.matcher(before).replaceFirst(""))
          : self.subjectOf(before);
      if (acquired == null) {
        continue;
      }
      addAcquisition(d, self, acquired, acquirer.name(), s, m.start(), acquirer.end(), t);
    }
    Matcher a = ACQUIRED.matcher(s);
    while (a.find()) {
      String before = s.substring(0, a.start());
      String buyer = self.subjectOf(before);
      if (buyer == null) {
        continue;
      }
      String objectText = s.substring(a.end());
      String acquired;
      Name object = name(s, a.end());
      int end;
      if (object != null) {
        acquired = object.name();
        end = object.end();
      } else if (objectText.matches("(?i)^(?:it|the company)\\b.*")) {
        acquired = Self.SELF;
        end = a.end() + objectText.indexOf(' ') + 1;
      } else {
        continue;
      }
      if (buyer.equals(Self.SELF)) {
        buyer = self.name;
      }
      addAcquisition(d, self, acquired, buyer, s, a.start(), end, t);
    }
  }

  private static void addAcquisition(Draft d, Self self, String acquired, String acquirer, String s, int verbAt, int after,
      LabelledText t) {
    boolean selfAcquired = acquired.equals(Self.SELF) || self.isSelf(acquired);
    if (key(acquired).equals(key(acquirer))) {
      return;
    }
    // the clause the deal is stated in: up to the next ';' (another fact may follow)
    int clauseEnd = s.indexOf(';', after);
    String clause = s.substring(after, clauseEnd < 0 ? s.length() : clauseEnd);
    Integer year = null;
    Matcher y = YEAR.matcher(clause);
    if (y.find()) {
      year = Integer.valueOf(y.group(1));
    } else {
      Matcher any = ANY_YEAR.matcher(s.substring(0, verbAt));
      Set<String> years = new HashSet<>();
      String last = null;
      while (any.find()) {
        years.add(any.group(1));
        last = any.group(1);
      }
      if (years.size() == 1) {
        year = Integer.valueOf(last);  // "On July 21, 2014 Yahoo bought Flurry"
      }
    }
    BigDecimal amount = null;
    String currency = null;
    String qualifier = null;
    Matcher p = PRICE.matcher(clause);
    if (p.find()) {
      qualifier = p.group(1) == null ? null : p.group(1).toLowerCase(Locale.ROOT).replaceFirst("^an? ", "");
      if (p.group(4) == null) {  // a range ("$200-300 million") is no one amount: the text keeps it
        amount = amount(p.group(3), p.group(5));
        currency = currency(p.group(2));
      }
    }
    String acq = selfAcquired ? null : acquired;
    for (Acquisition x : d.acquisitions) {
      if (key(x.acquirer()).equals(key(acquirer)) && (x.acquired() == null ? acq == null : acq != null && key(x.acquired()).equals(key(acq)))) {
        return;
      }
    }
    d.acquisitions.add(new Acquisition(acq, acquirer, year, amount, currency, qualifier, s, t.citations(), t.line()));
  }

  static BigDecimal amount(String number, String unit) {
    String n = AMOUNT_THOUSANDS.matcher(number).matches() ? number.replace(",", "") : number.replace(',', '.');
    BigDecimal factor = switch (unit == null ? "" : unit.toLowerCase(Locale.ROOT)) {
      case "million", "mn", "m" -> BigDecimal.valueOf(1_000_000);
      case "billion", "bn", "b" -> BigDecimal.valueOf(1_000_000_000);
      case "thousand", "k" -> BigDecimal.valueOf(1_000);
      default -> BigDecimal.ONE;
    };
    return new BigDecimal(n).multiply(factor).stripTrailingZeros().setScale(0, RoundingMode.HALF_UP);
  }

  static String currency(String symbol) {
    String c = symbol.trim().toUpperCase(Locale.ROOT);
    return c.contains("€") || c.equals("EUR") ? "EUR" : c.contains("£") || c.equals("GBP") ? "GBP" : "USD";
  }

  /**
   * An acquisition makes the acquirer an owner only where the document states no owner of that organisation
   * otherwise (a later sale would make an old acquirer a wrong owner), and only the latest acquisition of it.
   */
  private static void ownersFromAcquisitions(Draft d) {
    List<Acquisition> latest = new ArrayList<>();
    for (Acquisition a : d.acquisitions) {
      latest.removeIf(x -> sameAcquired(x, a) && (a.year() != null && (x.year() == null || x.year() < a.year())));
      if (latest.stream().noneMatch(x -> sameAcquired(x, a))) {
        latest.add(a);
      }
    }
    boolean companyOwned = !d.owners.isEmpty() || !d.ownerHints.isEmpty();
    for (Acquisition a : latest) {
      if (a.acquired() == null) {
        if (!companyOwned) {
          d.owners.add(new OrgMention(a.acquirer(), null, a.citations(), a.line(), a.passage()));
        }
      } else if (d.ownerships.stream().noneMatch(o -> key(o.owned()).equals(key(a.acquired())))) {
        d.ownerships.add(new Ownership(a.acquired(), a.acquirer(), a.passage(), a.citations(), a.line()));
      }
    }
  }

  private static boolean sameAcquired(Acquisition x, Acquisition a) {
    return x.acquired() == null ? a.acquired() == null : a.acquired() != null && key(x.acquired()).equals(key(a.acquired()));
  }

  // ------------------------------------------------------------------ headquarters

  private static void headquarters(String s, LabelledText t, Draft d, Self self) {
    Matcher m = HEADQUARTERS.matcher(s);
    if (!m.find()) {
      return;
    }
    Matcher first = HEADQUARTERED_FIRST.matcher(s);
    String subject;
    if (first.find()) {
      Name n = name(s, first.end());
      subject = n != null && self.isSelf(n) ? Self.SELF : SELF_SUBJECT.matcher(s.substring(first.end())).find() ? Self.SELF : null;
    } else {
      subject = self.subjectOf(s.substring(0, m.start()));
    }
    if (!Self.SELF.equals(subject)) {
      return;  // another organisation's seat ("Its parent company … is based in …")
    }
    List<String> parts = new ArrayList<>();
    for (int g = 1; g <= 3; g++) {
      if (m.group(g) != null) {
        parts.add(m.group(g).replaceAll("[.]+$", ""));
      }
    }
    String last = parts.get(parts.size() - 1);
    String city = parts.size() > 1 ? parts.get(0) : null;
    String country;
    String code;
    if (US_STATES.contains(last) && parts.size() > 1) {
      country = "United States";
      code = "US";
    } else if ((last.length() > 2 || last.equals("UK") || last.equals("US")) && Countries.code(last) != null) {
      country = last;
      code = Countries.code(last);
    } else {
      return;  // a city alone, or a place not known as a country: not guessed
    }
    String text = s.substring(m.start(), m.end());
    d.location = new Location(country, code, city, text, t.citations(), t.line(), s);
  }

  // ------------------------------------------------------------------ names

  /** The list of names starting at {@code from}: it ends at the first item that is not a name. */
  static List<String> list(String s, int from) {
    List<String> out = new ArrayList<>();
    int i = from;
    while (out.size() < 200) {
      Name n = name(s, i);
      if (n == null) {
        break;
      }
      out.add(n.name());
      Matcher sep = LIST_SEPARATOR.matcher(s).region(n.end(), s.length());
      if (!sep.lookingAt()) {
        break;
      }
      i = sep.end();
    }
    return out;
  }

  /** The organisation's name at {@code from} (after an optional "the"), or null when none starts there. */
  static Name name(String s, int from) {
    if (from < 0 || from > s.length()) {
      return null;
    }
    Matcher the = LEADING_THE.matcher(s).region(from, s.length());
    int i = the.lookingAt() ? the.end() : from;
    StringBuilder name = new StringBuilder();
    int words = 0;
    Matcher w = WORD.matcher(s);
    while (true) {
      w.region(i, s.length());
      if (!w.lookingAt()) {
        break;
      }
      String token = w.group();
      int end = w.end();
      // a sentence's final period is no part of the name; "Inc." and "N.V." keep theirs
      while (token.endsWith(".") && !ABBREVIATIONS.contains(token) && !INITIALS.matcher(token).matches()) {
        token = token.substring(0, token.length() - 1);
        end--;
      }
      if (token.endsWith("-") || token.isEmpty()) {
        break;
      }
      if (words == 0 && NOT_NAMES.contains(token)) {
        return null;
      }
      name.append(token);
      words++;
      i = end;
      Matcher c = CONNECTOR.matcher(s).region(i, s.length());
      Matcher sp = SPACE_THEN_WORD.matcher(s).region(i, s.length());
      if (c.lookingAt()) {
        name.append(s, i, c.end());
        i = c.end();
      } else if (sp.lookingAt() && !NAME_STOPS.contains(nextWord(s, sp.end()))) {
        name.append(' ');
        i = sp.end();
      } else {
        break;
      }
    }
    if (words == 0 || words > 7) {
      return null;
    }
    String n = name.toString().trim();
    Matcher legal = LEGAL_SUFFIX.matcher(s).region(i, s.length());
    if (legal.lookingAt()) {
      n = n + s.substring(i, legal.end());
      i = legal.end();
    }
    Matcher paren = PARENTHETICAL.matcher(s).region(i, s.length());
    if (paren.lookingAt()) {
      i = paren.end();  // "(NASDAQ: FB)", "(PSI)": said of the name, no part of it
    }
    if (!BOUNDARY.matcher(s).region(i, s.length()).lookingAt()) {
      return null;  // "the Yahoo Developer network suite": a name followed by a descriptive noun is none
    }
    if (n.matches("[\\d\\s.,]+") || n.length() < 2) {
      return null;
    }
    return new Name(n, i);
  }

  private static String nextWord(String s, int at) {
    int e = at;
    while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)))) {
      e++;
    }
    return s.substring(at, e);
  }

  /** The name that ends the text ("…, Millennial Media" → "Millennial Media"), or null. */
  static String trailingName(String before) {
    String b = before.replaceAll("\\s*\\([^()]*\\)\\s*$", "").replaceAll("[\\s,]+$", "");
    Matcher m = Pattern.compile("((?:[\\p{Lu}\\d][\\p{L}\\p{N}&'’.!-]*|\\p{Ll}{1,3}\\p{Lu}[\\p{L}\\p{N}]*)"
        + "(?:\\s+(?:of|de|&)\\s+[\\p{Lu}][\\p{L}\\p{N}&'’.!-]*|\\s+[\\p{Lu}\\d][\\p{L}\\p{N}&'’.!-]*)*)$").matcher(b);
    if (!m.find()) {
      return null;
    }
    String n = m.group(1).replaceAll("^(?:\\d+,?\\s+)+", "").replaceAll("[.]$", "");
    String firstWord = n.split("\\s+")[0];
    if (NOT_NAMES.contains(firstWord)) {
      n = n.substring(firstWord.length()).trim();
    }
    return n.isEmpty() || n.matches("[\\d\\s.,]+") ? null : n;
  }

  /** Comparison key of a name: lower case, letters and digits, legal suffixes off. */
  static String key(String name) {
    String k = NON_ALNUM.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    k = k.startsWith("the ") ? k.substring(4) : k;
    return KEY_LEGAL_SUFFIX.matcher(k).replaceAll("");
  }

  /** Who "the tracker" is in its own document: its name and aliases, and the pronouns that stand for it. */
  static final class Self {
    static final String SELF = "\u0000self";
    final String name;
    private final List<String> keys = new ArrayList<>();

    Self(Draft d) {
      this.name = d.name;
      if (d.name != null) {
        keys.add(key(d.name));
      }
      d.aliases.forEach(a -> keys.add(key(a)));
      keys.removeIf(String::isEmpty);
    }

    boolean isSelf(Name n) {
      return n != null && isSelf(n.name());
    }

    /** The tracker's name or an alias, or a longer or shorter form of it ("Umeng" for "Umeng Analytics"). */
    boolean isSelf(String candidate) {
      if (candidate == null) {
        return false;
      }
      if (candidate.equals(SELF)) {
        return true;
      }
      String k = key(candidate.replaceAll("['’]s$", ""));
      if (k.isEmpty()) {
        return false;
      }
      for (String s : keys) {
        if (k.equals(s) || s.startsWith(k + " ") || k.startsWith(s + " ") || s.endsWith(" " + k)) {
          return true;
        }
      }
      return false;
    }

    /** True when the clause before a verb is about the tracker: its subject is it, or names it ("The X platform"). */
    boolean isSelfSubject(String before) {
      if (RELATIVE_END.matcher(before).find()) {
        return false;  // "… IDs which are used by X": the relative clause is about something else
      }
      if (SELF.equals(subjectOf(before))) {
        return true;
      }
      String k = " " + key(before) + " ";
      return keys.stream().anyMatch(s -> k.contains(" " + s + " ")) && !before.contains(",");
    }

    /**
     * The subject of a clause given the text before its verb: {@link #SELF} for the tracker ("It", "The company",
     * its name), another organisation's name, or null when it reads as neither.
     */
    String subjectOf(String before) {
      String b = before.trim();
      for (int i = 0; i < 3; i++) {  // "On July 21, 2014 Yahoo …", "In 2007, Axel Springer …"
        b = LEADING_YEAR.matcher(LEADING_ADVERBIAL.matcher(b).replaceFirst("")).replaceFirst("");
      }
      if (SELF_SUBJECT.matcher(b).find()) {
        return SELF;
      }
      Name n = name(b, 0);
      if (n == null) {
        return null;
      }
      if (n.name().endsWith("'s") || n.name().endsWith("’s")) {
        return null;  // "Flurry's product …": the subject is something of Flurry's
      }
      // the rest up to the verb is an apposition ("Omniture, originally an analytics company,") or a relative
      // clause ("Umeng is a company founded … and"): the sentence is still about its first name
      return isSelf(n.name()) ? SELF : n.name();
    }
  }
}
