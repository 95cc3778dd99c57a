package org.trackerkg.link.app;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The report as RDF, so that scans of many apps can be loaded beside the dossiers and queried: the app as a
 * {@code schema:MobileApplication} ({base}app/{sha256}) that {@code tkg:embeds} each tracker, one
 * {@code tkg:Detection} per matched signature with its {@code tkg:evidence}, the permissions and the personal data
 * they expose, all in one named graph per scan ({base}graph/scan/{sha256}/{time}) that carries the scan date.
 */
public final class ReportRdf {
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private ReportRdf() {}

  public static String appIri(Iris iris, AppReport r) {
    return iris.base() + "app/" + r.app().sha256();
  }

  public static String graphIri(Iris iris, AppReport r) {
    return iris.graph("scan", r.app().sha256() + "/" + COMPACT.format(Instant.parse(r.scanned())));
  }

  /** Adds the report's quads to {@code dsg}. */
  public static void add(AppReport r, Iris iris, DatasetGraph dsg) {
    Node g = uri(graphIri(iris, r));
    Node app = uri(appIri(iris, r));
    AppContents a = r.app();
    add(dsg, g, app, Vocab.type, uri(Vocab.SCHEMA + "MobileApplication"));
    add(dsg, g, app, uri(Vocab.SCHEMA + "sha256"), lit(a.sha256()));
    add(dsg, g, app, uri(Vocab.SCHEMA + "contentSize"), NodeFactory.createLiteralDT(Long.toString(a.size()),
        XSDDatatype.XSDinteger));
    add(dsg, g, app, uri(Vocab.DCT + "identifier"), lit(a.fileName()));
    AppContents.Manifest m = a.manifest();
    if (m != null) {
      if (m.packageName() != null) {
        add(dsg, g, app, uri(Vocab.SCHEMA + "identifier"), lit(m.packageName()));
      }
      if (m.label() != null && !m.label().isBlank()) {
        add(dsg, g, app, Vocab.schemaName, lit(m.label()));
      }
      if (m.versionName() != null) {
        add(dsg, g, app, uri(Vocab.SCHEMA + "softwareVersion"), lit(m.versionName()));
      }
      add(dsg, g, app, uri(Vocab.SCHEMA + "operatingSystem"), lit("Android"));
      for (String p : m.permissions()) {
        add(dsg, g, app, TKG.requestsPermission.asNode(), lit(p));
      }
    }
    for (AppReport.PermissionGroup pg : r.permissions()) {
      if (pg.category() != null) {
        add(dsg, g, app, TKG.exposes.asNode(), uri(pg.category().iri()));
      }
    }
    List<AppReport.Finding> all = new java.util.ArrayList<>(r.trackers());
    all.addAll(r.hostsOnly());
    for (AppReport.Finding f : all) {
      Node t = uri(f.tracker().iri());
      if (!f.code().isEmpty()) {
        add(dsg, g, app, TKG.embeds.asNode(), t); // host names alone do not make an app embed a tracker
      }
      for (AppReport.Evidence e : java.util.stream.Stream.concat(f.code().stream(), f.network().stream()).toList()) {
        Node d = uri(appIri(iris, r) + "/detection/" + f.tracker().slug() + "/" + Iris.shortHash(e.kind(),
            e.pattern()));
        add(dsg, g, app, TKG.detection.asNode(), d);
        add(dsg, g, d, Vocab.type, TKG.Detection.asNode());
        add(dsg, g, d, TKG.detectedTracker.asNode(), t);
        add(dsg, g, d, TKG.detectionKind.asNode(), lit(e.kind()));
        add(dsg, g, d, TKG.matchedPattern.asNode(), lit(e.pattern()));
        add(dsg, g, d, TKG.matchCount.asNode(), NodeFactory.createLiteralDT(Integer.toString(e.count()),
            XSDDatatype.XSDinteger));
        for (String x : e.examples()) {
          add(dsg, g, d, TKG.evidence.asNode(), lit(x));
        }
      }
    }
    // the scan itself: the named graph says when and from which file
    add(dsg, g, g, uri(Vocab.DCT + "created"), NodeFactory.createLiteralDT(r.scanned(), XSDDatatype.XSDdateTime));
    add(dsg, g, g, uri(Vocab.FOAF + "primaryTopic"), app);
  }

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  private static Node lit(String s) {
    return NodeFactory.createLiteralString(s);
  }

  private static void add(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
    dsg.add(new Quad(g, s, p, o));
  }
}
