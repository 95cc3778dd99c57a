package org.trackerkg.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.trackerkg.vocab.Iris;

/**
 * Normalised organisation names for entity resolution: case, accents, punctuation, spacing, a parenthetical,
 * a trailing sentence ("Alibaba Group. Alibaba", "Verizon Communications. See …"), trailing legal forms (Inc.,
 * Ltd., GmbH…) and trailing descriptor words (Group, Holdings, Communications, Technologies…) do not matter, so
 * "MixPanel" ≈ "Mixpanel", "Oath Inc." ≈ "Oath" and "Verizon Communications" ≈ "Verizon". A name is never cut to
 * nothing: its first word always stays ("Group" alone is "group").
 */
public final class OrgNames {
  /** Legal forms, as words after punctuation is dropped ("S.A." is "s a": both letters are listed). */
  public static final Set<String> LEGAL_FORMS = Set.of(
      "inc", "incorporated", "ltd", "limited", "llc", "llp", "gmbh", "corp", "corporation", "co", "company",
      "sa", "sas", "sarl", "ag", "plc", "bv", "nv", "srl", "spa", "pty", "oy", "ab", "kk", "lp", "ug", "se");
  /**
   * Descriptor words that name the same company more formally. Deliberately short: "Media", "Mobile", "Ads",
   * "Analytics" and "Digital" are left out, since "Verizon Media", "Millennial Media" or "Google Analytics" name
   * other things than "Verizon", "Millennial" or "Google".
   */
  public static final Set<String> DESCRIPTORS = Set.of(
      "group", "holdings", "holding", "communications", "technologies", "technology", "systems", "software",
      "labs", "international", "worldwide");
  private static final Pattern PARENTHETICAL = Pattern.compile("\\([^)]*\\)");
  /** A full stop ending the name and starting another sentence: "Alibaba Group. Alibaba". */
  private static final Pattern TRAILING_SENTENCE = Pattern.compile("(?<=[a-z0-9)]{2})\\.\\s+\\p{Lu}.*$");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private OrgNames() {}

  /** The resolution key of a name, or "" when nothing is left (a name made only of punctuation). */
  public static String key(String name) {
    return String.join("", words(name));
  }

  /** A name as displayed: without a trailing sentence ("Alibaba Group. Alibaba" → "Alibaba Group"). */
  public static String display(String name) {
    return TRAILING_SENTENCE.matcher(name.strip()).replaceAll("");
  }

  /** The words of the key, in order (for "first words of a name" rules). */
  public static List<String> words(String name) {
    if (name == null) {
      return List.of();
    }
    String s = TRAILING_SENTENCE.matcher(name.strip()).replaceAll("");
    s = PARENTHETICAL.matcher(s).replaceAll(" ");
    // "Google+" is a product, not Google: a trailing plus is a word
    s = Iris.asciiFold(s).toLowerCase(Locale.ROOT).replace("&", " and ").replace("+", " plus ");
    String trimmed = NON_ALNUM.matcher(s).replaceAll(" ").trim();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    String[] words = trimmed.split(" +");
    int end = words.length;
    while (end > 1 && (LEGAL_FORMS.contains(words[end - 1]) || DESCRIPTORS.contains(words[end - 1]))) {
      end--;
    }
    int start = 0;
    if (end - start > 1 && words[0].equals("the")) {
      start = 1;
    }
    return new ArrayList<>(List.of(words).subList(start, end));
  }

  /**
   * Why two names have the same key, for the evidence of a join: which legal forms, descriptors or trailing
   * sentence were set aside, e.g. "same name without descriptor 'communications'". Empty when they differ only by
   * case, accents or punctuation.
   */
  public static String whySame(String a, String b) {
    List<String> dropped = new ArrayList<>();
    for (String n : List.of(a, b)) {
      String s = n.strip();
      if (TRAILING_SENTENCE.matcher(s).find()) {
        dropped.add("trailing sentence '" + s.substring(s.indexOf('.')).strip() + "'");
        s = TRAILING_SENTENCE.matcher(s).replaceAll("");
      }
      String[] w = NON_ALNUM.matcher(Iris.asciiFold(PARENTHETICAL.matcher(s).replaceAll(" "))
          .toLowerCase(Locale.ROOT)).replaceAll(" ").trim().split(" +");
      for (int i = w.length - 1; i > 0; i--) {
        if (LEGAL_FORMS.contains(w[i])) {
          dropped.add("legal form '" + w[i] + "'");
        } else if (DESCRIPTORS.contains(w[i])) {
          dropped.add("descriptor '" + w[i] + "'");
        } else {
          break;
        }
      }
    }
    return dropped.isEmpty() ? "same name but for case, accents or punctuation"
        : "same name without " + String.join(", ", dropped.stream().distinct().toList());
  }
}
