package org.trackerkg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

/** The ontology, the SHACL shapes and the DPV rule table: they parse, they are complete, and they do their job. */
class OntologyTest {
  static final String ONTOLOGY = "/org/trackerkg/ontology/tracker.ttl";
  static final String SHAPES = "/org/trackerkg/ontology/shapes.ttl";
  static final String RULES = "/org/trackerkg/graph/dpv-rules.tsv";
  static final String TKG = "https://w3id.org/tracker-kg/ontology#";
  static final Map<String, String> PREFIXES = Map.of(
      "dpv", "https://w3id.org/dpv#",
      "pd", "https://w3id.org/dpv/pd#",
      "loc", "https://w3id.org/dpv/loc#",
      "tech", "https://w3id.org/dpv/tech#",
      "tkg", TKG);

  static byte[] bytes(String resource) throws IOException {
    try (InputStream in = OntologyTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "not on the classpath: " + resource);
      return in.readAllBytes();
    }
  }

  static Model jena(String resource) throws IOException {
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(m, new ByteArrayInputStream(bytes(resource)), Lang.TURTLE);
    return m;
  }

  // ---- (b) completeness of the ontology ----

  @Test
  void everyTermHasLabelCommentDomainAndRange() throws IOException {
    Model m = jena(ONTOLOGY);
    List<String> problems = new ArrayList<>();
    List<Resource> classes = m.listSubjectsWithProperty(RDF.type, OWL.Class).toList();
    List<Resource> properties = new ArrayList<>();
    properties.addAll(m.listSubjectsWithProperty(RDF.type, OWL.ObjectProperty).toList());
    properties.addAll(m.listSubjectsWithProperty(RDF.type, OWL.DatatypeProperty).toList());
    properties.addAll(m.listSubjectsWithProperty(RDF.type, OWL.AnnotationProperty).toList());
    assertTrue(classes.size() >= 17, "classes: " + classes.size());
    assertTrue(properties.size() >= 40, "properties: " + properties.size());
    for (Resource t : classes) {
      if (t.isURIResource() && t.getURI().startsWith(TKG)) {
        checkDocumented(m, t, problems);
      }
    }
    for (Resource t : properties) {
      if (t.isURIResource() && t.getURI().startsWith(TKG)) {
        checkDocumented(m, t, problems);
        if (!t.hasProperty(RDFS.domain)) {
          problems.add(t.getLocalName() + ": no rdfs:domain");
        }
        if (!t.hasProperty(RDFS.range)) {
          problems.add(t.getLocalName() + ": no rdfs:range");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static void checkDocumented(Model m, Resource t, List<String> problems) {
    if (!hasEnglish(t, RDFS.label)) {
      problems.add(t.getLocalName() + ": no rdfs:label@en");
    }
    if (!hasEnglish(t, RDFS.comment)) {
      problems.add(t.getLocalName() + ": no rdfs:comment@en");
    }
  }

  private static boolean hasEnglish(Resource t, org.apache.jena.rdf.model.Property p) {
    return t.listProperties(p).toList().stream().map(s -> s.getObject())
        .anyMatch(o -> o.isLiteral() && "en".equalsIgnoreCase(o.asLiteral().getLanguage()));
  }

  @Test
  void ontologyHeaderIsComplete() throws IOException {
    Model m = jena(ONTOLOGY);
    Resource ont = m.getResource("https://w3id.org/tracker-kg/ontology");
    assertTrue(m.contains(ont, RDF.type, OWL.Ontology));
    assertTrue(m.contains(ont, OWL.versionIRI, m.getResource("https://w3id.org/tracker-kg/ontology/0.1.0")));
    for (String p : List.of("http://purl.org/dc/terms/title", "http://purl.org/dc/terms/description",
        "http://purl.org/dc/terms/license", "http://purl.org/dc/terms/creator",
        "http://purl.org/vocab/vann/preferredNamespacePrefix", "http://purl.org/vocab/vann/preferredNamespaceUri")) {
      assertTrue(ont.hasProperty(m.getProperty(p)), "ontology header lacks " + p);
    }
    assertTrue(ont.hasProperty(OWL.versionInfo));
  }

  @Test
  void everyClauseLabelMapsToOneConcept() throws IOException {
    Model m = jena(ONTOLOGY);
    Resource scheme = m.getResource(TKG + "ClauseKindScheme");
    Map<String, Set<String>> byLabel = new java.util.HashMap<>();
    for (Resource c : m.listSubjectsWithProperty(m.getProperty("http://www.w3.org/2004/02/skos/core#inScheme"), scheme).toList()) {
      for (String l : List.of("prefLabel", "altLabel", "hiddenLabel")) {
        for (RDFNode o : m.listObjectsOfProperty(c, m.getProperty("http://www.w3.org/2004/02/skos/core#" + l)).toList()) {
          String norm = o.asLiteral().getString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
          byLabel.computeIfAbsent(norm, k -> new LinkedHashSet<>()).add(c.getURI());
        }
      }
    }
    for (String key : List.of("collection", "sharing", "security", "retention", "opt-out", "international-transfer",
        "third-parties", "other")) {
      assertTrue(m.containsResource(m.getResource(TKG + "clause-kind-" + key)), "missing clause kind " + key);
    }
    List<String> ambiguous = byLabel.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.toList());
    assertTrue(ambiguous.isEmpty(), "labels naming two concepts: " + ambiguous);
    for (String seen : List.of("Data Collection", "Information sharing", "Data retention", "Opt-out",
        "International law", "Third Parties", "DMP Opt-Out", "Security", "Opt-Out (geolocation")) {
      String norm = seen.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
      assertTrue(byLabel.containsKey(norm), "label not mapped: " + seen);
    }
  }

  // ---- (c) both parsers agree ----

  @Test
  void jenaAndRdf4jReadTheSameTriples() throws Exception {
    for (String r : List.of(ONTOLOGY, SHAPES)) {
      long jenaCount = jena(r).size();
      org.eclipse.rdf4j.model.Model rio = Rio.parse(new ByteArrayInputStream(bytes(r)),
          "https://w3id.org/tracker-kg/", RDFFormat.TURTLE);
      assertTrue(jenaCount > 100, r + ": suspiciously few triples " + jenaCount);
      assertEquals(jenaCount, rio.size(), r + ": Jena and RDF4J disagree on the triple count");
    }
  }

  // ---- (d) SHACL ----

  static Shapes shapes() throws IOException {
    Graph g = jena(SHAPES).getGraph();
    return Shapes.parse(g);
  }

  static Graph sample(String name) throws IOException {
    return jena("/org/trackerkg/validate/" + name).getGraph();
  }

  @Test
  void shapesParse() throws IOException {
    Shapes s = shapes();
    assertTrue(s.numRootShapes() >= 15, "root shapes: " + s.numRootShapes());
  }

  @Test
  void validSampleConforms() throws IOException {
    ValidationReport report = ShaclValidator.get().validate(shapes(), sample("valid-sample.ttl"));
    List<String> findings = report.getEntries().stream().map(ReportEntry::toString).collect(Collectors.toList());
    assertTrue(report.conforms(), "valid sample does not conform:\n" + String.join("\n", findings));
  }

  @Test
  void validSampleWithOntologyConforms() throws IOException {
    Graph g = sample("valid-sample.ttl");
    jena(ONTOLOGY).getGraph().find().forEachRemaining(g::add);
    ValidationReport report = ShaclValidator.get().validate(shapes(), g);
    assertTrue(report.conforms(), () -> report.getEntries().toString());
  }

  @Test
  void invalidSampleIsCaught() throws IOException {
    ValidationReport report = ShaclValidator.get().validate(shapes(), sample("invalid-sample.ttl"));
    assertFalse(report.conforms());
    List<ReportEntry> violations = report.getEntries().stream()
        .filter(e -> e.severity() == Severity.Violation).collect(Collectors.toList());
    assertTrue(has(violations, "http://schema.org/addressCountry"), "no violation for country \"USA\": " + violations);
    assertTrue(has(violations, RDFS.label.getURI()), "no violation for the missing label: " + violations);
    assertTrue(has(violations, "http://schema.org/url"), "no violation for the string URL: " + violations);
    for (ReportEntry e : report.getEntries()) {
      assertNotNull(e.message(), "every finding reads well: " + e);
    }
  }

  private static boolean has(List<ReportEntry> entries, String path) {
    return entries.stream().anyMatch(e -> e.resultPath() != null && e.resultPath().toString().contains(path));
  }

  // ---- (e) DPV rules ----

  record Rule(String property, String concept, Pattern pattern, int line) {}

  static String expand(String curie, int line) {
    int colon = curie.indexOf(':');
    String ns = colon < 0 ? null : PREFIXES.get(curie.substring(0, colon));
    if (ns == null) {
      fail(RULES + ":" + line + ": unknown prefix in \"" + curie + "\"");
    }
    return ns + curie.substring(colon + 1);
  }

  static List<Rule> rules() throws IOException {
    String[] lines = new String(bytes(RULES), StandardCharsets.UTF_8).split("\n", -1);
    assertEquals("property\tconcept\tpattern\tnote", lines[0], "header line");
    List<Rule> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String s = lines[i];
      if (s.isBlank() || s.startsWith("#")) {
        continue;
      }
      String[] cols = s.split("\t", -1);
      assertEquals(4, cols.length, RULES + ":" + (i + 1) + ": expected 4 TAB-separated columns");
      for (String c : cols) {
        assertFalse(c.isBlank(), RULES + ":" + (i + 1) + ": empty column");
      }
      String property = expand(cols[0], i + 1);
      String concept = cols[1].equals("TEMPORAL") ? "TEMPORAL" : expand(cols[1], i + 1);
      Pattern p;
      try {
        p = Pattern.compile(cols[2], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      } catch (PatternSyntaxException e) {
        throw new AssertionError(RULES + ":" + (i + 1) + ": pattern does not compile: " + e.getMessage());
      }
      if (concept.equals("TEMPORAL")) {
        assertEquals(2, p.matcher("").groupCount(), RULES + ":" + (i + 1) + ": TEMPORAL needs number and unit groups");
      }
      out.add(new Rule(property, concept, p, i + 1));
    }
    return out;
  }

  @Test
  void rulesParseAndUseDeclaredTerms() throws IOException {
    List<Rule> rules = rules();
    assertTrue(rules.size() > 40, "rules: " + rules.size());
    Model ont = jena(ONTOLOGY);
    for (Rule r : rules) {
      for (String iri : List.of(r.property(), r.concept())) {
        if (iri.startsWith(TKG)) {
          Resource t = ont.getResource(iri);
          assertTrue(ont.contains(t, RDF.type, OWL.Class) || ont.contains(t, RDF.type, OWL.ObjectProperty),
              RULES + ":" + r.line() + ": " + iri + " is not declared in tracker.ttl");
        }
      }
    }
  }

  /** Annotations as "property concept" strings (TEMPORAL as "property P12M"), like the mapper computes them. */
  static Set<String> annotate(List<Rule> rules, String text) {
    Set<String> out = new LinkedHashSet<>();
    for (Rule r : rules) {
      Matcher m = r.pattern().matcher(text);
      if (r.concept().equals("TEMPORAL")) {
        while (m.find()) {
          out.add(r.property() + " " + duration(m.group(1), m.group(2)));
        }
      } else if (m.find()) {
        out.add(r.property() + " " + r.concept());
      }
    }
    return out;
  }

  static String duration(String number, String unit) {
    Map<String, Integer> words = Map.of("twelve", 12, "ninety", 90, "six", 6, "thirty", 30, "one", 1, "two", 2);
    String n = number.toLowerCase(Locale.ROOT);
    int v = n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : words.getOrDefault(n, -1);
    String u = unit.toLowerCase(Locale.ROOT);
    return u.startsWith("day") ? "P" + v + "D" : u.startsWith("week") ? "P" + (7 * v) + "D"
        : u.startsWith("month") ? "P" + v + "M" : "P" + v + "Y";
  }

  static String dpv(String local) {
    return PREFIXES.get(local.substring(0, local.indexOf(':'))) + local.substring(local.indexOf(':') + 1);
  }

  static void assertAnnotates(Set<String> got, String property, String... concepts) {
    for (String c : concepts) {
      String want = dpv(property) + " " + (c.startsWith("P") && !c.contains(":") ? c : dpv(c));
      assertTrue(got.contains(want), "missing " + property + " " + c + " in " + got);
    }
  }

  // Short excerpts of the seed dossier's (data/dossiers/mparticle.md) six Privacy Policy clauses.
  static final String COLLECTION = "Data collected through \"via Client Digital Properties for the Platform includes: "
      + "the date/time for a visit to a Client Digital Property, referrer information such as what search engine and "
      + "search keywords Users may have used to get to a Client Digital Property, information about the browser or "
      + "device your User is on such as their Operating System, as well as the city/country location of Users, and "
      + "any pseudonymous tokens and mobile advertising IDs (e.g., IDFA in iOS). In addition, our Clients can choose "
      + "what other User data they want to collect and store on the platform such as an IP address, location "
      + "information, a User’s age, user names, real names, email addresses and other custom data points\"";
  static final String SHARING = "Third party sharing may proceed as follows: Third-party agents working as "
      + "subprocessors; \"For the purposes of a business deal (or negotiation of a business deal) involving sale or "
      + "transfer of all or a part of our business or assets\"; In response to a lawful request by public authorities";
  static final String SECURITY = "mParticle asserts that they take reasonable steps to protect information. "
      + "\"Information we collect may be stored or processed on computers located in any country where we do business\"";
  static final String RETENTION = "mParticle \"retains Client data for so long as you remain are a Client and will "
      + "delete Client’s information within 12 months of either party’s termination of applicable Client agreement "
      + "upon written request. We retain User level data on the Platform as directed by our Clients and for a "
      + "reasonable time thereafter for audit purposes and as otherwise required by law\"";
  static final String OPT_OUT = "mParticle has an email-based opt-out procedure for Clients. \"You may opt out of "
      + "receiving promotional emails from mParticle by following the instructions in those emails. mParticle will "
      + "respond within ninety (90) days to any request to delete your information.\"";
  static final String INTERNATIONAL = "mParticle complies with the EU-US Privacy Shield Framework and the Swiss-US "
      + "Privacy Shield Framework";

  @Test
  void seedClausesGetTheExpectedAnnotations() throws IOException {
    List<Rule> rules = rules();
    Set<String> collection = annotate(rules, COLLECTION);
    assertAnnotates(collection, "dpv:hasPersonalData", "pd:Location", "pd:IPAddress", "tkg:AdvertisingIdentifier",
        "pd:EmailAddress", "pd:Age", "pd:Name", "pd:BrowsingBehaviour", "pd:DeviceOperatingSystem");
    assertAnnotates(collection, "dpv:hasProcessing", "dpv:Collect", "dpv:Store");

    Set<String> sharing = annotate(rules, SHARING);
    assertAnnotates(sharing, "dpv:hasRecipient", "dpv:ThirdParty", "dpv:DataSubProcessor", "dpv:Authority",
        "dpv:LawEnforcementOrganisation");
    assertAnnotates(sharing, "dpv:hasProcessing", "dpv:Share", "dpv:Transfer");

    assertAnnotates(annotate(rules, SECURITY), "dpv:hasProcessing", "dpv:CrossBorderTransfer");
    assertAnnotates(annotate(rules, SECURITY), "dpv:hasPurpose", "dpv:EnforceSecurity");

    Set<String> retention = annotate(rules, RETENTION);
    assertAnnotates(retention, "dpv:hasDuration", "P12M", "dpv:UntilEventDuration", "dpv:IndeterminateDuration");
    assertFalse(retention.contains(dpv("dpv:hasDuration") + " " + dpv("dpv:EndlessDuration")), retention.toString());

    Set<String> optOut = annotate(rules, OPT_OUT);
    assertAnnotates(optOut, "dpv:hasEntityInvolvement", "dpv:OptingOutFromProcess");
    assertAnnotates(optOut, "dpv:hasPurpose", "dpv:DirectMarketing");
    assertFalse(optOut.contains(dpv("dpv:hasDuration") + " P90D"), "a response time is not a retention period");

    Set<String> international = annotate(rules, INTERNATIONAL);
    assertAnnotates(international, "dpv:hasJurisdiction", "loc:US", "loc:EU", "loc:CH");
    assertAnnotates(international, "dpv:hasProcessing", "dpv:CrossBorderTransfer");
  }

  @Test
  void endlessRetentionAndWordNumbers() throws IOException {
    List<Rule> rules = rules();
    assertAnnotates(annotate(rules, "Location data is retained indefinitely."), "dpv:hasDuration", "dpv:EndlessDuration");
    assertAnnotates(annotate(rules, "We store it for six months."), "dpv:hasDuration", "P6M");
    assertAnnotates(annotate(rules, "It is usually aggregated or deleted within 30-60 days."), "dpv:hasDuration", "P60D");
    Set<String> none = annotate(rules, "Let us know what you think of our services.");
    assertFalse(none.stream().anyMatch(s -> s.startsWith(dpv("dpv:hasJurisdiction"))), none.toString());
  }
}
