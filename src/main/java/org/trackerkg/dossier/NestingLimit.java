package org.trackerkg.dossier;

/**
 * How deeply a file's lists and quotes may nest, counted on the raw lines before commonmark builds its tree. Whether
 * a very deep tree could be read used to depend on how much stack the JIT's frames happened to take (a file of 2 500
 * increasingly indented items gave exit codes 2,2,2,2,0,2 over six identical runs); a count gives the same answer
 * every time, far below the depth where the stack would run out.
 *
 * <p>A line's depth is counted as its quote markers ({@code >}), its list markers ({@code -}, {@code *}, {@code +},
 * {@code 1.}, {@code 1)}) and one level per two columns of indentation (a tab is four): every nested container needs
 * a marker or at least two columns more than its parent, so the count is never below commonmark's depth, and a file
 * under the limit is always read whole. Real dossiers nest three or four levels.
 */
final class NestingLimit {
  static final int MAX_DEPTH = 256;

  static final String MESSAGE = "lists or quotes nested more than " + MAX_DEPTH + " levels deep (the limit); not read";

  private NestingLimit() {}

  /** The 1-based line whose nesting is counted deeper than {@link #MAX_DEPTH}; 0 when none is. */
  static int lineOverLimit(String text) {
    int line = 1;
    for (int i = 0, n = text.length(); i < n; line++) {
      if (depthAt(text, i) > MAX_DEPTH) {
        return line;
      }
      int eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    }
    return 0;
  }

  /** The depth of the line starting at {@code i}, as the class comment counts it. */
  static int depthAt(String text, int i) {
    int containers = 0;
    int columns = 0;
    int n = text.length();
    boolean afterMarker = false; // the one blank that ends a marker is not indentation
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        if (!afterMarker) {
          columns += c == '\t' ? 4 : 1;
        }
        afterMarker = false;
        i++;
      } else if (c == '>') {
        containers++;
        afterMarker = true;
        i++;
      } else if ((c == '-' || c == '*' || c == '+') && endsMarker(text, i + 1)) {
        containers++;
        afterMarker = true;
        i++;
      } else if (c >= '0' && c <= '9') {
        int j = i;
        while (j < n && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        if (j < n && (text.charAt(j) == '.' || text.charAt(j) == ')') && endsMarker(text, j + 1)) {
          containers++;
          afterMarker = true;
          i = j + 1;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return containers + columns / 2;
  }

  private static boolean endsMarker(String text, int i) {
    return i >= text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
        || text.charAt(i) == '\r';
  }
}
