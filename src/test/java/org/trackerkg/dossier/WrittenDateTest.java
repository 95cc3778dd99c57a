package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Dates read only as precisely as they are written (a policy's "as of" date, #14). */
class WrittenDateTest {
  private static String read(String text) {
    WrittenDate d = WrittenDate.read(text);
    return d == null ? null : d.lexical() + " " + d.precision();
  }

  @Test
  void aCertainDayIsADate() {
    assertEquals("2018-05-18 DAY", read("18/5/2018, reviewed 18/11/2018"), "day first: 18 is no month");
    assertEquals("2018-12-27 DAY", read("12/27/2018"), "month first: 27 is no month");
    assertEquals("2017-09-18 DAY", read("September 18, 2017"));
    assertEquals("2019-06-03 DAY", read("3 June 2019"));
    assertEquals("2020-02-29 DAY", read("2020-02-29"));
    assertEquals("2018-10-25 DAY", read("25/10/18"), "a two-digit year");
    assertEquals("2018-05-05 DAY", read("5/5/2018"), "the same either way");
  }

  @Test
  void anAmbiguousDayOrAMonthKeepsOnlyWhatIsCertain() {
    assertEquals("2018 YEAR", read("8/9/2018"), "8 September or 9 August: only the year is certain");
    assertEquals("2018-05 MONTH", read("May 2018, reviewed 25/10/18"), "the first date is the one read");
    assertEquals("2019 YEAR", read("early 2019"));
    assertNull(read("the date of this policy"));
    assertEquals("2018 YEAR", read("31/2/2018"), "no such day: its year is still written");
  }
}
