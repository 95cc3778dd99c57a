package org.trackerkg.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The DPV annotation rules of {@code dpv-rules.tsv}: one readable table of {@code property concept pattern note}.
 * A rule whose pattern is found in a clause's text annotates the clause, keeping the matched words as evidence.
 * The concept {@code TEMPORAL} marks the retention-period rule: its groups give a number and a unit, turned into an
 * ISO 8601 duration ("12 months" → {@code P12M}).
 */
public final class DpvRules {
  public static final String RESOURCE = "/org/trackerkg/graph/dpv-rules.tsv";
  public static final String TEMPORAL = "TEMPORAL";

  private static final Map<String, String> PREFIXES = Map.of(
      "dpv", Vocab.DPV, "pd", Vocab.PD, "loc", Vocab.LOC, "tkg", TKG.NS, "tech", Vocab.TECH);
  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twelve", 12), Map.entry("eighteen", 18),
      Map.entry("twenty-four", 24), Map.entry("thirty", 30), Map.entry("sixty", 60), Map.entry("ninety", 90));

  /** One row of the table. {@code concept} is an IRI, or {@link #TEMPORAL}. */
  public record Rule(String property, String concept, Pattern pattern, int line) {}

  /** A rule that matched: the property and concept IRIs, the matched words, and for TEMPORAL the duration. */
  public record Match(String property, String concept, String evidence, String duration) {}

  private final List<Rule> rules;

  private DpvRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static DpvRules load() {
    try (InputStream in = DpvRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DpvRules parse(String tsv) {
    List<Rule> rules = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(tsv))) {
      String s;
      int n = 0;
      boolean header = true;
      while ((s = r.readLine()) != null) {
        n++;
        if (s.isBlank() || s.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          if (s.startsWith("property")) {
            continue;
          }
        }
        String[] cols = s.split("\t", -1);
        if (cols.length < 3) {
          throw new IllegalArgumentException("dpv-rules.tsv:" + n + ": expected property, concept, pattern");
        }
        String concept = cols[1].strip().equals(TEMPORAL) ? TEMPORAL : expand(cols[1].strip(), n);
        rules.add(new Rule(expand(cols[0].strip(), n), concept,
            Pattern.compile(cols[2].strip(), Pattern.CASE_INSENSITIVE), n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DpvRules(rules);
  }

  static String expand(String curie, int line) {
    int colon = curie.indexOf(':');
    String ns = colon < 0 ? null : PREFIXES.get(curie.substring(0, colon));
    if (ns == null) {
      throw new IllegalArgumentException("dpv-rules.tsv:" + line + ": unknown prefix in " + curie);
    }
    return ns + curie.substring(colon + 1);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Every annotation the text triggers, one per (property, concept), first evidence kept, in table order. */
  public List<Match> annotate(String text) {
    Map<String, Match> out = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(text);
      if (rule.concept().equals(TEMPORAL)) {
        while (m.find()) {
          String d = duration(m);
          if (d != null) {
            out.putIfAbsent(rule.property() + " " + d, new Match(rule.property(), TEMPORAL, m.group(), d));
          }
        }
      } else if (m.find()) {
        out.putIfAbsent(rule.property() + " " + rule.concept(),
            new Match(rule.property(), rule.concept(), m.group(), null));
      }
    }
    return List.copyOf(out.values());
  }

  private static String duration(Matcher m) {
    if (m.groupCount() < 2 || m.group(1) == null || m.group(2) == null) {
      return null;
    }
    String num = m.group(1).toLowerCase(Locale.ROOT);
    Integer n = num.chars().allMatch(Character::isDigit) && num.length() < 6 ? Integer.valueOf(num) : WORDS.get(num);
    if (n == null || n == 0) {
      return null;
    }
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    if (unit.startsWith("day")) {
      return "P" + n + "D";
    } else if (unit.startsWith("week")) {
      return "P" + (n * 7) + "D";
    } else if (unit.startsWith("month")) {
      return "P" + n + "M";
    } else if (unit.startsWith("year")) {
      return "P" + n + "Y";
    }
    return null;
  }
}
