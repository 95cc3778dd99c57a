package org.trackerkg.dossier;

/**
 * The most list items one file may hold, checked on the raw text before commonmark builds its tree: a million
 * one-line items ({@code - a}, 4 MB, well under the file-size limit) cost commonmark and the reader about 20 s and
 * 2 GB of heap, while the largest real dossier has a few hundred.
 *
 * <p>The count is of list markers at the start of a line, after any indentation and quote markers, so
 * {@code * * _Title:_} counts two. It may count a little more than commonmark would (a {@code - - -} rule, a
 * marker line inside a code block), never less: a file under the limit is always read whole.
 */
final class ListItemLimit {
  /** Items per file; real dossiers have hundreds, and 100 000 read in about 2 s. */
  static final int MAX_ITEMS = 100_000;

  /** What a file over the limit is told, at the line where the count goes over. */
  static final String MESSAGE = "more than 100 000 list items (the limit for one file); not read";

  private ListItemLimit() {}

  /**
   * The 1-based line on which the list items of {@code text}, after {@code before} already counted (the earlier
   * descriptions of an εxodus file), go over {@link #MAX_ITEMS}; 0 when they do not.
   */
  static int lineOverLimit(String text, long before) {
    long count = before;
    int line = 1;
    for (int i = 0, n = text.length(); i < n; line++) {
      count += itemsAt(text, i);
      if (count > MAX_ITEMS) {
        return line;
      }
      int eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    }
    return 0;
  }

  /** The number of list items in {@code text}, as {@link #lineOverLimit} counts them. */
  static long count(String text) {
    long count = 0;
    for (int i = 0, n = text.length(); i < n; ) {
      count += itemsAt(text, i);
      int eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    }
    return count;
  }

  /** The list markers the line starting at {@code i} begins with, after blanks and quote markers. */
  private static int itemsAt(String text, int i) {
    int items = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '>') {
        i++;
      } else if ((c == '-' || c == '*' || c == '+') && endsMarker(text, i + 1)) {
        i++;
        items++;
      } else if (c >= '0' && c <= '9') {
        int j = i;
        while (j < n && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        if (j < n && (text.charAt(j) == '.' || text.charAt(j) == ')') && endsMarker(text, j + 1)) {
          i = j + 1;
          items++;
        } else {
          return items;
        }
      } else {
        return items;
      }
    }
    return items;
  }

  /** A list marker is followed by a blank or the end of the line (or text). */
  private static boolean endsMarker(String text, int i) {
    return i >= text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
        || text.charAt(i) == '\r';
  }
}
