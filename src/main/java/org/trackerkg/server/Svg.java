package org.trackerkg.server;

import java.util.List;
import java.util.Locale;

/**
 * Small SVG pictures drawn on the server: horizontal bar charts, a heat map, an indented tree and a two-sided
 * network. No script, no external reference, every text XML-escaped; each picture has a {@code <title>} and a
 * {@code <desc>} (role="img"), and every bar or cell its own {@code <title>}, so a screen reader and a pointer alike
 * get the numbers.
 */
final class Svg {
  static final String CONTENT_TYPE = "image/svg+xml; charset=utf-8";
  private static final int ROW = 22;
  private static final String FONT = "font-family=\"system-ui, sans-serif\" font-size=\"13\"";

  /** A bar: its label and value. */
  record Bar(String label, long value) {}

  /** A node of a tree: depth, label, whether it is the one the page is about. */
  record TreeRow(int depth, String label, boolean current) {}

  private final StringBuilder sb = new StringBuilder();

  private Svg(int width, int height, String title, String desc) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"title desc\" ").append(FONT).append(">\n<title id=\"title\">")
        .append(esc(title)).append("</title>\n<desc id=\"desc\">").append(esc(desc)).append("</desc>\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  }

  private String end() {
    return sb.append("</svg>\n").toString();
  }

  private void text(double x, double y, String s, String extra) {
    sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"')
        .append(extra == null ? "" : " " + extra).append('>').append(esc(s)).append("</text>\n");
  }

  /** Horizontal bars, largest first as given; {@code desc} says what is counted. */
  static String bars(String title, String desc, List<Bar> bars) {
    int labelW = 190;
    int barW = 380;
    int height = 30 + ROW * Math.max(1, bars.size());
    Svg s = new Svg(labelW + barW + 70, height, title, desc);
    long max = bars.stream().mapToLong(Bar::value).max().orElse(1);
    int y = 10;
    if (bars.isEmpty()) {
      s.text(10, 30, "no data", null);
    }
    for (Bar b : bars) {
      double w = max == 0 ? 0 : Math.max(1, barW * (double) b.value() / max);
      s.sb.append("<g><title>").append(esc(b.label() + ": " + b.value())).append("</title>");
      s.text(labelW - 6, y + 15, shorten(b.label(), 28), "text-anchor=\"end\"");
      s.sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(num(w)).append("\" height=\"").append(ROW - 6).append("\" fill=\"#0550ae\"/>");
      s.text(labelW + w + 5, y + 15, Long.toString(b.value()), null);
      s.sb.append("</g>\n");
      y += ROW;
    }
    return s.end();
  }

  /** A heat map: rows × columns of counts, darker for more, each number written in its cell. */
  static String heatMap(String title, String desc, List<String> rows, List<String> cols, long[][] counts) {
    int labelW = 200;
    int cellW = 96;
    int head = 40;
    Svg s = new Svg(labelW + cellW * cols.size() + 10, head + ROW * rows.size() + 10, title, desc);
    long max = 1;
    for (long[] r : counts) {
      for (long c : r) {
        max = Math.max(max, c);
      }
    }
    for (int j = 0; j < cols.size(); j++) {
      s.text(labelW + cellW * j + cellW / 2.0, head - 10, shorten(cols.get(j), 14), "text-anchor=\"middle\"");
    }
    for (int i = 0; i < rows.size(); i++) {
      int y = head + ROW * i;
      s.text(labelW - 6, y + 15, shorten(rows.get(i), 28), "text-anchor=\"end\"");
      for (int j = 0; j < cols.size(); j++) {
        long c = counts[i][j];
        double shade = c == 0 ? 0 : 0.15 + 0.85 * c / max;
        s.sb.append("<g><title>").append(esc(rows.get(i) + ", " + cols.get(j) + ": " + c + " trackers"))
            .append("</title><rect x=\"").append(labelW + cellW * j + 1).append("\" y=\"").append(y + 1)
            .append("\" width=\"").append(cellW - 2).append("\" height=\"").append(ROW - 2)
            .append("\" fill=\"#0550ae\" fill-opacity=\"").append(num(shade)).append("\" stroke=\"#d0d7de\"/>");
        s.text(labelW + cellW * j + cellW / 2.0, y + 15, Long.toString(c),
            "text-anchor=\"middle\" fill=\"" + (shade > 0.5 ? "#ffffff" : "#1b1f23") + "\"");
        s.sb.append("</g>\n");
      }
    }
    return s.end();
  }

  /** An indented tree (who owns whom), each row joined to its parent by an elbow line. */
  static String tree(String title, String desc, List<TreeRow> rows) {
    int indent = 26;
    int maxDepth = rows.stream().mapToInt(TreeRow::depth).max().orElse(0);
    Svg s = new Svg(Math.max(360, 40 + indent * maxDepth + 360), 14 + ROW * Math.max(1, rows.size()), title, desc);
    for (int i = 0; i < rows.size(); i++) {
      TreeRow r = rows.get(i);
      int y = 8 + ROW * i;
      int x = 10 + indent * r.depth();
      if (r.depth() > 0) {
        int parent = i - 1;
        while (parent >= 0 && rows.get(parent).depth() >= r.depth()) {
          parent--;
        }
        int py = 8 + ROW * Math.max(0, parent) + 16;
        s.sb.append("<path d=\"M").append(x - indent + 6).append(' ').append(py).append(" V").append(y + 11)
            .append(" H").append(x - 2).append("\" fill=\"none\" stroke=\"#57606a\"/>\n");
      }
      s.sb.append("<circle cx=\"").append(x + 3).append("\" cy=\"").append(y + 11).append("\" r=\"3\" fill=\"")
          .append(r.current() ? "#a40e26" : "#0550ae").append("\"/>\n");
      s.text(x + 10, y + 15, shorten(r.label(), 60), r.current() ? "font-weight=\"bold\"" : null);
    }
    return s.end();
  }

  /** A centre with things on its left (pointing to it) and on its right (it points to), joined by lines. */
  static String network(String title, String desc, String centre, String leftHeading, List<String> left,
      String rightHeading, List<String> right) {
    int colW = 230;
    int centreW = 180;
    int width = colW * 2 + centreW + 120;
    int n = Math.max(1, Math.max(left.size(), right.size()));
    int head = 30;
    int height = head + ROW * n + 10;
    Svg s = new Svg(width, height, title, desc);
    double cx = colW + 60;
    double cy = head + ROW * n / 2.0;
    s.text(colW, 18, leftHeading, "text-anchor=\"end\" font-weight=\"bold\"");
    s.text(width - colW, 18, rightHeading, "font-weight=\"bold\"");
    side(s, left, colW, cx, cy, head, n, true);
    side(s, right, width - colW, cx + centreW, cy, head, n, false);
    s.sb.append("<rect x=\"").append(num(cx)).append("\" y=\"").append(num(cy - 14)).append("\" width=\"")
        .append(centreW).append("\" height=\"28\" rx=\"4\" fill=\"#0550ae\"/>\n");
    s.text(cx + centreW / 2.0, cy + 5, shorten(centre, 24), "text-anchor=\"middle\" fill=\"#ffffff\" font-weight=\"bold\"");
    return s.end();
  }

  private static void side(Svg s, List<String> items, double x, double joinX, double joinY, int head, int n,
      boolean left) {
    double offset = (n - items.size()) * ROW / 2.0;
    for (int i = 0; i < items.size(); i++) {
      double y = head + offset + ROW * i + 11;
      s.sb.append("<path d=\"M").append(num(left ? x + 4 : x - 4)).append(' ').append(num(y)).append(" L")
          .append(num(joinX)).append(' ').append(num(joinY)).append("\" stroke=\"#8c959f\" fill=\"none\"/>\n");
      s.text(x, y + 4, shorten(items.get(i), 32), left ? "text-anchor=\"end\"" : null);
    }
  }

  static String shorten(String s, int n) {
    String t = s == null ? "" : s.strip();
    return t.length() <= n ? t : t.substring(0, n - 1) + "…";
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  /** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            if (c != 0xFFFE && c != 0xFFFF) {
              out.append(c);
            }
          }
        }
      }
    }
    return out.toString();
  }
}
