package org.trackerkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** SPARQL ASK over the converted seed: every fact of the reader's golden test, and the provenance paths. */
class SeedGraphTest {
  static final String PREFIXES = """
      PREFIX tkg: <https://w3id.org/tracker-kg/ontology#>
      PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      PREFIX schema: <http://schema.org/>
      PREFIX dct: <http://purl.org/dc/terms/>
      PREFIX dpv: <https://w3id.org/dpv#>
      PREFIX pd: <https://w3id.org/dpv/pd#>
      PREFIX loc: <https://w3id.org/dpv/loc#>
      PREFIX t: <https://w3id.org/tracker-kg/id/tracker/>
      PREFIX o: <https://w3id.org/tracker-kg/id/org/>
      """;

  static Dataset ds;

  @BeforeAll
  static void convertSeed() {
    Pipeline.Loaded loaded = Pipeline.load(List.of(Path.of("data/dossiers/mparticle.md")), Iris.DEFAULT_BASE);
    assertTrue(loaded.diagnostics().stream().noneMatch(d -> d.isError()), loaded.diagnostics().toString());
    ds = DatasetFactory.wrap(loaded.dataset());
  }

  static boolean ask(String where) {
    try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + "ASK { GRAPH ?g { " + where + " } }")
        .build()) {
      return qe.execAsk();
    }
  }

  static long count(String select) {
    try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + select).build()) {
      ResultSet rs = qe.execSelect();
      QuerySolution s = rs.next();
      return s.getLiteral("n").getLong();
    }
  }

  void assertAsk(String where) {
    assertTrue(ask(where), "expected: " + where);
  }

  @Test
  void trackerFacts() {
    assertAsk("t:mparticle a tkg:Tracker ; rdfs:label \"mParticle\" ; tkg:inExodus true");
    assertAsk("t:mparticle schema:url <https://www.mparticle.com>");
    assertAsk("t:mparticle schema:address ?a . ?a schema:addressCountry \"US\" ; schema:addressLocality \"New York\""
        + " ; tkg:country loc:US");
    assertAsk("t:mparticle tkg:signature ?s . ?s a tkg:NetworkSignature ; tkg:pattern \"mparticle\\\\.com\"");
    assertAsk("t:mparticle tkg:signature ?s . ?s a tkg:CodeSignature ; tkg:pattern \"com.mparticle\"");
    assertAsk("t:mparticle tkg:company o:mparticle . o:mparticle a tkg:Organization");
  }

  @Test
  void relationships() {
    assertEquals(30, count("SELECT (COUNT(DISTINCT ?o) AS ?n) { GRAPH ?g { t:mparticle tkg:customer ?o } }"));
    assertEquals(19, count("SELECT (COUNT(DISTINCT ?o) AS ?n) { GRAPH ?g { t:mparticle tkg:integratesWith ?o } }"));
    assertAsk("t:mparticle tkg:customer o:airbnb ; tkg:customer o:soulcycle ; tkg:customer o:walmart");
    assertAsk("t:mparticle tkg:integratesWith o:amazon-redshift ; tkg:integratesWith o:comscore");
    assertAsk("t:mparticle tkg:partner o:safegraph ; tkg:partner o:salesforce-marketing-cloud");
    assertAsk("o:safegraph rdfs:label \"SafeGraph\"");
  }

  @Test
  void policyClauses() {
    for (String label : List.of("Data Collection", "Information sharing", "Security", "Data retention", "Opt-out",
        "International law")) {
      assertAsk("t:mparticle tkg:clause ?c . ?c rdfs:label \"" + label + "\" ; schema:text ?text ; tkg:clauseKind ?k");
    }
    assertEquals(6, count("SELECT (COUNT(DISTINCT ?c) AS ?n) { GRAPH ?g { t:mparticle tkg:clause ?c } }"));
    assertAsk("t:mparticle tkg:clause ?c . ?c rdfs:label \"Information sharing\" ; schema:text ?t"
        + " FILTER(CONTAINS(?t, \"lawful request by public authorities\"))");
    assertAsk("t:mparticle tkg:clause ?c . ?c rdfs:label \"Data retention\" ; tkg:clauseKind ?k"
        + " FILTER(STRENDS(STR(?k), \"retention\"))");
    assertAsk("t:mparticle tkg:clause ?c . ?c rdfs:label \"Data Collection\" ; dpv:hasPersonalData pd:Location ;"
        + " dpv:hasPersonalData tkg:AdvertisingIdentifier ; tkg:annotation ?a . ?a tkg:evidence ?e");
  }

  @Test
  void foundingAndFunding() {
    assertAsk("o:mparticle schema:foundingDate \"2013\"^^xsd:gYear");
    assertAsk("o:mparticle tkg:fundingRaised ?m . ?m a schema:MonetaryAmount ; schema:value ?v ;"
        + " schema:currency \"USD\" ; tkg:qualifier \"over\" FILTER(?v = 76000000)");
  }

  @Test
  void references() {
    assertEquals(14, count("SELECT (COUNT(DISTINCT ?r) AS ?n) { GRAPH ?g { t:mparticle dct:references ?r } }"));
    assertEquals(11, count("SELECT (COUNT(DISTINCT ?r) AS ?n) { GRAPH ?g { t:mparticle dct:references ?r ."
        + " ?r tkg:listed true } }"));
    for (String key : List.of("Crunchbase, 01", "mParticle, 12", "mParticle, 13")) {
      assertAsk("t:mparticle dct:references ?r . ?r tkg:key \"" + key + "\" ; tkg:listed false ; schema:url ?u");
    }
  }

  @Test
  void provenancePaths() {
    // the "Data retention" clause → reference "mParticle, 12" → its URL
    assertAsk("t:mparticle tkg:clause ?c . ?c rdfs:label \"Data retention\" ; tkg:citation ?r ."
        + " ?r tkg:key \"mParticle, 12\" ; schema:url <https://www.mparticle.com/privacypolicy>");
    // the location → "Crunchbase, 01"
    assertAsk("t:mparticle schema:address ?a . ?a tkg:citation ?r . ?r tkg:key \"Crunchbase, 01\" ;"
        + " schema:url <https://www.crunchbase.com/organization/mparticle>");
    // the customer Walmart → "mParticle, 03", through the claim that reifies the triple
    assertAsk("?claim a tkg:Claim ; rdf:subject t:mparticle ; rdf:predicate tkg:customer ; rdf:object o:walmart ;"
        + " tkg:citation ?r . ?r tkg:key \"mParticle, 03\""
        + " ; schema:url <https://www.mparticle.com/news/mparticle-gartner-magic-quadrant-digital-marketing-hubs>");
    // and back: from a reference to the facts it supports
    assertAsk("?r tkg:key \"mParticle, 10\" . ?claim tkg:citation ?r ; rdf:object o:safegraph");
    // the founding year is sourced too
    assertAsk("?claim rdf:subject o:mparticle ; rdf:predicate schema:foundingDate ; tkg:citation ?r ."
        + " ?r tkg:key \"Crunchbase, 01\"");
  }

  @Test
  void sourceDocument() {
    assertAsk("?doc a tkg:SourceDocument ; tkg:fileName \"mparticle.md\" ; tkg:sha256 ?h ; dct:license ?l ;"
        + " <http://xmlns.com/foaf/0.1/primaryTopic> t:mparticle ; tkg:section ?s . ?s tkg:heading \"Privacy Policy\"");
  }

  @Test
  void noBlankNodes() {
    ds.asDatasetGraph().find().forEachRemaining(q -> {
      assertTrue(!q.getSubject().isBlank() && !q.getObject().isBlank(), "blank node in " + q);
    });
  }
}
