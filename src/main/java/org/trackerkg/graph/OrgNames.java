package org.trackerkg.graph;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.trackerkg.vocab.Iris;

/**
 * Normalised organisation names for entity resolution: case, accents, punctuation, spacing, a parenthetical
 * and legal suffixes (Inc., Ltd., GmbH…) do not matter, so "MixPanel" ≈ "Mixpanel" and "Oath Inc." ≈ "Oath".
 */
public final class OrgNames {
  private static final Set<String> LEGAL_SUFFIXES = Set.of(
      "inc", "incorporated", "ltd", "limited", "llc", "llp", "gmbh", "corp", "corporation", "co", "company",
      "sa", "sas", "sarl", "ag", "plc", "bv", "nv", "srl", "spa", "pty", "oy", "ab", "kk", "lp", "ug", "se");
  private static final Pattern PARENTHETICAL = Pattern.compile("\\([^)]*\\)");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private OrgNames() {}

  /** The resolution key of a name, or "" when nothing is left (a name made only of punctuation). */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String s = PARENTHETICAL.matcher(name).replaceAll(" ");
    s = Iris.asciiFold(s).toLowerCase(Locale.ROOT).replace("&", " and ");
    String[] words = NON_ALNUM.matcher(s).replaceAll(" ").trim().split(" +");
    int end = words.length;
    while (end > 1 && LEGAL_SUFFIXES.contains(words[end - 1])) {
      end--;
    }
    int start = 0;
    if (end - start > 1 && words[0].equals("the")) {
      start = 1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < end; i++) {
      sb.append(words[i]);
    }
    return sb.toString();
  }
}
