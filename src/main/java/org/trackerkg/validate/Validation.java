package org.trackerkg.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.trackerkg.base.UnionGraph;
import org.trackerkg.vocab.Ontology;
import org.trackerkg.vocab.TKG;

/**
 * SHACL validation of the union of the named graphs against {@code ontology/shapes.ttl}: the gate before anything
 * is served or dumped. Each finding is traced back to its source {@code file:line} where the data says.
 */
public final class Validation {

  /** One finding, in the words a report shows. */
  public record Finding(String severity, String focus, String path, String message, String value,
      String source) {
    public boolean isViolation() {
      return severity.equals("Violation");
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      sb.append(source == null ? "-" : source).append(": ").append(severity.toLowerCase(java.util.Locale.ROOT))
          .append(": ").append(message).append("\n    focus: ").append(focus);
      if (path != null) {
        sb.append("\n    path:  ").append(path);
      }
      if (value != null) {
        sb.append("\n    value: ").append(value);
      }
      return sb.toString();
    }
  }

  /** The outcome: conforms when there is no violation (warnings and infos do not fail validation). */
  public record Report(List<Finding> findings) {
    public boolean conforms() {
      return findings.stream().noneMatch(Finding::isViolation);
    }

    public long violations() {
      return findings.stream().filter(Finding::isViolation).count();
    }
  }

  private static volatile Shapes shapes;

  private Validation() {}

  public static Shapes shapes() {
    if (shapes == null) {
      shapes = Shapes.parse(Ontology.shapesGraph());
    }
    return shapes;
  }

  /** Validates the union graph; {@code sourceFiles} maps graph IRIs to the files they came from. */
  public static Report validate(DatasetGraph dsg, Map<String, String> sourceFiles) {
    ValidationReport report = ShaclValidator.get().validate(shapes(), UnionGraph.copyOf(dsg));
    List<Finding> out = new ArrayList<>();
    for (ReportEntry e : report.getEntries()) {
      out.add(new Finding(severity(e.severity()), str(e.focusNode()),
          e.resultPath() == null ? null : e.resultPath().toString(), e.message(),
          e.value() == null ? null : str(e.value()), source(dsg, e.focusNode(), sourceFiles)));
    }
    out.sort(Comparator.comparing(Finding::focus).thenComparing(Finding::message));
    return new Report(List.copyOf(out));
  }

  private static String severity(Severity s) {
    String iri = s.level().getURI();
    return iri.substring(iri.indexOf('#') + 1);
  }

  private static String str(Node n) {
    return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
  }

  /** {@code file:line} of the first graph stating the node, with its {@code tkg:line} when it has one. */
  private static String source(DatasetGraph dsg, Node focus, Map<String, String> sourceFiles) {
    var it = dsg.find(Node.ANY, focus, Node.ANY, Node.ANY);
    try {
      while (it.hasNext()) {
        Quad q = it.next();
        String file = sourceFiles.get(q.getGraph().getURI());
        if (file == null) {
          continue;
        }
        var lines = dsg.find(q.getGraph(), focus, TKG.line.asNode(), Node.ANY);
        String line = lines.hasNext() ? lines.next().getObject().getLiteralLexicalForm() : null;
        return line == null ? file : file + ":" + line;
      }
      return null;
    } finally {
      // iterators over in-memory datasets need no closing, but TDB2 ones do
      if (it instanceof org.apache.jena.atlas.iterator.IteratorCloseable<?> c) {
        c.close();
      }
    }
  }
}
