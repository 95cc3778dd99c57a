package org.trackerkg.link;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.base.Domains;
import org.trackerkg.graph.OrgNames;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * {@code tkg link import}: Wikidata links for organisations from a file a user brought back from Wikidata, matched
 * against the data and written into {@code data/links/wikidata.tsv} with their evidence. Two kinds of file:
 * <ul>
 *   <li>the CSV result of {@code queries/wikidata/organisations-by-website.rq} run at the Wikidata Query Service
 *       (columns {@code item}, {@code itemLabel}, {@code website}): a row is accepted when its official website's
 *       registrable domain is the website domain of exactly one organisation's trackers <em>and</em> its label
 *       names that same organisation — a website alone ("Gmail" on mail.google.com) or a name alone ("Adjust" on
 *       another domain) is not enough;</li>
 *   <li>an OpenRefine export of {@code tkg link export --format csv} reconciled against Wikidata, with the match's
 *       Q-id ({@code qid}) and name ({@code match name}) added as columns (optionally {@code judgment} and
 *       {@code website}): accepted when the row's {@code id} is an organisation, the judgment (if given) is
 *       {@code matched}, the match's name names that organisation and a website given agrees with its domains.</li>
 * </ul>
 * Never an ambiguous link: an organisation two Q-ids match, a Q-id two organisations match, an organisation the
 * links file already ties to another Q-id, or a Q-id it already gives another organisation: all rejected, with why.
 */
public final class WikidataImport {
  private static final Pattern QID = Pattern.compile("(?:https?://www\\.wikidata\\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)");
  /** The header of a new links file (the same as the shipped one's). */
  static final String NEW_FILE_HEADER = """
      # Wikidata entities of organisations in tracker-kg: owl:sameAs and schema:sameAs from {base}id/org/{slug}.
      # Columns (tab-separated): organisation slug or name, Wikidata Q-id, note of evidence.
      # A row that names no organisation in the data is a warning, not an error. Never guess a Q-id: check the item.
      # Licence of this file: CC0 1.0.
      organisation	qid	evidence
      """;

  /** Which kind of file was read. */
  public enum Kind { WDQS, OPENREFINE }

  /** A row accepted: the organisation's slug, the Q-id, the evidence in words, the row's line. */
  public record Accepted(String slug, String qid, String evidence, int line) {}

  /** A row not accepted and why; {@code known} when the links file already has exactly this link. */
  public record Rejected(int line, String qid, String name, String why, boolean known) {
    @Override
    public String toString() {
      return (qid.isEmpty() ? "" : qid + " ") + "\"" + name + "\": " + why;
    }
  }

  /** What an import decided. */
  public record Result(Kind kind, List<Accepted> accepted, List<Rejected> rejected) {}

  /** A file that is neither kind, or unreadable as CSV: {@code line} is where. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    FormatException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** One row read, whatever the kind: what it links, and what vouches for it. */
  private record Row(int line, String qid, String name, String website, String ref, String judgment) {}

  /** A row that matched one organisation, waiting for the uniqueness checks. */
  private record Candidate(Row row, String org, String evidence) {}

  private WikidataImport() {}

  /**
   * Matches the rows of {@code csv} against the organisations of {@code dsg}, given the links file as it stands
   * ({@code existing}, or null when there is none yet).
   */
  public static Result match(Path csv, DatasetGraph dsg, Iris iris, WikidataLinks.Table existing)
      throws IOException, FormatException {
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    String name = csv.getFileName().toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<CSVRecord> records;
    try (Reader r = new StringReader(text);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
            .get().parse(r)) {
      Map<String, Integer> columns = new LinkedHashMap<>();
      p.getHeaderNames().forEach(h -> columns.putIfAbsent(column(h), p.getHeaderMap().get(h)));
      records = p.getRecords();
      Kind kind = columns.containsKey("item") ? Kind.WDQS
          : columns.containsKey("id") && first(columns, "qid", "wikidataqid", "matchid", "reconmatchid") != null
              ? Kind.OPENREFINE : null;
      if (kind == null) {
        throw new FormatException(1, "neither a Wikidata Query Service result (columns item, itemLabel, website) nor"
            + " an OpenRefine export (columns id and qid), columns: " + String.join(", ", p.getHeaderNames()));
      }
      List<Row> rows = new ArrayList<>();
      int line = 1;
      int at = 0;
      for (CSVRecord rec : records) {
        // the 1-based line where the record starts (a quoted field may hold newlines, so records are not lines)
        for (; at < rec.getCharacterPosition() && at < text.length(); at++) {
          line += text.charAt(at) == '\n' ? 1 : 0;
        }
        if (kind == Kind.WDQS) {
          rows.add(new Row(line, value(rec, columns, "item"), value(rec, columns, "itemlabel", "label"),
              value(rec, columns, "website", "officialwebsite"), "", ""));
        } else {
          rows.add(new Row(line, value(rec, columns, "qid", "wikidataqid", "matchid", "reconmatchid"),
              value(rec, columns, "matchname", "reconmatchname", "wikidatalabel"),
              value(rec, columns, "website", "officialwebsite", "p856"), value(rec, columns, "id"),
              value(rec, columns, "judgment", "reconjudgment")));
        }
      }
      return decide(kind, name, rows, new Data(dsg, iris), existing);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new FormatException(1, "not readable as CSV: " + e.getMessage());
    }
  }

  /** Website domain → organisation IRI → the evidence that makes it that organisation's (see {@link Data}). */
  static Map<String, Map<String, String>> websiteDomains(DatasetGraph dsg, Iris iris) {
    return new Data(dsg, iris).byDomain;
  }

  /** The links file with the accepted rows appended (sorted by organisation, then Q-id), as its new text. */
  public static String merged(String existingText, List<Accepted> accepted) {
    StringBuilder sb = new StringBuilder(existingText == null || existingText.isEmpty() ? NEW_FILE_HEADER
        : existingText);
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
      sb.append('\n');
    }
    accepted.stream().sorted(Comparator.comparing(Accepted::slug).thenComparing(Accepted::qid))
        .forEach(a -> sb.append(a.slug()).append('\t').append(a.qid()).append('\t')
            .append(a.evidence().replaceAll("[\\t\\r\\n]+", " ")).append('\n'));
    return sb.toString();
  }

  /** Writes {@link #merged} into {@code out} atomically; the file's previous text (or none) is kept before. */
  public static void write(Path out, List<Accepted> accepted) throws IOException {
    String before = Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.UTF_8) : null;
    byte[] bytes = merged(before, accepted).getBytes(StandardCharsets.UTF_8);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    AtomicFile.write(out, o -> o.write(bytes));
  }

  private static Result decide(Kind kind, String file, List<Row> rows, Data data, WikidataLinks.Table existing) {
    List<Rejected> rejected = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (Row row : rows) {
      Matcher m = QID.matcher(row.qid());
      if (!m.matches()) {
        rejected.add(new Rejected(row.line(), "", row.name(), row.qid().isEmpty() ? "no Wikidata Q-id"
            : "malformed Wikidata Q-id \"" + row.qid() + "\"", false));
        continue;
      }
      Row r = new Row(row.line(), m.group(1), row.name(), row.website(), row.ref(), row.judgment());
      Object c = kind == Kind.WDQS ? wdqs(file, r, data) : openRefine(file, r, data);
      if (c instanceof Candidate cand) {
        candidates.add(cand);
      } else {
        rejected.add(new Rejected(r.line(), r.qid(), r.name(), (String) c, false));
      }
    }
    // what the links file already says: organisation → Q-ids, Q-id → rows' names
    Map<String, Set<String>> linkedOrg = new TreeMap<>();
    Map<String, String> linkedQid = new TreeMap<>();
    if (existing != null) {
      for (WikidataLinks.Entry e : existing.entries()) {
        String org = data.orgs.resolve(e.org());
        if (org != null) {
          linkedOrg.computeIfAbsent(org, k -> new TreeSet<>()).add(e.qid());
        }
        linkedQid.putIfAbsent(e.qid(), org != null ? org : e.org());
      }
    }
    Map<String, Set<String>> qidsByOrg = new TreeMap<>();
    Map<String, Set<String>> orgsByQid = new TreeMap<>();
    for (Candidate c : candidates) {
      qidsByOrg.computeIfAbsent(c.org(), k -> new TreeSet<>()).add(c.row().qid());
      orgsByQid.computeIfAbsent(c.row().qid(), k -> new TreeSet<>()).add(c.org());
    }
    List<Accepted> accepted = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Candidate c : candidates) {
      String org = c.org();
      String qid = c.row().qid();
      String slug = data.slug(org);
      String why = null;
      boolean known = false;
      if (qidsByOrg.get(org).size() > 1) {
        why = "ambiguous: " + slug + " is matched to " + String.join(", ", qidsByOrg.get(org)) + " by this file";
      } else if (orgsByQid.get(qid).size() > 1) {
        why = "ambiguous: " + qid + " matches " + String.join(", ", orgsByQid.get(qid).stream().map(data::slug)
            .toList()) + " in this file";
      } else if (linkedOrg.getOrDefault(org, Set.of()).contains(qid)) {
        why = "already in the links file (" + slug + " " + qid + ")";
        known = true;
      } else if (linkedOrg.containsKey(org)) {
        why = slug + " is already linked to " + String.join(", ", linkedOrg.get(org)) + " in the links file";
      } else if (linkedQid.containsKey(qid)) {
        String other = linkedQid.get(qid);
        why = qid + " is already linked to " + (data.orgs.bySlug().containsValue(other) ? data.slug(other) : other)
            + " in the links file";
      } else if (!done.add(org)) {
        why = "the same link as an earlier row";
        known = true;
      }
      if (why != null) {
        rejected.add(new Rejected(c.row().line(), qid, c.row().name(), why, known));
      } else {
        accepted.add(new Accepted(slug, qid, c.evidence(), c.row().line()));
      }
    }
    rejected.sort(Comparator.comparingInt(Rejected::line));
    accepted.sort(Comparator.comparing(Accepted::slug));
    return new Result(kind, List.copyOf(accepted), List.copyOf(rejected));
  }

  /** A WDQS row: a Candidate when the website's domain and the label name the same one organisation, else why not. */
  private static Object wdqs(String file, Row r, Data data) {
    if (r.website().isBlank()) {
      return "no official website";
    }
    String domain = Domains.registrableOfUrl(r.website());
    if (domain == null || !domain.contains(".")) {
      return "official website \"" + r.website() + "\" has no registrable domain";
    }
    if (Domains.isHosting(r.website())) {
      return "official website " + r.website() + " is on a hosting or aggregator domain (" + domain
          + "): it says nothing about who the organisation is";
    }
    Set<String> byDomain = data.byDomain.getOrDefault(domain, Map.of()).keySet();
    Set<String> byName = data.orgs.named(r.name());
    if (byDomain.size() > 1) {
      return "website domain " + domain + " belongs to several organisations: " + slugs(data, byDomain);
    }
    if (byDomain.isEmpty()) {
      return byName.isEmpty() ? "no organisation in the data has website domain " + domain + " or this name"
          : "the name matches " + slugs(data, byName) + ", but website domain " + domain + " is not a website"
              + " domain of its trackers (a name alone is not enough)";
    }
    String org = byDomain.iterator().next();
    if (!byName.contains(org)) {
      return "website domain " + domain + " belongs to " + data.slug(org) + ", but the label "
          + (byName.isEmpty() ? "does not name it" : "names " + slugs(data, byName))
          + " (a website alone is not enough)";
    }
    return new Candidate(r, org, "WDQS organisations-by-website (" + file + ":" + r.line() + "): label \""
        + r.name() + "\" names " + data.label(org) + "; official website " + r.website() + " → " + domain + ", "
        + data.byDomain.get(domain).get(org));
  }

  /** An OpenRefine row: a Candidate when the reconciled match's name (and a website, if given) confirm it. */
  private static Object openRefine(String file, Row r, Data data) {
    String ref = r.ref().strip();
    String local = ref.startsWith(data.iris.base() + "id/") ? ref.substring((data.iris.base() + "id/").length())
        : ref;
    if (local.startsWith("tracker/")) {
      return local + " is a tracker: import links organisations only";
    }
    String slug = local.startsWith("org/") ? local.substring(4) : local;
    String org = data.orgs.bySlug().get(slug);
    if (org == null) {
      return "id \"" + ref + "\" is no organisation in the data";
    }
    if (!r.judgment().isBlank() && !r.judgment().strip().equalsIgnoreCase("matched")) {
      return "judgment \"" + r.judgment().strip() + "\", not matched";
    }
    if (r.name().isBlank()) {
      return "no match name to confirm the reconciliation (add a column with cell.recon.match.name)";
    }
    if (!data.orgs.named(r.name()).contains(org)) {
      return "the match's name does not name " + data.label(org) + " (a reconciliation score alone is not enough)";
    }
    String evidence = "OpenRefine reconciliation (" + file + ":" + r.line() + ") of " + local + ": match \""
        + r.name() + "\" names " + data.label(org);
    if (!r.website().isBlank()) {
      String domain = Domains.registrableOfUrl(r.website());
      Map<String, String> domains = data.domainsOf(org);
      if (!domains.isEmpty() && !domains.containsKey(domain)) {
        return "official website " + r.website() + " (" + domain + ") is not a website domain of " + data.label(org)
            + "'s trackers (" + String.join(", ", domains.keySet()) + ")";
      }
      if (domains.containsKey(domain)) {
        evidence += "; official website " + r.website() + " → " + domain + ", " + domains.get(domain);
      }
    }
    return new Candidate(r, org, evidence);
  }

  private static String slugs(Data data, Set<String> orgs) {
    return String.join(", ", orgs.stream().map(data::slug).toList());
  }

  /** Lower case, letters and digits only: "itemLabel" → "itemlabel", "Match name" → "matchname". */
  private static String column(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String first(Map<String, Integer> columns, String... names) {
    for (String n : names) {
      if (columns.containsKey(n)) {
        return n;
      }
    }
    return null;
  }

  private static String value(CSVRecord rec, Map<String, Integer> columns, String... names) {
    String c = first(columns, names);
    if (c == null) {
      return "";
    }
    int i = columns.get(c);
    return i < rec.size() ? rec.get(i).strip() : "";
  }

  /**
   * What the data says about organisations for matching: names, and website domains. A domain is an
   * organisation's when a tracker it makes (or a subsidiary makes) has a website on it and the domain's first label
   * is the organisation's name (google.com for Google, from firebase.google.com): a shared or bought product's site
   * (crashlytics.com for Google) is not.
   */
  private static final class Data {
    final Iris iris;
    final WikidataLinks.Organisations orgs;
    /** domain → organisation → evidence ("website of its tracker Google Analytics"). */
    final Map<String, Map<String, String>> byDomain = new TreeMap<>();
    final Map<String, String> labels = new TreeMap<>();

    Data(DatasetGraph dsg, Iris iris) {
      this.iris = iris;
      this.orgs = WikidataLinks.Organisations.of(dsg, iris);
      Map<String, Set<String>> keysOf = new TreeMap<>();
      orgs.byKey().forEach((k, os) -> os.forEach(o -> keysOf.computeIfAbsent(o, x -> new TreeSet<>()).add(k)));
      for (String o : orgs.bySlug().values()) {
        dsg.find(Node.ANY, iri(o), Vocab.label, Node.ANY).forEachRemaining(q -> {
          if (q.getObject().isLiteral()) {
            labels.merge(o, q.getObject().getLiteralLexicalForm(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
          }
        });
      }
      Map<String, Set<String>> owners = new TreeMap<>();
      dsg.find(Node.ANY, Node.ANY, TKG.owner.asNode(), Node.ANY).forEachRemaining(q -> {
        if (q.getSubject().isURI() && q.getObject().isURI()) {
          owners.computeIfAbsent(q.getSubject().getURI(), k -> new TreeSet<>()).add(q.getObject().getURI());
        }
      });
      Set<String> trackers = new TreeSet<>();
      dsg.find(Node.ANY, Node.ANY, Vocab.type, TKG.Tracker.asNode()).forEachRemaining(q -> {
        if (q.getSubject().isURI()) {
          trackers.add(q.getSubject().getURI());
        }
      });
      for (String t : trackers) {
        Set<String> urls = new TreeSet<>();
        dsg.find(Node.ANY, iri(t), Vocab.schemaUrl, Node.ANY).forEachRemaining(q -> urls.add(
            q.getObject().isURI() ? q.getObject().getURI() : q.getObject().getLiteralLexicalForm()));
        Set<String> chain = new TreeSet<>();
        dsg.find(Node.ANY, iri(t), TKG.company.asNode(), Node.ANY).forEachRemaining(q -> {
          if (q.getObject().isURI()) {
            up(q.getObject().getURI(), owners, chain);
          }
        });
        String trackerName = label(dsg, t);
        for (String url : urls) {
          String domain = Domains.registrableOfUrl(url);
          if (domain == null || !domain.contains(".") || Domains.isHosting(url)) {
            continue;
          }
          String key = OrgNames.key(Domains.label(domain));
          for (String o : chain) {
            if (keysOf.getOrDefault(o, Set.of()).contains(key)) {
              byDomain.computeIfAbsent(domain, k -> new TreeMap<>()).putIfAbsent(o,
                  "the website domain of its tracker " + trackerName + " (" + url + ")");
            }
          }
        }
      }
    }

    private static void up(String org, Map<String, Set<String>> owners, Set<String> chain) {
      if (chain.add(org)) {
        owners.getOrDefault(org, Set.of()).forEach(o -> up(o, owners, chain));
      }
    }

    private static String label(DatasetGraph dsg, String iri) {
      Set<String> ls = new TreeSet<>();
      dsg.find(Node.ANY, iri(iri), Vocab.label, Node.ANY).forEachRemaining(q -> {
        if (q.getObject().isLiteral()) {
          ls.add(q.getObject().getLiteralLexicalForm());
        }
      });
      return ls.isEmpty() ? iri : ls.iterator().next();
    }

    private static Node iri(String s) {
      return org.apache.jena.graph.NodeFactory.createURI(s);
    }

    Map<String, String> domainsOf(String org) {
      Map<String, String> out = new TreeMap<>();
      byDomain.forEach((d, os) -> {
        if (os.containsKey(org)) {
          out.put(d, os.get(org));
        }
      });
      return out;
    }

    String slug(String org) {
      String base = iris.org("");
      return org.startsWith(base) ? org.substring(base.length()) : org;
    }

    String label(String org) {
      return labels.getOrDefault(org, slug(org));
    }
  }
}
