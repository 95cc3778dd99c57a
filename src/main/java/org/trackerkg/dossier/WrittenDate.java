package org.trackerkg.dossier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a dossier writes it ("5/9/2018", "18/5/2018", "May 2018", "September 18, 2017", "2018-05-09"), read
 * only as precisely as it is written: a day when the day is certain, else the month, else the year. "8/9/2018"
 * could be 8 September or 9 August (the profiles use both orders): only its year is certain, so it reads as
 * 2018. The first date of the text is the one read ("1/11/2018, last updated 1/11/2017" → 1/11/2018's year).
 *
 * @param lexical   the ISO form at that precision ("2018-05-09", "2018-05", "2018")
 * @param precision how much of it is certain
 */
public record WrittenDate(String lexical, Precision precision) {
  /** What a date says: a day, a month, or only a year. */
  public enum Precision { DAY, MONTH, YEAR }

  private static final Pattern ISO = Pattern.compile("\\b((?:19|20)\\d\\d)-(\\d{1,2})(?:-(\\d{1,2}))?\\b");
  private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("\\b(\\p{L}{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(\\p{L}{3,9})\\.?,?\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern MONTH_YEAR = Pattern.compile("\\b(\\p{L}{3,9})\\.?,?\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d\\d)\\b");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
      Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
      Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
      Map.entry("dec", 12));

  /** The first date of {@code text} at the precision it is certain to, or null when it names no year. */
  public static WrittenDate read(String text) {
    if (text == null) {
      return null;
    }
    WrittenDate best = null;
    int at = Integer.MAX_VALUE;
    Matcher m = ISO.matcher(text);
    if (m.find()) {
      best = m.group(3) == null ? month(m.group(1), Integer.parseInt(m.group(2)))
          : day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      at = best == null ? at : m.start();
    }
    m = NUMERIC.matcher(text);
    if (m.find() && m.start() < at) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      int year = Integer.parseInt(m.group(3));
      year = year < 100 ? 2000 + year : year;  // "25/10/18": the profiles are of this century
      WrittenDate w;
      if (a > 12 && b <= 12) {
        w = day(year, b, a);  // day first
      } else if (b > 12 && a <= 12) {
        w = day(year, a, b);  // month first
      } else if (a == b) {
        w = day(year, a, b);
      } else {
        w = a <= 12 && b <= 12 ? year(year) : null;  // either order: only the year is certain
      }
      if (w != null) {
        best = w;
        at = m.start();
      }
    }
    m = MONTH_DAY_YEAR.matcher(text);
    while (m.find() && m.start() < at) {
      Integer month = month(m.group(1));
      if (month != null) {
        WrittenDate w = day(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
        if (w != null) {
          best = w;
          at = m.start();
          break;
        }
      }
    }
    m = DAY_MONTH_YEAR.matcher(text);
    while (m.find() && m.start() < at) {
      Integer month = month(m.group(2));
      if (month != null) {
        WrittenDate w = day(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
        if (w != null) {
          best = w;
          at = m.start();
          break;
        }
      }
    }
    m = MONTH_YEAR.matcher(text);
    while (m.find() && m.start() < at) {
      Integer month = month(m.group(1));
      if (month != null) {
        best = month(m.group(2), month);
        at = m.start();
        break;
      }
    }
    m = YEAR.matcher(text);
    if (m.find() && m.start() < at) {
      best = year(Integer.parseInt(m.group(1)));
    }
    return best;
  }

  private static Integer month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    Integer n = w.length() < 3 ? null : MONTHS.get(w.substring(0, 3));
    if (n == null || !(FULL_MONTHS[n - 1].startsWith(w) || w.equals("sept"))) {
      return null;  // "Mayday", "Decimal": no month
    }
    return n;
  }

  private static final String[] FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};

  private static WrittenDate day(int year, int month, int day) {
    try {
      return new WrittenDate(LocalDate.of(year, month, day).toString(), Precision.DAY);
    } catch (DateTimeException e) {
      return null;  // "31/2/2018": no such day
    }
  }

  private static WrittenDate month(String year, int month) {
    return month >= 1 && month <= 12 ? new WrittenDate(String.format("%s-%02d", year, month), Precision.MONTH) : null;
  }

  private static WrittenDate year(int year) {
    return new WrittenDate(String.format("%04d", year), Precision.YEAR);
  }
}
