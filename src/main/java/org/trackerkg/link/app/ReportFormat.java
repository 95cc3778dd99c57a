package org.trackerkg.link.app;

import java.util.List;
import java.util.Locale;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Iris;

/** The formats of an app report, with their media types: the one place the command line and the server write them. */
public enum ReportFormat {
  TEXT("text/plain; charset=utf-8"),
  JSON("application/json"),
  HTML("text/html; charset=utf-8"),
  /** Sorted N-Quads: one named graph per scan. */
  RDF("application/n-quads");

  public final String mediaType;

  ReportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** {@code text}, {@code json}, {@code html} or {@code rdf} (case-blind); null for anything else. */
  public static ReportFormat parse(String s) {
    for (ReportFormat f : values()) {
      if (f.name().equalsIgnoreCase(s)) {
        return f;
      }
    }
    return null;
  }

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String write(List<AppReport> reports, Iris iris) {
    return switch (this) {
      case TEXT -> String.join("\n", reports.stream().map(ReportText::write).toList());
      case JSON -> ReportJson.write(reports);
      case HTML -> ReportHtml.write(reports);
      case RDF -> {
        DatasetGraph dsg = DatasetGraphFactory.create();
        reports.forEach(r -> ReportRdf.add(r, iris, dsg));
        StringBuilder sb = new StringBuilder();
        RdfOutput.sortedQuads(dsg).forEach(l -> sb.append(l).append('\n'));
        yield sb.toString();
      }
    };
  }
}
