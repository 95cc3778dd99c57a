package org.trackerkg.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.vocab.Iris;
import org.trackerkg.graph.SourceTerms;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The VoID + DCAT description of a dump ({@code void.ttl}, also served at {@code /void}): the dataset, its sources
 * with their licences and attribution, one {@code dcat:Distribution} per file (download URL, media type, size,
 * SHA-256, statement count), the Wikidata linkset, the vocabularies and class and property partitions. Every node is
 * an IRI under {@code {base}void#} (no blank nodes), and nothing depends on the clock: {@code dct:modified} is given,
 * or derived from the data by {@link #defaultModified(DatasetGraph)}.
 */
public final class VoidDescription {
  public static final String SPDX = "http://spdx.org/rdf/terms#";
  public static final String FOAF = "http://xmlns.com/foaf/0.1/";
  public static final String IANA_MEDIA = "http://www.iana.org/assignments/media-types/";
  public static final String DATASET_TITLE = "tracker-kg";

  private VoidDescription() {}

  /**
   * One source of the dataset {@code ds} as {@code data/SOURCES.md} states it: title, landing page, every licence
   * it offers, the holder of its rights and the attribution to show. Also behind the server's {@code /void}.
   */
  public static Node describeSource(Graph g, Node ds, String iri, SourceTerms s) {
    Node src = uri(iri);
    add(g, ds, uri(Vocab.DCT + "source"), src);
    add(g, ds, uri(Vocab.VOID + "subset"), src);
    add(g, src, Vocab.type, uri(Vocab.VOID + "Dataset"));
    add(g, src, Vocab.type, uri(Vocab.DCAT + "Dataset"));
    add(g, src, uri(Vocab.DCT + "title"), NodeFactory.createLiteralString(s.title));
    add(g, src, uri(Vocab.DCAT + "landingPage"), uri(s.landingPage));
    add(g, src, Vocab.dctRights, NodeFactory.createLiteralString(s.attribution));
    add(g, src, Vocab.dctRightsHolder, uri(s.rightsHolder));
    add(g, uri(s.rightsHolder), uri(FOAF + "name"), NodeFactory.createLiteralString(s.rightsHolderName));
    s.licenses.forEach(l -> add(g, src, Vocab.dctLicense, uri(l)));
    return src;
  }

  /** The newest {@code tkg:exodusCreated} date in the data, or null: a {@code dct:modified} free of the clock. */
  public static LocalDate defaultModified(DatasetGraph dsg) {
    LocalDate max = null;
    var it = dsg.find(Node.ANY, Node.ANY, TKG.exodusCreated.asNode(), Node.ANY);
    while (it.hasNext()) {
      Node o = it.next().getObject();
      if (o.isLiteral()) {
        try {
          LocalDate d = LocalDate.parse(o.getLiteralLexicalForm());
          if (max == null || d.isAfter(max)) {
            max = d;
          }
        } catch (java.time.format.DateTimeParseException e) {
          // not a plain date: ignore
        }
      }
    }
    return max;
  }

  public static PrefixMapping prefixes(String base) {
    return PrefixMapping.Factory.create()
        .setNsPrefix("void", Vocab.VOID).setNsPrefix("dcat", Vocab.DCAT).setNsPrefix("dct", Vocab.DCT)
        .setNsPrefix("spdx", SPDX).setNsPrefix("foaf", FOAF).setNsPrefix("owl", Vocab.OWL)
        .setNsPrefix("xsd", Vocab.XSD).setNsPrefix("rdf", Vocab.RDF).setNsPrefix("rdfs", Vocab.RDFS)
        .setNsPrefix("tkg", TKG.NS).setNsPrefix("schema", Vocab.SCHEMA).setNsPrefix("skos", Vocab.SKOS)
        .setNsPrefix("dpv", Vocab.DPV).setNsPrefix("prov", Vocab.PROV).setNsPrefix("org", Vocab.ORG)
        .setNsPrefix("pd", Vocab.PD).setNsPrefix("tech", Vocab.TECH).setNsPrefix("loc", Vocab.LOC)
        .setNsPrefix("wd", Vocab.WIKIDATA)
        .setNsPrefix("dumps", base + "dumps/").setNsPrefix("", base + "void#")
        .lock();
  }

  /** The dataset's IRI in the description. */
  public static String datasetIri(String base) {
    return base + "void#dataset";
  }

  /**
   * Describes {@code dsg} published as {@code files} (the files that are not RDF, such as {@code SHA256SUMS},
   * and {@code void.ttl} itself, get no distribution).
   */
  public static Graph describe(DatasetGraph dsg, String base, String version, LocalDate modified,
      List<DumpFile> files) {
    return describe(dsg, base, base, version, modified, files);
  }

  /**
   * The one builder of the description, for the dump ({@code root} = {@code base}) and for the server's
   * {@code /void} ({@code root} = the server's own URL, so that the endpoint, landing page, dump URLs and the
   * description's own nodes point at the server that answers). Every figure comes from {@code dsg}; a file with a
   * negative size or statement count, or no SHA-256, states none.
   */
  public static Graph describe(DatasetGraph dsg, String base, String root, String version, LocalDate modified,
      List<DumpFile> files) {
    String b = base.endsWith("/") ? base : base + "/";
    String r = root.endsWith("/") ? root : root + "/";
    Graph g = GraphFactory.createDefaultGraph();
    Node ds = uri(datasetIri(r));
    Node type = Vocab.type;
    add(g, ds, type, uri(Vocab.VOID + "Dataset"));
    add(g, ds, type, uri(Vocab.DCAT + "Dataset"));
    add(g, ds, uri(Vocab.DCT + "title"), NodeFactory.createLiteralString(DATASET_TITLE));
    add(g, ds, uri(Vocab.DCT + "description"), NodeFactory.createLiteralString(
        "Dossiers about mobile-app trackers (the SDKs and the companies behind them) as linked open data: "
            + "one named graph per source document, with provenance for every fact."));
    add(g, ds, uri(Vocab.DCAT + "landingPage"), uri(r));
    add(g, ds, uri(Vocab.VOID + "uriSpace"), NodeFactory.createLiteralString(b + "id/"));
    add(g, ds, uri(Vocab.VOID + "sparqlEndpoint"), uri(r + "sparql"));
    if (version != null) {
      add(g, ds, uri(Vocab.DCT + "hasVersion"), NodeFactory.createLiteralString(version));
      add(g, ds, uri(Vocab.OWL + "versionInfo"), NodeFactory.createLiteralString(version));
    }
    if (modified != null) {
      add(g, ds, uri(Vocab.DCT + "modified"),
          NodeFactory.createLiteralDT(modified.toString(), XSDDatatype.XSDdate));
    }
    add(g, ds, uri(Vocab.DCT + "rights"), NodeFactory.createLiteralString(
        "Each source keeps its licence (see dct:source): attribute every source you use."));

    // statistics of the union graph
    Graph union = dsg.getUnionGraph();
    long triples = 0;
    Set<Node> subjects = new HashSet<>();
    Set<Node> objects = new HashSet<>();
    Map<Node, Long> byProperty = new HashMap<>();
    Map<Node, Set<Node>> byClass = new HashMap<>();
    Set<String> namespaces = new TreeSet<>();
    long sameAsWikidata = 0;
    var it = union.find();
    while (it.hasNext()) {
      Triple t = it.next();
      triples++;
      subjects.add(t.getSubject());
      objects.add(t.getObject());
      byProperty.merge(t.getPredicate(), 1L, Long::sum);
      if (t.getPredicate().equals(type) && t.getObject().isURI()) {
        byClass.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
      }
      if (t.getPredicate().equals(Vocab.sameAs) && t.getObject().isURI()
          && t.getObject().getURI().startsWith(Vocab.WIKIDATA)) {
        sameAsWikidata++;
      }
    }
    add(g, ds, uri(Vocab.VOID + "triples"), integer(triples));
    add(g, ds, uri(Vocab.VOID + "distinctSubjects"), integer(subjects.size()));
    add(g, ds, uri(Vocab.VOID + "distinctObjects"), integer(objects.size()));
    add(g, ds, uri(Vocab.VOID + "properties"), integer(byProperty.size()));
    add(g, ds, uri(Vocab.VOID + "classes"), integer(byClass.size()));
    add(g, ds, uri(Vocab.VOID + "entities"), integer(subjects.stream()
        .filter(n -> n.isURI() && n.getURI().startsWith(b + "id/")).count()));
    long trackers = byClass.getOrDefault(TKG.Tracker.asNode(), Set.of()).size();
    List<Node> graphs = new ArrayList<>();
    dsg.listGraphNodes().forEachRemaining(graphs::add);
    add(g, ds, uri(Vocab.VOID + "documents"), integer(graphs.size()));
    if (trackers > 0) {
      Node ex = uri(byClass.get(TKG.Tracker.asNode()).stream().filter(Node::isURI).map(Node::getURI)
          .min(RdfOutput::compareCodePoints).orElseThrow());
      add(g, ds, uri(Vocab.VOID + "exampleResource"), ex);
    }

    PrefixMapping known = Vocab.PREFIXES;
    for (Node p : byProperty.keySet()) {
      namespaceOf(known, p.getURI(), namespaces);
    }
    for (Node c : byClass.keySet()) {
      namespaceOf(known, c.getURI(), namespaces);
    }
    for (String ns : namespaces) {
      add(g, ds, uri(Vocab.VOID + "vocabulary"), uri(ns));
    }
    Map<Node, Set<Node>> classes = new TreeMap<>(VoidDescription::compareNodes);
    classes.putAll(byClass);
    for (Map.Entry<Node, Set<Node>> e : classes.entrySet()) {
      Node part = uri(r + "void#class-" + key(e.getKey().getURI()));
      add(g, ds, uri(Vocab.VOID + "classPartition"), part);
      add(g, part, uri(Vocab.VOID + "class"), e.getKey());
      add(g, part, uri(Vocab.VOID + "entities"), integer(e.getValue().size()));
    }
    for (Map.Entry<Node, Long> e : byProperty.entrySet()) {
      Node part = uri(r + "void#property-" + key(e.getKey().getURI()));
      add(g, ds, uri(Vocab.VOID + "propertyPartition"), part);
      add(g, part, uri(Vocab.VOID + "property"), e.getKey());
      add(g, part, uri(Vocab.VOID + "triples"), integer(e.getValue()));
    }

    // the Wikidata linkset
    Node wikidata = uri(r + "void#wikidata");
    add(g, wikidata, type, uri(Vocab.VOID + "Dataset"));
    add(g, wikidata, uri(Vocab.DCT + "title"), NodeFactory.createLiteralString("Wikidata"));
    add(g, wikidata, uri(FOAF + "homepage"), uri("https://www.wikidata.org/"));
    add(g, wikidata, uri(Vocab.VOID + "uriSpace"), NodeFactory.createLiteralString(Vocab.WIKIDATA));
    Node linkset = uri(r + "void#linkset-wikidata");
    add(g, linkset, type, uri(Vocab.VOID + "Linkset"));
    add(g, ds, uri(Vocab.VOID + "subset"), linkset);
    add(g, linkset, uri(Vocab.VOID + "subjectsTarget"), ds);
    add(g, linkset, uri(Vocab.VOID + "objectsTarget"), wikidata);
    add(g, linkset, uri(Vocab.VOID + "linkPredicate"), Vocab.sameAs);
    add(g, linkset, uri(Vocab.VOID + "triples"), integer(sameAsWikidata));

    // sources: licence and attribution, from the source documents in the data
    for (SourceTerms s : SourceTerms.values()) {
      String prefix = b + "graph/" + s.key + "/";
      long docs = 0;
      long quads = 0;
      Set<Node> licenses = new TreeSet<>(VoidDescription::compareNodes);
      for (Node gn : graphs) {
        if (!gn.isURI() || !gn.getURI().startsWith(prefix)) {
          continue;
        }
        docs++;
        var qi = dsg.find(gn, Node.ANY, Node.ANY, Node.ANY);
        while (qi.hasNext()) {
          Quad q = qi.next();
          quads++;
          if (q.getPredicate().equals(Vocab.dctLicense) && q.getSubject().equals(gn)) {
            licenses.add(q.getObject());
          }
        }
      }
      if (docs == 0) {
        continue;
      }
      s.licenses.forEach(l -> licenses.add(uri(l))); // each licence the source offers, not only the one named
      Node src = describeSource(g, ds, r + "void#source-" + s.key, s);
      for (Node l : licenses) {
        add(g, src, uri(Vocab.DCT + "license"), l);
        add(g, ds, uri(Vocab.DCT + "license"), l);
      }
      add(g, src, uri(Vocab.VOID + "documents"), integer(docs));
      add(g, src, uri(Vocab.VOID + "triples"), integer(quads));
    }

    // one distribution per RDF file
    for (DumpFile f : files) {
      if (!f.isRdf() && RdfOutput.Format.byMediaType(f.mediaType()) == null) {
        continue;
      }
      Node d = uri(r + "void#dist-" + f.name());
      Node url = uri(r + "dumps/" + f.name());
      boolean ontology = f.name().equals(DumpWriter.ONTOLOGY) || f.name().equals(DumpWriter.SHAPES);
      add(g, ds, uri(Vocab.DCAT + "distribution"), d);
      if (!ontology && f.compressFormat() == null) {
        add(g, ds, uri(Vocab.VOID + "dataDump"), url);
      }
      add(g, d, type, uri(Vocab.DCAT + "Distribution"));
      add(g, d, uri(Vocab.DCT + "title"), NodeFactory.createLiteralString(f.name()));
      add(g, d, uri(Vocab.DCAT + "downloadURL"), url);
      add(g, d, uri(Vocab.DCAT + "accessURL"), uri(r + "dumps/"));
      add(g, d, uri(Vocab.DCAT + "mediaType"), uri(IANA_MEDIA + f.mediaType()));
      if (f.compressFormat() != null) {
        add(g, d, uri(Vocab.DCAT + "compressFormat"), uri(IANA_MEDIA + f.compressFormat()));
      }
      if (f.bytes() >= 0) {
        add(g, d, uri(Vocab.DCAT + "byteSize"), NodeFactory.createLiteralDT(Long.toString(f.bytes()),
            XSDDatatype.XSDnonNegativeInteger));
      }
      if (f.statements() >= 0) {
        add(g, d, uri(Vocab.VOID + "triples"), integer(f.statements()));
      }
      if (f.sha256() != null) {
        Node sum = uri(r + "void#dist-" + f.name() + "-sha256");
        add(g, d, uri(SPDX + "checksum"), sum);
        add(g, sum, type, uri(SPDX + "Checksum"));
        add(g, sum, uri(SPDX + "algorithm"), uri(SPDX + "checksumAlgorithm_sha256"));
        add(g, sum, uri(SPDX + "checksumValue"), NodeFactory.createLiteralDT(f.sha256(), XSDDatatype.XSDhexBinary));
      }
      if (version != null) {
        add(g, d, uri(Vocab.DCT + "hasVersion"), NodeFactory.createLiteralString(version));
      }
    }
    return g;
  }

  private static void namespaceOf(PrefixMapping known, String iri, Set<String> out) {
    for (String ns : known.getNsPrefixMap().values()) {
      if (iri.startsWith(ns) && !ns.equals(Vocab.WIKIDATA)) {
        out.add(ns);
      }
    }
  }

  /** A readable, collision-safe key for a term: its prefixed name as a slug, plus a short hash of the IRI. */
  private static String key(String iri) {
    String qname = Vocab.PREFIXES.shortForm(iri);
    return Iris.slug(qname) + "-" + Iris.shortHash(iri);
  }

  private static int compareNodes(Node a, Node b) {
    return RdfOutput.compareCodePoints(a.toString(), b.toString());
  }

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  private static Node integer(long n) {
    return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
  }

  private static void add(Graph g, Node s, Node p, Node o) {
    if (s != null && p != null && o != null) {
      g.add(s, p, o);
    }
  }
}
