package org.trackerkg.dossier;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a citation key looks like ("mParticle, 04") and how keys are compared (case, spaces, leading zeros). */
public final class CitationKeys {
  /** "Source, NN" with an optional trailing letter; the source may contain spaces, dots and hyphens. */
  private static final Pattern KEY = Pattern.compile("^\\s*([^,\\[\\]()]{1,60}?)\\s*,\\s*0*(\\d{1,4})\\s*$");
  /** Text that was probably meant as a key but lacks the comma ("Crunchbase 01") or has a stray period. */
  private static final Pattern ALMOST = Pattern.compile("^\\s*[A-Z][\\w .&-]{0,40}?[\\s.,;]+\\d{1,3}\\s*[.,;]?\\s*$");
  private static final Pattern WS = Pattern.compile("\\s+");
  /** "[Source: BusinessWire](url)", "[See: X](url)", "[(Source)](url)": a link naming its source without a key. */
  private static final Pattern SOURCE_LINK =
      Pattern.compile("(?i)^\\s*\\(?\\s*(?:source|sources|see|via|ref|reference|cf\\.?)\\s*(?::\\s*[^\\[\\]]{1,80}?)?\\s*\\)?\\s*$");

  private CitationKeys() {}

  public static boolean isKey(String text) {
    // KEY needs a comma: most link texts have none.
    return text != null && text.indexOf(',') >= 0 && KEY.matcher(text).matches() && !text.contains("://");
  }

  /** True for the text of a link that cites its source without a key ("Source: X", "See: X", "(Source)"). */
  public static boolean isSourceLink(String text) {
    return text != null && text.length() <= 100 && SOURCE_LINK.matcher(text).matches() && !text.contains("://");
  }

  /** True for link text that looks like a botched citation key, worth a warning. */
  static boolean looksMalformed(String text) {
    return text != null && !isKey(text) && hasDigit(text) && ALMOST.matcher(text).matches() && !text.contains("://");
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The form used to match a citation to a reference: lower case, single spaces, no leading zeros. */
  public static String normalise(String key) {
    Matcher m = KEY.matcher(key == null ? "" : key);
    if (!m.matches()) {
      return key == null ? "" : WS.matcher(key.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
    String source = WS.matcher(m.group(1).trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
    return source + ", " + Integer.parseInt(m.group(2));
  }
}
