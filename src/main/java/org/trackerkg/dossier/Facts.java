package org.trackerkg.dossier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts stated in prose: "founded in 2013", "raised over $76 million". */
final class Facts {
  private static final Pattern FOUNDED =
      Pattern.compile("\\b(?:founded|established|launched)\\b[^.]{0,100}?\\b(1[89]\\d{2}|20\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern RAISED = Pattern.compile(
      "\\b(?:raised|raising|raise|secured|funding of|total funding of|in funding)\\s+[^.,;$€£]{0,40}?"
          + "(?:(over|more than|about|approximately|around|nearly|almost|roughly|at least|close to|an estimated|a total of)\\s+)?"
          + "(US\\$|USD ?|\\$|€|EUR ?|£|GBP ?)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:[.,]\\d+)?)\\s*(million|billion|thousand|mn|bn|[MBK])?\\b",
      Pattern.CASE_INSENSITIVE);

  /** "$84M raised": the amount before the verb. */
  private static final Pattern AMOUNT_RAISED = Pattern.compile(
      "()(US\\$|USD ?|\\$|€|EUR ?|£|GBP ?)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:[.,]\\d+)?)\\s*(million|billion|thousand|mn|bn|[MBK])?\\+?\\s+(?:in\\s+(?:total\\s+)?)?(?:funding|raised)\\b",
      Pattern.CASE_INSENSITIVE);

  private Facts() {}
  private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"”]?\\s+(?=[A-Z\"“])");

  static Founding founding(String text, List<Citation> citations, int line) {
    // FOUNDED needs one of its verbs: most prose has none, and the regex is costly to run over it.
    if (!containsIgnoreCase(text, "founded") && !containsIgnoreCase(text, "established")
        && !containsIgnoreCase(text, "launched")) {
      return null;
    }
    Matcher m = FOUNDED.matcher(text);
    return m.find() ? new Founding(Integer.parseInt(m.group(1)), sentence(text, m.start()), citations, line) : null;
  }

  static Funding funding(String text, List<Citation> citations, int line) {
    // RAISED needs "rais…", "secured" or "funding"; AMOUNT_RAISED "funding" or "raised", and both a currency.
    if (!containsIgnoreCase(text, "rais") && !containsIgnoreCase(text, "secured") && !containsIgnoreCase(text, "funding")) {
      return null;
    }
    Matcher m = RAISED.matcher(text);
    if (!m.find()) {
      m = AMOUNT_RAISED.matcher(text);
      if (!m.find()) {
        return null;
      }
    }
    BigDecimal amount = ProseFacts.amount(m.group(3), m.group(4));
    String currency = ProseFacts.currency(m.group(2));
    String qualifier = m.group(1) == null || m.group(1).isEmpty() ? null : m.group(1).toLowerCase(Locale.ROOT);
    return new Funding(amount, currency, qualifier, sentence(text, m.start()), citations, line);
  }

  /** True when text contains word (ASCII lower case) in any ASCII case, as a CASE_INSENSITIVE regex would see it. */
  static boolean containsIgnoreCase(String text, String word) {
    int n = text.length() - word.length();
    char first = word.charAt(0);
    for (int i = 0; i <= n; i++) {
      char c = text.charAt(i);
      if ((c == first || (c ^ 0x20) == first) && text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** The sentence of text around position at. */
  static String sentence(String text, int at) {
    int start = 0;
    Matcher b = SENTENCE_BREAK.matcher(text);
    int end = text.length();
    while (b.find()) {
      if (b.end() <= at) {
        start = b.end();
      } else {
        end = b.start() + 1;
        break;
      }
    }
    return text.substring(start, Math.min(end, text.length())).trim();
  }
}
