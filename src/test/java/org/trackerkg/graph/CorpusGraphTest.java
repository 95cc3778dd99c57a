package org.trackerkg.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trackerkg.Corpus;
import org.trackerkg.base.UnionGraph;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.validate.Validation;
import org.trackerkg.vocab.Iris;

/** The 60 profiles and the εxodus database together: conformance, entity resolution, formats, determinism. */
class CorpusGraphTest {
  static Pipeline.Loaded loaded;
  /** The union of the named graphs, materialised once: a live union view is slow to search. */
  static Graph union;
  /** What Rio reads from our sorted N-Triples and N-Quads: the reference every other format is compared with. */
  static Model rioTriples;
  static Model rioQuads;

  @BeforeAll
  static void convertCorpus() throws IOException {
    Corpus.assumePresent();
    loaded = Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson()), Iris.DEFAULT_BASE);
    union = UnionGraph.copyOf(loaded.dataset());
    rioTriples = rio(RdfOutput.Format.NT, RDFFormat.NTRIPLES);
    rioQuads = rio(RdfOutput.Format.NQ, RDFFormat.NQUADS);
  }

  private static Model rio(RdfOutput.Format ours, RDFFormat theirs) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfOutput.write(loaded.dataset(), ours, Iris.DEFAULT_BASE, out);
    return Rio.parse(new ByteArrayInputStream(out.toByteArray()), Iris.DEFAULT_BASE, theirs);
  }

  /** ASK over the union of the named graphs: facts from different documents meet there. */
  static boolean ask(String where) {
    try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(union))
        .query(SeedGraphTest.PREFIXES + "ASK { " + where + " }").build()) {
      return qe.execAsk();
    }
  }

  @Test
  void readsEverythingWithoutErrors() {
    assertTrue(loaded.diagnostics().stream().noneMatch(d -> d.isError()),
        loaded.diagnostics().stream().filter(d -> d.isError()).map(Object::toString).collect(Collectors.joining("\n")));
    assertEquals(60 + 432, loaded.dossierCount());
  }

  @Test
  void conformsToTheShapes() {
    Validation.Report report = Validation.validate(loaded.dataset(), loaded.graph().sourceFiles());
    assertTrue(report.conforms(), report.findings().stream().filter(Validation.Finding::isViolation).limit(20)
        .map(Object::toString).collect(Collectors.joining("\n")));
  }

  @Test
  void organisationsSharedBetweenDocumentsAreOneNode() {
    // mParticle's partner SafeGraph is the company of the SafeGraph profile
    assertTrue(ask("t:mparticle tkg:partner o:safegraph . t:safegraph tkg:company o:safegraph"));
    // Salesforce: owner of Krux, named elsewhere too
    assertTrue(ask("t:krux tkg:company ?k . ?k tkg:owner o:salesforce"));
    // Google owns DoubleClick and Crashlytics; Adobe owns Demdex and Omniture
    assertTrue(ask("t:doubleclick tkg:company ?c . ?c tkg:owner o:google"));
    assertTrue(ask("t:crashlytics tkg:company ?c . ?c tkg:owner o:google"));
    assertTrue(ask("t:demdex tkg:company ?c . ?c tkg:owner o:adobe"));
    assertTrue(ask("t:omniture tkg:company ?c . ?c tkg:owner o:adobe"));
    // mParticle's integration "Kochava" and the εxodus Kochava record meet at one node
    assertTrue(ask("t:mparticle tkg:integratesWith o:kochava . t:kochava tkg:company o:kochava"));
    // "Appboy" (an integration), the "Appboy (Braze)" profile and εxodus's Braze: one organisation
    assertTrue(ask("t:mparticle tkg:integratesWith ?o . t:appboy tkg:company ?o . ?o rdfs:label \"Appboy\""));
    // "Mixpanel" and "MixPanel"
    assertTrue(ask("t:mparticle tkg:integratesWith ?m . t:mixpanel tkg:company ?m"));
    // every spelling is kept as a label
    assertTrue(ask("?m rdfs:label \"Mixpanel\" . ?m rdfs:label \"MixPanel\""));
  }

  @ParameterizedTest
  @EnumSource(RdfOutput.Format.class)
  void eachFormatReadsBackWithRioIsomorphicToJena(RdfOutput.Format format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfOutput.write(loaded.dataset(), format, Iris.DEFAULT_BASE, out);
    byte[] bytes = out.toByteArray();
    RDFFormat rio = switch (format) {
      case TTL -> RDFFormat.TURTLE;
      case NT -> RDFFormat.NTRIPLES;
      case TRIG -> RDFFormat.TRIG;
      case NQ -> RDFFormat.NQUADS;
      case JSONLD -> RDFFormat.JSONLD;
      case RDFXML -> RDFFormat.RDFXML;
    };
    Model fromRio = Rio.parse(new ByteArrayInputStream(bytes), Iris.DEFAULT_BASE, rio);
    Model expected = format.quads ? rioQuads : rioTriples;
    assertTrue(Models.isomorphic(expected, fromRio), format + ": Rio's reading differs");
    // and Jena reading the same bytes gives the graph in memory
    DatasetGraph back = DatasetGraphFactory.create();
    RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang).base(Iris.DEFAULT_BASE).parse(back);
    Graph read = format.quads ? UnionGraph.copyOf(back) : back.getDefaultGraph();
    assertTrue(read.isIsomorphicWith(union), format + ": Jena's reading differs");
    if (format.quads) {
      loaded.dataset().listGraphNodes().forEachRemaining(g ->
          assertTrue(back.getGraph(g).isIsomorphicWith(loaded.dataset().getGraph(g)), format + ": graph " + g));
    }
    assertEquals(expected.size(), fromRio.size());
  }

  @Test
  void convertingTwiceGivesIdenticalBytesWhateverTheFileOrder() throws IOException {
    byte[] first = ttl(loaded);
    byte[] second = ttl(Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson()), Iris.DEFAULT_BASE));
    assertArrayEquals(first, second);
    // the same files given one by one in reverse order
    List<Path> files;
    try (var s = Files.list(Corpus.profiles())) {
      files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    }
    Collections.reverse(files);
    files.add(0, Corpus.exodusJson());
    ReadResult read = DossierReader.read(files);
    GraphBuilder.Result reversed = GraphBuilder.create().build(read.dossiers());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfOutput.write(reversed.dataset(), RdfOutput.Format.NQ, Iris.DEFAULT_BASE, out);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    RdfOutput.write(loaded.dataset(), RdfOutput.Format.NQ, Iris.DEFAULT_BASE, expected);
    assertArrayEquals(expected.toByteArray(), out.toByteArray());
  }

  private static byte[] ttl(Pipeline.Loaded l) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfOutput.write(l.dataset(), RdfOutput.Format.TTL, Iris.DEFAULT_BASE, out);
    return out.toByteArray();
  }
}
