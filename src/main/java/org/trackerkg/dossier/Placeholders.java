package org.trackerkg.dossier;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Template placeholders ("xxx", "N/A", "TBD") are absent values, not data. */
final class Placeholders {
  private static final Set<String> WORDS = Set.of("", "xxx", "xx", "x", "n/a", "na", "nc", "none", "tbd", "todo", "-", "--", "?", "??", "???", "unknown", "xxx.com",
      "not listed", "not known", "not available", "not applicable", "n.a", "tba", "to be determined", "...", "…");

  /** "xxx", "xxx.com", "com.xxx", "com.xxx.sdk": a template's stand-in, alone or as a part of a domain or package. */
  private static final Pattern XXX = Pattern.compile("(?:[a-z0-9-]+\\.)*x{3,}(?:\\.[a-z0-9-]+)*");

  private Placeholders() {}

  static boolean isPlaceholder(String value) {
    if (value == null) {
      return true;
    }
    String v = value.replace("`", "").trim().toLowerCase(Locale.ROOT);
    while (v.endsWith(".") && v.length() > 1 && !v.equals("xxx.com")) {
      v = v.substring(0, v.length() - 1).trim();
    }
    return WORDS.contains(v) || (v.contains("xxx") && XXX.matcher(v).matches()) || v.chars().allMatch(c -> c == '?');
  }
}
