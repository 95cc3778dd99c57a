package org.trackerkg.link.app;

import java.util.List;
import java.util.stream.Collectors;

/** The report for a terminal: plain text, one app after another. */
public final class ReportText {
  private ReportText() {}

  public static String write(AppReport r) {
    StringBuilder sb = new StringBuilder();
    AppContents a = r.app();
    AppContents.Manifest m = a.manifest();
    sb.append("== ").append(a.fileName()).append('\n');
    if (m != null) {
      line(sb, "package", m.packageName());
      line(sb, "version", join(m.versionName(), m.versionCode() == null ? null : "(" + m.versionCode() + ")"));
      line(sb, "sdk", join(m.minSdk() == null ? null : "min " + m.minSdk(),
          m.targetSdk() == null ? null : "target " + m.targetSdk()));
      line(sb, "components", String.valueOf(m.components().size()));
    }
    line(sb, "kind", a.kind());
    line(sb, "sha-256", a.sha256());
    line(sb, "size", a.size() + " bytes");
    line(sb, "code", a.classes().size() + " classes in " + String.join(", ", a.parts()));
    line(sb, "scanned", r.scanned());
    if (!r.permissions().isEmpty()) {
      sb.append("permissions:\n");
      for (AppReport.PermissionGroup g : r.permissions()) {
        sb.append("  ").append(g.category() == null ? "other" : g.category().curie()).append(": ")
            .append(String.join(", ", g.permissions())).append('\n');
      }
    }
    sb.append("trackers: ").append(r.trackers().isEmpty() ? "none found" : r.trackers().size()).append('\n');
    for (AppReport.Finding f : r.trackers()) {
      sb.append("\n* ").append(f.tracker().name()).append(" (").append(f.tracker().slug()).append(")\n");
      if (f.maker() != null) {
        line(sb, "  maker", f.maker().company().name());
        if (!f.maker().owners().isEmpty()) {
          line(sb, "  owned by", f.maker().owners().stream().map(AppReport.Party::name)
              .collect(Collectors.joining(" < ")));
        }
      }
      for (AppReport.Evidence e : concat(f.code(), f.network())) {
        sb.append("    ").append(e.kind()).append(" signature ").append(e.pattern()).append(": ").append(e.count())
            .append(e.kind().equals("code") ? " class(es), e.g. " : " host(s), e.g. ")
            .append(String.join(", ", e.examples())).append('\n');
      }
      if (f.profile() == null) {
        sb.append("    policy: no policy in the data\n");
        continue;
      }
      for (AppReport.Topic t : f.profile().topics()) {
        sb.append("    ").append(t.title()).append(':');
        if (!t.concepts().isEmpty()) {
          sb.append(' ').append(t.concepts().stream().map(AppReport.Concept::curie).collect(Collectors.joining(", ")));
        }
        if (t.key().equals("retention") && f.profile().indefiniteRetention()) {
          sb.append(" [INDEFINITELY]");
        }
        if (t.clauses().isEmpty()) {
          sb.append(" (the policy does not say)");
        }
        sb.append('\n');
        for (AppReport.Clause c : t.clauses()) {
          sb.append("      - ").append(c.label() == null ? "(unlabelled)" : c.label())
              .append(c.indefinite() ? " [indefinitely]" : "").append(": \"").append(oneLine(c.text()))
              .append("\"");
          for (AppReport.Citation ci : c.citations()) {
            sb.append(" [").append(ci.key()).append(ci.url() == null ? "" : " " + ci.url()).append(']');
          }
          sb.append('\n');
        }
      }
    }
    if (!r.hostsOnly().isEmpty()) {
      sb.append("\nhosts in the code that belong to trackers (weaker evidence, no tracker code found):\n");
      for (AppReport.Finding f : r.hostsOnly()) {
        for (AppReport.Evidence e : f.network()) {
          sb.append("  ").append(f.tracker().name()).append(" (").append(f.tracker().slug()).append("): ")
              .append(e.pattern()).append(": ").append(String.join(", ", e.examples())).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static List<AppReport.Evidence> concat(List<AppReport.Evidence> a, List<AppReport.Evidence> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + " " + b;
  }

  private static void line(StringBuilder sb, String key, String value) {
    if (value != null) {
      sb.append(key).append(": ").append(value).append('\n');
    }
  }
}
