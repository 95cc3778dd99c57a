package org.trackerkg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.graph.TrackerResolver;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** εxodus records and profiles about the same tracker meet at one node, on evidence rather than names. */
class ExodusMergeTest {
  static Pipeline.Loaded loaded;
  static List<Dossier> dossiers;

  @BeforeAll
  static void load() {
    Corpus.assumePresent();
    loaded = Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson(), Path.of("src/test/seed")), Iris.DEFAULT_BASE);
    dossiers = loaded.read().dossiers();
  }

  static final String PREFIXES = """
      PREFIX tkg: <https://w3id.org/tracker-kg/ontology#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX owl: <http://www.w3.org/2002/07/owl#>
      PREFIX wd: <http://www.wikidata.org/entity/>
      PREFIX t: <https://w3id.org/tracker-kg/id/tracker/>
      PREFIX o: <https://w3id.org/tracker-kg/id/org/>
      """;

  static boolean ask(String where) {
    try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(loaded.dataset().getUnionGraph()))
        .query(PREFIXES + "ASK { " + where + " }").build()) {
      return qe.execAsk();
    }
  }

  static boolean askDataset(String where) {
    try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(loaded.dataset()))
        .query(PREFIXES + "ASK { " + where + " }").build()) {
      return qe.execAsk();
    }
  }

  static String report(TrackerResolver r) {
    StringBuilder sb = new StringBuilder();
    r.linkage().matches().forEach(c -> sb.append("MATCH ").append(c.profile().name()).append(" <-> ")
        .append(c.record().exodusId()).append(' ').append(c.record().name()).append(' ').append(c.evidence())
        .append('\n'));
    r.linkage().nearMisses().forEach(n -> sb.append("NEAR ").append(n.candidate().profile().name()).append(" ~ ")
        .append(n.candidate().record().exodusId()).append(' ').append(n.candidate().record().name()).append(' ')
        .append(n.candidate().evidence()).append(" : ").append(n.reason()).append('\n'));
    r.linkage().unmatchedProfiles().forEach(p -> sb.append("ALONE ").append(p.name()).append('\n'));
    return sb.toString();
  }

  @Test
  void mergesOnSignaturesAndDomains() {
    TrackerResolver r = new TrackerResolver(dossiers);
    for (String[] e : new String[][] {{"mparticle", "18"}, {"appsflyer", "12"}, {"flurry", "25"}, {"mopub", "35"},
        {"kochava", "127"}, {"safegraph", "44"}, {"krux", "3"}}) {
      assertTrue(ask("t:" + e[0] + " tkg:exodusId " + e[1] + " ; rdfs:seeAlso"
          + " <https://reports.exodus-privacy.eu.org/en/trackers/" + e[1] + "/>"), e[0] + " ↔ " + e[1]);
    }
    // the facts stay in their sources' graphs
    assertTrue(askDataset("GRAPH <https://w3id.org/tracker-kg/graph/exodus/twitter-mopub> { t:mopub tkg:exodusId 35 ;"
        + " rdfs:label \"Twitter MoPub\" }"));
    assertTrue(askDataset("GRAPH <https://w3id.org/tracker-kg/graph/profiles/mopub> { t:mopub rdfs:label \"MoPub\" }"));
    assertTrue(!askDataset("GRAPH <https://w3id.org/tracker-kg/graph/profiles/mopub> { t:mopub tkg:exodusId ?id }"));
  }

  @Test
  void sameOutcomeWhateverTheOrder() {
    List<Dossier> reversed = new ArrayList<>(dossiers);
    Collections.reverse(reversed);
    assertEquals(report(new TrackerResolver(dossiers)), report(new TrackerResolver(reversed)));
  }

  @Test
  void wikidata() {
    System.out.println(loaded.diagnostics().stream().filter(d -> d.file().contains("wikidata"))
        .map(Object::toString).collect(Collectors.joining("\n")));
    assertTrue(ask("o:google owl:sameAs wd:Q95 ; <http://schema.org/sameAs> wd:Q95"));
  }
}
