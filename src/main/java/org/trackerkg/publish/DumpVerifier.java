package org.trackerkg.publish;

import org.trackerkg.base.Hashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.trackerkg.vocab.Ontology;
import org.trackerkg.vocab.Vocab;

/**
 * Reads a dump back and checks it against the dataset it was written from, with two independent parser families:
 * Jena RIOT and RDF4J Rio. Checked: {@code SHA256SUMS} against every file; each {@code .gz} decompresses to its
 * plain file; each data file parses with both, is isomorphic to the dataset in memory (the union graph for the
 * triple formats, the named graphs for the quad formats) and has the statement count that {@code void.ttl} gives;
 * counts agree across formats; the ontology and shapes equal the classpath's.
 */
public final class DumpVerifier {

  /** What was checked and what differed; {@link #ok()} when nothing did. */
  public record Report(List<String> checked, List<String> problems) {
    public Report {
      checked = List.copyOf(checked);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final List<String> checked = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private DumpVerifier() {}

  /**
   * Verifies the dump in {@code dir}: a version folder, or a dump folder whose current version is read (resolved
   * once, so a version switched in meanwhile does not mix into the check).
   */
  public static Report verify(Path dir, DatasetGraph expected, String base) {
    DumpVerifier v = new DumpVerifier();
    try {
      DumpFolder.Version current = DumpFolder.current(dir);
      v.run(current != null ? current.dir() : dir, expected, base);
    } catch (IOException | RuntimeException e) {
      v.problems.add("cannot verify " + dir + ": " + e.getMessage());
    }
    return new Report(v.checked, v.problems);
  }

  private void problem(String s) {
    problems.add(s);
  }

  private void run(Path dir, DatasetGraph expected, String base) throws IOException {
    // 1. SHA256SUMS
    Path sumsFile = dir.resolve(DumpWriter.SUMS);
    Map<String, String> sums = new LinkedHashMap<>();
    if (!Files.isRegularFile(sumsFile)) {
      problem(DumpWriter.SUMS + ": missing");
    } else {
      int n = 0;
      for (String line : Files.readAllLines(sumsFile, StandardCharsets.UTF_8)) {
        n++;
        int sp = line.indexOf("  ");
        if (sp != 64) {
          problem(DumpWriter.SUMS + ":" + n + ": not '<sha256>  <file>': " + line);
          continue;
        }
        sums.put(line.substring(sp + 2), line.substring(0, sp));
      }
      for (Map.Entry<String, String> e : sums.entrySet()) {
        Path f = dir.resolve(e.getKey());
        if (!Files.isRegularFile(f)) {
          problem(e.getKey() + ": listed in " + DumpWriter.SUMS + " but missing");
          continue;
        }
        String actual = sha256(f);
        if (!actual.equals(e.getValue())) {
          problem(e.getKey() + ": sha256 is " + actual + ", " + DumpWriter.SUMS + " says " + e.getValue());
        }
      }
      checked.add(DumpWriter.SUMS + ": " + sums.size() + " files");
    }

    // 2. void.ttl, read with both parsers
    Path voidFile = dir.resolve(DumpWriter.VOID);
    Graph voidGraph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    if (!Files.isRegularFile(voidFile)) {
      problem(DumpWriter.VOID + ": missing");
    } else {
      RDFParser.source(voidFile).lang(org.apache.jena.riot.Lang.TURTLE).parse(voidGraph);
      Model rio = rio(Files.readAllBytes(voidFile), RDFFormat.TURTLE, base);
      if (rio.size() != voidGraph.size()) {
        problem(DumpWriter.VOID + ": Rio reads " + rio.size() + " triples, Jena " + voidGraph.size());
      }
      checked.add(DumpWriter.VOID + ": " + voidGraph.size() + " triples");
    }
    Map<String, VoidEntry> described = describedFiles(voidGraph, base);

    // 3. reference data from memory
    Graph union = unionOf(expected);
    long expectTriples = union.size();
    long expectQuads = countQuads(expected);
    Model rioTriples = rio(bytes(expected, RdfOutput.Format.NT, base), RDFFormat.NTRIPLES, base);
    Model rioQuads = rio(bytes(expected, RdfOutput.Format.NQ, base), RDFFormat.NQUADS, base);

    for (RdfOutput.Format f : DumpWriter.FORMATS) {
      String name = DumpWriter.NAME + "." + f.extension;
      Path p = dir.resolve(name);
      if (!Files.isRegularFile(p)) {
        problem(name + ": missing");
        continue;
      }
      byte[] data = Files.readAllBytes(p);
      long expect = f.quads ? expectQuads : expectTriples;
      // Jena
      DatasetGraph parsed = DatasetGraphFactory.create();
      try {
        RDFParser.source(new ByteArrayInputStream(data)).lang(f.lang).base(base).parse(parsed);
        if (f.quads) {
          long n = countQuads(parsed);
          if (n != expect) {
            problem(name + ": Jena reads " + n + " quads, the dataset has " + expect);
          }
          if (!IsoMatcher.isomorphic(expected, parsed)) {
            problem(name + ": Jena's reading is not isomorphic to the dataset (named graphs)");
          }
        } else {
          Graph g = parsed.getDefaultGraph();
          if (g.size() != expect) {
            problem(name + ": Jena reads " + g.size() + " triples, the dataset has " + expect);
          }
          if (!g.isIsomorphicWith(union)) {
            problem(name + ": Jena's reading is not isomorphic to the union graph");
          }
        }
      } catch (RuntimeException e) {
        problem(name + ": Jena cannot read it: " + e.getMessage());
      }
      // RDF4J Rio
      try {
        Model m = rio(data, rioFormat(f), base);
        if (m.size() != expect) {
          problem(name + ": Rio reads " + m.size() + " statements, the dataset has " + expect);
        }
        if (!Models.isomorphic(m, f.quads ? rioQuads : rioTriples)) {
          problem(name + ": Rio's reading is not isomorphic to the dataset");
        }
      } catch (RuntimeException e) {
        problem(name + ": Rio cannot read it: " + e.getMessage());
      }
      checkDescribed(name, Files.size(p), sha256(p), expect, described);
      // the .gz copy
      Path gz = dir.resolve(name + ".gz");
      if (Files.isRegularFile(gz)) {
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
          unzipped = in.readAllBytes();
        } catch (IOException e) {
          problem(name + ".gz: cannot decompress: " + e.getMessage());
          unzipped = null;
        }
        if (unzipped != null && !java.util.Arrays.equals(unzipped, data)) {
          problem(name + ".gz: does not decompress to " + name);
        }
        checkDescribed(name + ".gz", Files.size(gz), sha256(gz), expect, described);
      }
      checked.add(name + ": " + expect + (f.quads ? " quads" : " triples") + ", Jena and Rio");
    }

    // 4. ontology and shapes
    checkOntology(dir, DumpWriter.ONTOLOGY, Ontology.graph(), base, described);
    checkOntology(dir, DumpWriter.SHAPES, Ontology.shapesGraph(), base, described);

    // 5. nothing described that is not there
    for (String name : described.keySet()) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        problem(DumpWriter.VOID + " describes " + name + ", which is missing");
      }
    }
    for (String name : sums.keySet()) {
      if (!name.equals(DumpWriter.VOID) && !described.containsKey(name)) {
        problem(name + ": listed in " + DumpWriter.SUMS + " but not described in " + DumpWriter.VOID);
      }
    }
    long voidTriples = literalLong(voidGraph, Vocab.uri(VoidDescription.datasetIri(base)),
        Vocab.VOID + "triples");
    if (voidTriples != expectTriples) {
      problem(DumpWriter.VOID + ": void:triples of the dataset is " + voidTriples + ", the dataset has "
          + expectTriples);
    }
  }

  private void checkOntology(Path dir, String name, Graph expected, String base, Map<String, VoidEntry> described)
      throws IOException {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      problem(name + ": missing");
      return;
    }
    Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    try {
      RDFParser.source(p).lang(org.apache.jena.riot.Lang.TURTLE).parse(g);
      if (!g.isIsomorphicWith(expected)) {
        problem(name + ": not the ontology on the classpath");
      }
      Model m = rio(Files.readAllBytes(p), RDFFormat.TURTLE, base);
      if (m.size() != g.size()) {
        problem(name + ": Rio reads " + m.size() + " triples, Jena " + g.size());
      }
    } catch (RuntimeException e) {
      problem(name + ": cannot read it: " + e.getMessage());
    }
    checkDescribed(name, Files.size(p), sha256(p), expected.size(), described);
    checked.add(name + ": " + g.size() + " triples");
  }

  private record VoidEntry(long bytes, long triples, String sha256) {}

  private void checkDescribed(String name, long bytes, String sha, long statements, Map<String, VoidEntry> d) {
    VoidEntry e = d.get(name);
    if (e == null) {
      problem(name + ": no distribution in " + DumpWriter.VOID);
      return;
    }
    if (e.bytes != bytes) {
      problem(name + ": " + bytes + " bytes, " + DumpWriter.VOID + " says " + e.bytes);
    }
    if (e.triples != statements) {
      problem(name + ": " + statements + " statements, " + DumpWriter.VOID + " says " + e.triples);
    }
    if (!sha.equals(e.sha256)) {
      problem(name + ": sha256 " + sha + ", " + DumpWriter.VOID + " says " + e.sha256);
    }
  }

  /** The distributions of void.ttl by file name. */
  private static Map<String, VoidEntry> describedFiles(Graph g, String base) {
    Map<String, VoidEntry> out = new LinkedHashMap<>();
    String prefix = base + "dumps/";
    var it = g.find(Node.ANY, Vocab.uri(Vocab.DCAT + "downloadURL"), Node.ANY);
    while (it.hasNext()) {
      Triple t = it.next();
      if (!t.getObject().isURI() || !t.getObject().getURI().startsWith(prefix)) {
        continue;
      }
      String name = t.getObject().getURI().substring(prefix.length());
      Node d = t.getSubject();
      long bytes = literalLong(g, d, Vocab.DCAT + "byteSize");
      long triples = literalLong(g, d, Vocab.VOID + "triples");
      String sha = null;
      var cs = g.find(d, Vocab.uri(VoidDescription.SPDX + "checksum"), Node.ANY);
      if (cs.hasNext()) {
        var v = g.find(cs.next().getObject(), Vocab.uri(VoidDescription.SPDX + "checksumValue"), Node.ANY);
        if (v.hasNext()) {
          sha = v.next().getObject().getLiteralLexicalForm().toLowerCase(java.util.Locale.ROOT);
        }
      }
      out.put(name, new VoidEntry(bytes, triples, sha));
    }
    return out;
  }

  private static long literalLong(Graph g, Node s, String p) {
    var it = g.find(s, Vocab.uri(p), Node.ANY);
    if (!it.hasNext()) {
      return -1;
    }
    try {
      return Long.parseLong(it.next().getObject().getLiteralLexicalForm());
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** The union of the named graphs and the default graph, as one graph. */
  static Graph unionOf(DatasetGraph dsg) {
    return org.trackerkg.base.UnionGraph.copyOf(dsg);
  }

  static long countQuads(DatasetGraph dsg) {
    long n = 0;
    var it = dsg.find();
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }

  private static byte[] bytes(DatasetGraph dsg, RdfOutput.Format f, String base) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfOutput.write(dsg, f, base, out);
    return out.toByteArray();
  }

  static Model rio(byte[] data, RDFFormat format, String base) throws IOException {
    return Rio.parse(new ByteArrayInputStream(data), base, format);
  }

  static RDFFormat rioFormat(RdfOutput.Format f) {
    return switch (f) {
      case TTL -> RDFFormat.TURTLE;
      case NT -> RDFFormat.NTRIPLES;
      case TRIG -> RDFFormat.TRIG;
      case NQ -> RDFFormat.NQUADS;
      case JSONLD -> RDFFormat.JSONLD;
      case RDFXML -> RDFFormat.RDFXML;
    };
  }

  static String sha256(Path p) throws IOException {
    return Hashes.sha256Hex(p);
  }
}
