package org.trackerkg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.trackerkg.vocab.TKG;

/** Terms of the standard vocabularies the mapping reuses, as Jena nodes, and the prefixes every output uses. */
public final class Vocab {
  public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String OWL = "http://www.w3.org/2002/07/owl#";
  public static final String SCHEMA = "http://schema.org/";
  public static final String DCT = "http://purl.org/dc/terms/";
  public static final String FOAF = "http://xmlns.com/foaf/0.1/";
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String ORG = "http://www.w3.org/ns/org#";
  public static final String DPV = "https://w3id.org/dpv#";
  public static final String PD = "https://w3id.org/dpv/pd#";
  public static final String TECH = "https://w3id.org/dpv/tech#";
  public static final String LOC = "https://w3id.org/dpv/loc#";
  public static final String DCAT = "http://www.w3.org/ns/dcat#";
  public static final String VOID = "http://rdfs.org/ns/void#";
  public static final String WIKIDATA = "http://www.wikidata.org/entity/";

  public static final Node type = uri(RDF + "type");
  public static final Node rdfSubject = uri(RDF + "subject");
  public static final Node rdfPredicate = uri(RDF + "predicate");
  public static final Node rdfObject = uri(RDF + "object");
  public static final Node rdfValue = uri(RDF + "value");
  public static final Node label = uri(RDFS + "label");
  public static final Node seeAlso = uri(RDFS + "seeAlso");
  public static final Node sameAs = uri(OWL + "sameAs");
  public static final Node altLabel = uri(SKOS + "altLabel");
  public static final Node prefLabel = uri(SKOS + "prefLabel");
  public static final Node inScheme = uri(SKOS + "inScheme");
  public static final Node skosConcept = uri(SKOS + "Concept");
  public static final Node schemaName = uri(SCHEMA + "name");
  public static final Node schemaUrl = uri(SCHEMA + "url");
  public static final Node schemaText = uri(SCHEMA + "text");
  public static final Node schemaDescription = uri(SCHEMA + "description");
  public static final Node schemaAddress = uri(SCHEMA + "address");
  public static final Node schemaPostalAddress = uri(SCHEMA + "PostalAddress");
  public static final Node schemaAddressCountry = uri(SCHEMA + "addressCountry");
  public static final Node schemaAddressLocality = uri(SCHEMA + "addressLocality");
  public static final Node schemaFoundingDate = uri(SCHEMA + "foundingDate");
  public static final Node schemaStartDate = uri(SCHEMA + "startDate");
  public static final Node provWasDerivedFrom = uri(PROV + "wasDerivedFrom");
  public static final Node schemaMonetaryAmount = uri(SCHEMA + "MonetaryAmount");
  public static final Node schemaValue = uri(SCHEMA + "value");
  public static final Node schemaCurrency = uri(SCHEMA + "currency");
  public static final Node schemaHasPart = uri(SCHEMA + "hasPart");
  public static final Node schemaPosition = uri(SCHEMA + "position");
  public static final Node schemaSameAs = uri(SCHEMA + "sameAs");
  public static final Node dctReferences = uri(DCT + "references");
  public static final Node dctTitle = uri(DCT + "title");
  public static final Node dctLicense = uri(DCT + "license");
  public static final Node dctRightsHolder = uri(DCT + "rightsHolder");
  public static final Node dctRights = uri(DCT + "rights");
  public static final Node foafPrimaryTopic = uri(FOAF + "primaryTopic");
  public static final Node dpvHasDuration = uri(DPV + "hasDuration");
  public static final Node dpvTemporalDuration = uri(DPV + "TemporalDuration");

  /** Prefixes for Turtle, TriG and pages. */
  public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
      .setNsPrefix("tkg", TKG.NS)
      .setNsPrefix("rdf", RDF)
      .setNsPrefix("rdfs", RDFS)
      .setNsPrefix("xsd", XSD)
      .setNsPrefix("owl", OWL)
      .setNsPrefix("schema", SCHEMA)
      .setNsPrefix("dct", DCT)
      .setNsPrefix("foaf", FOAF)
      .setNsPrefix("skos", SKOS)
      .setNsPrefix("prov", PROV)
      .setNsPrefix("org", ORG)
      .setNsPrefix("dpv", DPV)
      .setNsPrefix("pd", PD)
      .setNsPrefix("tech", TECH)
      .setNsPrefix("loc", LOC)
      .setNsPrefix("wd", WIKIDATA)
      .lock();

  private Vocab() {}

  public static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  /** Prefixes plus the data's own {@code {base}id/tracker/} and {@code {base}id/org/}. */
  public static PrefixMapping prefixes(String base) {
    return PrefixMapping.Factory.create().setNsPrefixes(PREFIXES)
        .setNsPrefix("tracker", base + "id/tracker/")
        .setNsPrefix("orgs", base + "id/org/")
        .lock();
  }
}
