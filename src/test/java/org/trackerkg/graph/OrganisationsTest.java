package org.trackerkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;
import org.trackerkg.base.Domains;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.vocab.Iris;

/**
 * Makers and organisations over the published data ({@code data/}: the 60 profiles, the εxodus database, the seed
 * and the Wikidata links): name rules one by one, pinned joins and non-joins, the share of trackers with a maker,
 * Google's trackers through its subsidiaries, links on owning nodes, and the data of an organisation's page.
 */
class OrganisationsTest {
  static final String ORG = Iris.DEFAULT_BASE + "id/org/";
  static final String PREFIXES = "PREFIX tkg: <https://w3id.org/tracker-kg/ontology#>\n"
      + "PREFIX owl: <http://www.w3.org/2002/07/owl#>\nPREFIX schema: <http://schema.org/>\n"
      + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
      + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";
  static Dataset data;

  @BeforeAll
  static void load() {
    data = CannedQuery.unionView(Pipeline.load(List.of(Corpus.project().resolve("data")), Iris.DEFAULT_BASE)
        .dataset());
  }

  static List<Map<String, String>> select(String query) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.dataset(data).query(PREFIXES + query).build()) {
      qe.execSelect().forEachRemaining((QuerySolution s) -> {
        Map<String, String> row = new TreeMap<>();
        s.varNames().forEachRemaining(v -> row.put(v, s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm()
            : s.get(v).toString()));
        rows.add(row);
      });
    }
    return rows;
  }

  @Test
  void everyLegalFormAndDescriptorIsDroppedAtTheEndOnly() {
    for (String w : OrgNames.LEGAL_FORMS) {
      assertEquals("acme", OrgNames.key("Acme " + w), w);
      assertEquals(w + "acme", OrgNames.key(w + " Acme"), w + " first stays");
    }
    for (String w : OrgNames.DESCRIPTORS) {
      assertEquals("acme", OrgNames.key("Acme " + w.toUpperCase(java.util.Locale.ROOT)), w);
      assertTrue(OrgNames.whySame("Acme " + w, "Acme").contains("descriptor '" + w + "'"));
    }
    assertEquals("group", OrgNames.key("Group"), "a name is never cut to nothing");
    assertEquals("alibaba", OrgNames.key("Alibaba Group. Alibaba"));
    assertEquals("Alibaba Group", OrgNames.display("Alibaba Group. Alibaba"));
  }

  /** Ten pairs that are one company, each with the evidence a join carries. */
  @Test
  void tenJoins() {
    String[][] joins = {
        {"Verizon Communications", "Verizon", "descriptor 'communications'"},
        {"Alibaba Group. Alibaba", "Alibaba", "trailing sentence"},
        {"Adobe Systems Incorporated", "Adobe", "legal form 'incorporated', descriptor 'systems'"},
        {"Cuebiq, Inc", "Cuebiq", "legal form 'inc'"},
        {"Verizon Communications. See", "Verizon", "trailing sentence"},
        {"Bit Stadium GmbH", "Bit Stadium", "legal form 'gmbh'"},
        {"SoftBank Group Corp.", "SoftBank", "legal form 'corp', descriptor 'group'"},
        {"Tencent Holdings Ltd", "Tencent", "legal form 'ltd', descriptor 'holdings'"},
        {"Condé Nast", "Conde Nast", "case, accents or punctuation"},
        {"Criteo (A.I. marketing platform)", "criteo", "case, accents or punctuation"}};
    for (String[] j : joins) {
      assertEquals(OrgNames.key(j[1]), OrgNames.key(j[0]), j[0]);
      assertTrue(OrgNames.whySame(j[0], j[1]).contains(j[2]), j[0] + ": " + OrgNames.whySame(j[0], j[1]));
    }
  }

  /** Ten pairs that share words but are different organisations: never joined. */
  @Test
  void tenNonJoins() {
    String[][] apart = {
        {"Verizon Media", "Verizon"}, {"Millennial Media", "Millenial Media"}, {"Google Analytics", "Google"},
        {"Google+", "Google"}, {"Facebook Custom Audiences", "Facebook"}, {"Adobe Target", "Target"},
        {"Twitter Campaigns", "Twitter"}, {"Umeng Analytics", "Umeng Feedback"}, {"Amazon Advertising", "Amazon"},
        {"AOL Group Media", "AOL"}};
    for (String[] a : apart) {
      assertNotEquals(OrgNames.key(a[0]), OrgNames.key(a[1]), a[0] + " / " + a[1]);
    }
  }

  @Test
  void domainsUseThePublicSuffixList() {
    assertEquals("google.com", Domains.registrable("firebase.google.com"));
    assertEquals("yahoo.co.jp", Domains.registrable("ads.yahoo.co.jp"));
    assertEquals("uol.com.br", Domains.registrable("www.uol.com.br"));
    assertEquals("example.github.io", Domains.registrable("example.github.io"));
    assertTrue(Domains.isHosting("https://github.com/BoltsFramework/Bolts-Android"));
    assertTrue(Domains.isHosting("https://www.crunchbase.com/organization/revmob"));
    assertFalse(Domains.isHosting("https://firebase.google.com/"));
  }

  @Test
  void atLeast95PercentOfTrackersHaveAMakerEachWithEvidence() {
    Map<String, String> r = select("SELECT (COUNT(DISTINCT ?t) AS ?all) (COUNT(DISTINCT ?m) AS ?made) WHERE {"
        + " { ?t a tkg:Tracker } UNION { ?m a tkg:Tracker ; tkg:company [] } }").get(0);
    int all = Integer.parseInt(r.get("all"));
    int made = Integer.parseInt(r.get("made"));
    assertTrue(all >= 430, "trackers: " + all);
    assertTrue(made * 100 >= all * 95, made + " of " + all + " trackers have a maker");
    // every inferred maker has its evidence and rule on its claim
    List<Map<String, String>> bare = select("SELECT ?c WHERE { ?c tkg:makerRule ?r FILTER NOT EXISTS"
        + " { ?c tkg:evidence ?e } }");
    assertTrue(bare.isEmpty(), bare.toString());
    List<Map<String, String>> ev = select("SELECT ?e WHERE { ?c rdf:subject <" + Iris.DEFAULT_BASE
        + "id/tracker/google-firebase-analytics> ; rdf:predicate tkg:company ; tkg:evidence ?e }");
    assertTrue(ev.get(0).get("e").contains("εxodus name prefix 'Google'"), ev.toString());
  }

  @Test
  void trackersByUltimateOwnerForGoogleHasEveryGoogleTracker() {
    List<Map<String, String>> rows = select(
        "SELECT DISTINCT ?tracker ?name WHERE { ?tracker a tkg:Tracker ; tkg:company ?m . ?m tkg:owner* <" + ORG
            + "google> . OPTIONAL { ?tracker schema:name ?name } }");
    Set<String> got = new TreeSet<>();
    rows.forEach(r -> got.add(r.get("tracker").substring((Iris.DEFAULT_BASE + "id/tracker/").length())));
    // the εxodus names starting with Google, and the profiled Google trackers
    List<Map<String, String>> google = select("SELECT DISTINCT ?t WHERE { ?t a tkg:Tracker ; tkg:exodusId ?id ;"
        + " schema:name ?n FILTER STRSTARTS(?n, \"Google\") }");
    assertTrue(google.size() >= 8, google.toString());
    for (Map<String, String> g : google) {
      assertTrue(got.contains(g.get("t").substring((Iris.DEFAULT_BASE + "id/tracker/").length())),
          g + " not in " + got);
    }
    assertTrue(got.containsAll(Set.of("crashlytics", "doubleclick", "google-analytics", "google-admob",
        "google-firebase-analytics")), got.toString());
  }

  @Test
  void noTwoOrganisationsShareAResolutionKey() {
    Map<String, Set<String>> byKey = new TreeMap<>();
    select("SELECT ?o (MIN(STR(?l)) AS ?label) WHERE { ?o a tkg:Organization ; rdfs:label ?l } GROUP BY ?o")
        .forEach(r -> byKey.computeIfAbsent(OrgNames.key(r.get("label")), k -> new TreeSet<>()).add(r.get("o")));
    byKey.forEach((k, os) -> assertEquals(1, os.size(), k + ": " + os));
    assertFalse(byKey.containsKey("alibabagroupalibaba"));
  }

  @Test
  void wikidataLinksLandOnOwningNodes() {
    // no linked organisation is a split copy: each one's trackers (made, or made by what it owns) are its own
    List<Map<String, String>> linked = select("SELECT DISTINCT ?o WHERE { ?o a tkg:Organization ; owl:sameAs ?q }");
    assertTrue(linked.size() >= 10, linked.toString());
    for (String org : List.of("google", "verizon-communications", "alibaba-group", "adobe", "twitter")) {
      assertTrue(linked.stream().anyMatch(r -> r.get("o").equals(ORG + org)), org + " linked");
      assertFalse(select("SELECT ?t WHERE { ?t tkg:company/tkg:owner* <" + ORG + org + "> }").isEmpty(),
          org + " has trackers");
    }
    List<Map<String, String>> flurry = select("SELECT ?q WHERE { <" + Iris.DEFAULT_BASE
        + "id/tracker/flurry> tkg:company/tkg:owner* ?o . ?o owl:sameAs ?q }");
    assertTrue(flurry.stream().anyMatch(r -> r.get("q").endsWith("Q467752")), flurry.toString());
  }

  /** What the organisation page of Google shows, from the graph alone. */
  @Test
  void organisationPageData() {
    String g = "<" + ORG + "google>";
    assertFalse(select("SELECT ?t WHERE { ?t tkg:company " + g + " }").isEmpty(), "trackers it makes");
    assertFalse(select("SELECT ?t WHERE { ?t tkg:company ?s . ?s tkg:owner+ " + g + " }").isEmpty(),
        "trackers made by subsidiaries");
    assertFalse(select("SELECT ?s WHERE { <" + ORG + "crashlytics> tkg:owner+ " + g + " }").isEmpty(), "chain");
    assertFalse(select("SELECT ?w WHERE { ?t tkg:company " + g + " ; schema:url ?w }").isEmpty(), "websites");
    assertEquals("http://www.wikidata.org/entity/Q95",
        select("SELECT ?q WHERE { " + g + " owl:sameAs ?q }").get(0).get("q"));
    assertFalse(select("SELECT ?t WHERE { ?t tkg:partner|tkg:customer " + g + " }").isEmpty(), "partner of");
  }

  /** An owner stated beside an acquisition in the same document carries its date and the acquisition it comes from. */
  @Test
  void ownerClaimsCarryTheDateOfTheAcquisitionTheSameDocumentStates() {
    List<Map<String, String>> rows = select("PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        + "SELECT ?owned ?since ?year WHERE { ?c a tkg:Claim ; rdf:subject ?owned ; rdf:predicate tkg:owner ;"
        + " rdf:object <" + ORG + "microsoft> ; schema:startDate ?since ; prov:wasDerivedFrom ?a ."
        + " ?a a tkg:Acquisition ; tkg:acquiredOrganization ?owned ; tkg:acquirer <" + ORG + "microsoft> ;"
        + " tkg:acquisitionYear ?year }");
    assertTrue(rows.contains(Map.of("owned", ORG + "hockeyapp", "since", "2014", "year", "2014")), rows.toString());
    for (Map<String, String> r : select("PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        + "SELECT ?p ?since WHERE { ?c rdf:predicate ?p ; schema:startDate ?since ; prov:wasDerivedFrom ?a }")) {
      assertEquals("https://w3id.org/tracker-kg/ontology#owner", r.get("p"), "only owner claims are dated: " + r);
    }
  }
}
