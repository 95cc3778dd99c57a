package org.trackerkg.base;

import java.util.List;

/**
 * CSV meant for people's spreadsheets (RFC 4180 quoting): a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is prefixed with an apostrophe, as OWASP recommends against
 * formula injection, so a spreadsheet shows it as text. (SPARQL's own {@code text/csv} results stay as the standard
 * writes them.)
 */
public final class Csv {
  private Csv() {}

  /** One cell, neutralised and quoted when it needs to be. */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
        || v.startsWith("'")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** One line: the cells joined by commas, ended by CRLF. */
  public static String row(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    return sb.append("\r\n").toString();
  }
}
