package org.trackerkg.server;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.graph.SourceTerms;
import org.trackerkg.publish.VoidDescription;
import org.trackerkg.store.ServedData;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/** The VoID/DCAT description of the data set and the SPARQL 1.1 Service Description of the endpoint. */
final class Descriptions {
  static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  static final String FORMATS = "http://www.w3.org/ns/formats/";
  static final List<String> VOCABULARIES = List.of(TKG.NS, Vocab.SCHEMA, Vocab.DPV, Vocab.PD, Vocab.SKOS,
      Vocab.DCT, Vocab.PROV, Vocab.RDFS, Vocab.OWL, Vocab.FOAF);

  private Descriptions() {}

  private static Node u(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Node n(long v) {
    return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger);
  }

  private static Node s(String v) {
    return NodeFactory.createLiteralString(v);
  }

  /** VoID + DCAT for the data served at {@code root} (scheme://host:port, no trailing slash). */
  static Graph voidGraph(ServedData data, String root, Path dumpsDir) {
    Graph g = GraphFactory.createDefaultGraph();
    Node ds = u(root + "/void#dataset");
    Node voidDataset = u(Vocab.VOID + "Dataset");
    g.add(ds, Vocab.type, voidDataset);
    g.add(ds, Vocab.type, u(Vocab.DCAT + "Dataset"));
    g.add(ds, Vocab.dctTitle, s("tracker-kg"));
    g.add(ds, u(Vocab.DCT + "description"), s("Dossiers about mobile-app trackers (SDKs and the companies "
        + "behind them) as linked open data: companies, detection signatures, privacy-policy clauses with DPV "
        + "annotations, customers and integrations, each fact with its source."));
    g.add(ds, u(Vocab.VOID + "triples"), n(data.triples()));
    g.add(ds, u(Vocab.VOID + "entities"), n(data.entities()));
    g.add(ds, u(Vocab.VOID + "distinctSubjects"), n(data.entities()));
    g.add(ds, u(Vocab.VOID + "distinctObjects"), n(data.distinctObjects()));
    g.add(ds, u(Vocab.VOID + "classes"), n(data.classes().size()));
    g.add(ds, u(Vocab.VOID + "properties"), n(data.properties().size()));
    g.add(ds, u(Vocab.VOID + "sparqlEndpoint"), u(root + "/sparql"));
    g.add(ds, u(Vocab.VOID + "uriSpace"), s(data.base() + "id/"));
    g.add(ds, u(Vocab.VOID + "rootResource"), u(root + "/"));
    g.add(ds, u(Vocab.DCAT + "landingPage"), u(root + "/"));
    g.add(ds, u(Vocab.DCT + "modified"),
        NodeFactory.createLiteralDT(data.loaded().toString(), XSDDatatype.XSDdateTime));
    if (!data.trackers().isEmpty()) {
      g.add(ds, u(Vocab.VOID + "exampleResource"), u(data.trackers().get(0).iri()));
    }
    for (String v : VOCABULARIES) {
      g.add(ds, u(Vocab.VOID + "vocabulary"), u(v));
    }
    TreeSet<String> licenses = new TreeSet<>();
    int i = 0;
    for (ServedData.Source src : data.sources()) {
      i++;
      Node sub = u(src.iri());
      g.add(ds, u(Vocab.VOID + "subset"), sub);
      g.add(sub, Vocab.type, voidDataset);
      g.add(sub, u(Vocab.VOID + "triples"), n(src.triples()));
      if (src.title() != null) {
        g.add(sub, Vocab.dctTitle, s(src.title()));
      }
      if (src.license() != null) {
        g.add(sub, Vocab.dctLicense, u(src.license()));
        licenses.add(src.license());
      }
    }
    licenses.forEach(l -> g.add(ds, Vocab.dctLicense, u(l)));
    // each source with its licences and attribution, as data/SOURCES.md states them
    for (SourceTerms terms : SourceTerms.values()) {
      String prefix = data.base() + "graph/" + terms.key + "/";
      if (data.sources().stream().anyMatch(src -> src.iri().startsWith(prefix))) {
        VoidDescription.describeSource(g, ds, root + "/void#source-" + terms.key, terms);
      }
    }
    i = 0;
    for (Map.Entry<String, Long> e : data.classes().entrySet()) {
      Node p = u(root + "/void#class-" + (++i));
      g.add(ds, u(Vocab.VOID + "classPartition"), p);
      g.add(p, u(Vocab.VOID + "class"), u(e.getKey()));
      g.add(p, u(Vocab.VOID + "entities"), n(e.getValue()));
    }
    i = 0;
    for (Map.Entry<String, Long> e : data.properties().entrySet()) {
      Node p = u(root + "/void#property-" + (++i));
      g.add(ds, u(Vocab.VOID + "propertyPartition"), p);
      g.add(p, u(Vocab.VOID + "property"), u(e.getKey()));
      g.add(p, u(Vocab.VOID + "triples"), n(e.getValue()));
    }
    for (String f : dumpFiles(dumpsDir)) {
      Node file = u(root + "/dumps/" + f);
      g.add(ds, u(Vocab.VOID + "dataDump"), file);
      Node dist = u(root + "/void#dump-" + f);
      g.add(ds, u(Vocab.DCAT + "distribution"), dist);
      g.add(dist, Vocab.type, u(Vocab.DCAT + "Distribution"));
      g.add(dist, u(Vocab.DCAT + "downloadURL"), file);
      g.add(dist, u(Vocab.DCAT + "mediaType"), s(DumpsServlet.mediaType(f).replaceAll(";.*", "")));
    }
    return g;
  }

  static List<String> dumpFiles(Path dir) {
    List<String> out = new ArrayList<>();
    if (dir == null || !Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (!n.startsWith(".") && Files.isRegularFile(p) && !n.equals("SHA256SUMS")) {
          out.add(n);
        }
      }
    } catch (java.io.IOException e) {
      return List.of();
    }
    out.sort(null);
    return out;
  }

  /** The SPARQL 1.1 Service Description of {@code root/sparql}. */
  static Graph serviceDescription(ServedData data, String root, QueryLimits limits) {
    Graph g = GraphFactory.createDefaultGraph();
    Node svc = u(root + "/sparql#service");
    g.add(svc, Vocab.type, u(SD + "Service"));
    g.add(svc, u(SD + "endpoint"), u(root + "/sparql"));
    g.add(svc, u(SD + "supportedLanguage"), u(SD + "SPARQL11Query"));
    g.add(svc, u(SD + "feature"), u(SD + "UnionDefaultGraph"));
    for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
        "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML")) {
      g.add(svc, u(SD + "resultFormat"), u(FORMATS + f));
    }
    g.add(svc, u(Vocab.RDFS + "comment"), s("Read-only. Each query is limited to " + limits.timeoutMillis()
        + " ms and " + limits.maxRows() + " result rows; SERVICE is not allowed."));
    Node dataset = u(root + "/sparql#dataset");
    g.add(svc, u(SD + "defaultDataset"), dataset);
    g.add(dataset, Vocab.type, u(SD + "Dataset"));
    g.add(dataset, Vocab.type, u(Vocab.VOID + "Dataset"));
    g.add(dataset, u(Vocab.VOID + "triples"), n(data.triples()));
    g.add(dataset, Vocab.seeAlso, u(root + "/void"));
    Node dg = u(root + "/sparql#default-graph");
    g.add(dataset, u(SD + "defaultGraph"), dg);
    g.add(dg, Vocab.type, u(SD + "Graph"));
    g.add(dg, u(Vocab.VOID + "triples"), n(data.triples()));
    int i = 0;
    for (ServedData.Source src : data.sources()) {
      Node ng = u(root + "/sparql#named-graph-" + (++i));
      g.add(dataset, u(SD + "namedGraph"), ng);
      g.add(ng, Vocab.type, u(SD + "NamedGraph"));
      g.add(ng, u(SD + "name"), u(src.iri()));
      Node graph = u(root + "/sparql#graph-" + i);
      g.add(ng, u(SD + "graph"), graph);
      g.add(graph, Vocab.type, u(SD + "Graph"));
      g.add(graph, u(Vocab.VOID + "triples"), n(src.triples()));
    }
    return g;
  }
}
