package org.trackerkg.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.publish.DumpFile;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.publish.RdfOutput;
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

  /**
   * VoID + DCAT for the data served at {@code root} (scheme://host:port, no trailing slash): the dump's builder
   * ({@link VoidDescription}), so every figure both state agrees. What must differ: the endpoint, landing page, dump
   * URLs and the description's own nodes are under the server's URL; the distributions are the files in the dumps
   * folder's current version (size from the file, SHA-256 from its {@code SHA256SUMS}, no statement count); and when
   * the data states no date, {@code dct:modified} is the day the server loaded it.
   */
  static Graph voidGraph(ServedData data, String root, Path dumpsDir) {
    LocalDate modified = VoidDescription.defaultModified(data.dataset());
    if (modified == null) {
      modified = LocalDate.ofInstant(data.loaded(), ZoneOffset.UTC);
    }
    return VoidDescription.describe(data.dataset(), data.base(), root + "/", null, modified, dumpFiles(dumpsDir));
  }

  /** The RDF files of the dumps folder, as distributions ({@code void.ttl} itself is none). */
  static List<DumpFile> dumpFiles(Path dumpsDir) {
    List<DumpFile> out = new ArrayList<>();
    org.trackerkg.publish.DumpFolder.Version current = org.trackerkg.publish.DumpFolder.current(dumpsDir);
    if (current == null) {
      return out;
    }
    Path dir = current.dir();
    Map<String, String> sums = sums(dir.resolve(DumpWriter.SUMS));
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        boolean gz = n.endsWith(".gz");
        String plain = gz ? n.substring(0, n.length() - 3) : n;
        int dot = plain.lastIndexOf('.');
        RdfOutput.Format f = dot < 0 ? null : RdfOutput.Format.byExtension(plain.substring(dot + 1));
        if (n.startsWith(".") || !Files.isRegularFile(p) || f == null || n.equals(DumpWriter.VOID)) {
          continue;
        }
        out.add(new DumpFile(n, f.mediaType, gz ? "application/gzip" : null, Files.size(p), -1, sums.get(n)));
      }
    } catch (IOException e) {
      return List.of();
    }
    out.sort(Comparator.comparing(DumpFile::name, RdfOutput::compareCodePoints));
    return out;
  }

  private static Map<String, String> sums(Path file) {
    Map<String, String> out = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] parts = line.split(" [ *]", 2);
        if (parts.length == 2) {
          out.put(parts[1].strip(), parts[0]);
        }
      }
    } catch (IOException e) {
      // no sums: the distributions state no checksum
    }
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
