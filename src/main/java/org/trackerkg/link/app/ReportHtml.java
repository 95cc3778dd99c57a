package org.trackerkg.link.app;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML page: inline style, no script, no image, no link that loads anything (links
 * to sources are plain anchors the reader may follow), a Content-Security-Policy that forbids every fetch, and every
 * string from the app or the data escaped.
 */
public final class ReportHtml {
  private ReportHtml() {}

  private static final String STYLE = "body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:1em auto;"
      + "padding:0 1em;color:#222}h1{font-size:1.4em}h2{font-size:1.2em;border-top:1px solid #ccc;padding-top:.6em}"
      + "dt{font-weight:600}code{background:#f4f4f4}.flag{color:#a00;font-weight:700}blockquote{margin:.3em 0 .3em 1em;"
      + "padding-left:.6em;border-left:3px solid #ddd}.none{color:#666;font-style:italic}table{border-collapse:collapse}"
      + "td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}";

  public static String write(List<AppReport> reports) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .append("<meta name=\"referrer\" content=\"no-referrer\">")
        .append("<title>App privacy report</title><style>").append(STYLE).append("</style></head><body>\n");
    sb.append("<h1>App privacy report</h1>\n");
    for (AppReport r : reports) {
      app(sb, r);
    }
    sb.append("<p class=\"none\">Trackers are found by their εxodus signatures; policy statements are read from the "
        + "tracker profiles, each with the dossier's citations. Network evidence (host names in the code) is weaker "
        + "than code evidence (class names).</p>\n</body></html>\n");
    return sb.toString();
  }

  private static void app(StringBuilder sb, AppReport r) {
    AppContents a = r.app();
    AppContents.Manifest m = a.manifest();
    sb.append("<section class=\"app\"><h2>").append(esc(m != null && m.packageName() != null ? m.packageName()
        : a.fileName())).append("</h2>\n<table>");
    row(sb, "File", a.fileName());
    if (m != null) {
      row(sb, "Package", m.packageName());
      row(sb, "Label", m.label());
      row(sb, "Version", m.versionName() == null ? null : m.versionName()
          + (m.versionCode() == null ? "" : " (" + m.versionCode() + ")"));
      row(sb, "SDK", "min " + m.minSdk() + ", target " + m.targetSdk());
      row(sb, "Components", Integer.toString(m.components().size()));
    }
    row(sb, "SHA-256", a.sha256());
    row(sb, "Code", a.classes().size() + " classes in " + String.join(", ", a.parts()));
    row(sb, "Scanned", r.scanned());
    sb.append("</table>\n<h3>Permissions</h3>");
    if (r.permissions().isEmpty()) {
      sb.append("<p class=\"none\">none</p>");
    } else {
      sb.append("<ul>");
      for (AppReport.PermissionGroup g : r.permissions()) {
        sb.append("<li>").append(g.category() == null ? "other" : "<code>" + esc(g.category().curie()) + "</code>")
            .append(": ").append(esc(String.join(", ", g.permissions()))).append("</li>");
      }
      sb.append("</ul>");
    }
    sb.append("\n<h3>Trackers</h3>");
    if (r.trackers().isEmpty()) {
      sb.append("<p class=\"none\">No known tracker found.</p>");
    }
    for (AppReport.Finding f : r.trackers()) {
      sb.append("<article class=\"tracker\"><h4>").append(esc(f.tracker().name())).append("</h4><dl>");
      if (f.maker() != null) {
        sb.append("<dt>Maker</dt><dd>").append(esc(f.maker().company().name())).append("</dd>");
        sb.append("<dt>Ultimate owner</dt><dd>").append(esc(f.maker().ultimateOwner().name())).append("</dd>");
      }
      sb.append("<dt>Evidence</dt><dd><ul>");
      for (AppReport.Evidence e : java.util.stream.Stream.concat(f.code().stream(), f.network().stream()).toList()) {
        sb.append("<li>").append(esc(e.kind())).append(" signature <code>").append(esc(e.pattern()))
            .append("</code>: ").append(e.count()).append(" match(es), e.g. ")
            .append(e.examples().stream().map(x -> "<code>" + esc(x) + "</code>").collect(Collectors.joining(", ")))
            .append("</li>");
      }
      sb.append("</ul></dd></dl>");
      if (f.profile() == null) {
        sb.append("<p class=\"none\">No policy in the data.</p>");
      } else {
        for (AppReport.Topic t : f.profile().topics()) {
          sb.append("<h5>").append(esc(t.title()));
          if (t.key().equals("retention") && f.profile().indefiniteRetention()) {
            sb.append(" <span class=\"flag\">kept indefinitely</span>");
          }
          sb.append("</h5>");
          if (!t.concepts().isEmpty()) {
            sb.append("<p>").append(t.concepts().stream().map(c -> "<code>" + esc(c.curie()) + "</code>")
                .collect(Collectors.joining(" "))).append("</p>");
          }
          if (t.clauses().isEmpty()) {
            sb.append("<p class=\"none\">The policy does not say.</p>");
          }
          for (AppReport.Clause c : t.clauses()) {
            sb.append("<blockquote><strong>").append(esc(c.label() == null ? "(unlabelled)" : c.label()))
                .append("</strong>").append(c.indefinite() ? " <span class=\"flag\">indefinitely</span>" : "")
                .append(": ").append(esc(c.text())).append("<br>Sources: ");
            sb.append(c.citations().isEmpty() ? "none cited" : c.citations().stream().map(ReportHtml::cite)
                .collect(Collectors.joining(", ")));
            sb.append("</blockquote>");
          }
        }
      }
      sb.append("</article>\n");
    }
    if (!r.hostsOnly().isEmpty()) {
      sb.append("<h3>Hosts that belong to trackers</h3><p class=\"none\">Weaker evidence: host names in the code or"
          + " manifest match these trackers' network signatures, but none of their code was found.</p><ul>");
      for (AppReport.Finding f : r.hostsOnly()) {
        for (AppReport.Evidence e : f.network()) {
          sb.append("<li>").append(esc(f.tracker().name())).append(": <code>").append(esc(e.pattern()))
              .append("</code> ").append(e.examples().stream().map(x -> "<code>" + esc(x) + "</code>")
              .collect(Collectors.joining(", "))).append("</li>");
        }
      }
      sb.append("</ul>");
    }
    sb.append("</section>\n");
  }

  private static String cite(AppReport.Citation c) {
    String url = c.url();
    boolean web = url != null && (url.startsWith("https://") || url.startsWith("http://"));
    return web ? "<a rel=\"noreferrer noopener\" href=\"" + esc(url) + "\">" + esc(c.key()) + "</a>"
        : esc(c.key());
  }

  private static void row(StringBuilder sb, String key, String value) {
    if (value != null) {
      sb.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }
  }

  /** Escapes text for element content and quoted attributes. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
