package org.trackerkg.base;

/**
 * CSV meant to be opened in a spreadsheet (RFC 4180, CRLF lines). A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets
 * ({@code =cmd|' /C calc'!A0}): as OWASP recommends for CSV injection, such a cell gets a leading {@code '} and is
 * quoted, so it shows as the text it is. Used by {@code link export --format csv} and the pages' CSV downloads; the
 * SPARQL endpoint's own {@code text/csv} results stay exactly as the SPARQL 1.1 CSV format says.
 */
public final class SpreadsheetCsv {
  private SpreadsheetCsv() {}

  /** Whether a spreadsheet would take the cell for a formula. */
  public static boolean looksLikeFormula(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** One cell: neutralised when it looks like a formula, quoted when it must be. */
  public static String field(String s) {
    if (s == null) {
      return "";
    }
    boolean formula = looksLikeFormula(s);
    String v = formula ? "'" + s : s;
    if (formula || v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** One line: the cells joined by commas, each as {@link #field}, ended by CRLF. */
  public static String row(java.util.List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(cells.get(i)));
    }
    return sb.append("\r\n").toString();
  }
}
