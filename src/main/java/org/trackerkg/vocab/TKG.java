package org.trackerkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The tracker ontology's terms ({@code ontology/tracker.ttl}), one constant per term named exactly after it.
 * {@code VocabularyTest} fails when a constant here is not declared in the ontology.
 */
public final class TKG {
  public static final String NS = "https://w3id.org/tracker-kg/ontology#";
  public static final String SHAPES_NS = "https://w3id.org/tracker-kg/shapes#";
  /** Concept IRIs of the two SKOS schemes live under the ontology namespace too. */
  public static final String CLAUSE_KIND_NS = NS + "clause-kind-";
  public static final String CATEGORY_NS = NS + "category-";

  private TKG() {}

  private static Resource r(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property p(String local) {
    return ResourceFactory.createProperty(NS + local);
  }

  // Classes
  public static final Resource Tracker = r("Tracker");
  public static final Resource Organization = r("Organization");
  public static final Resource Signature = r("Signature");
  public static final Resource NetworkSignature = r("NetworkSignature");
  public static final Resource CodeSignature = r("CodeSignature");
  public static final Resource PolicyClause = r("PolicyClause");
  public static final Resource Reference = r("Reference");
  public static final Resource SourceDocument = r("SourceDocument");
  public static final Resource Section = r("Section");
  public static final Resource Product = r("Product");
  public static final Resource Passage = r("Passage");
  public static final Resource WebLink = r("WebLink");
  public static final Resource PackageRepository = r("PackageRepository");
  public static final Resource Claim = r("Claim");
  public static final Resource Acquisition = r("Acquisition");
  public static final Resource PrivacyPolicy = r("PrivacyPolicy");
  public static final Resource DpvAnnotation = r("DpvAnnotation");
  public static final Resource Detection = r("Detection");
  public static final Resource AdvertisingIdentifier = r("AdvertisingIdentifier");
  public static final Resource ClauseKindScheme = r("ClauseKindScheme");
  public static final Resource CategoryScheme = r("CategoryScheme");

  // Tracker → organisation
  public static final Property company = p("company");
  public static final Property owner = p("owner");
  public static final Property customer = p("customer");
  public static final Property integratesWith = p("integratesWith");
  public static final Property partner = p("partner");
  public static final Property investor = p("investor");
  public static final Property client = p("client");

  // Tracker → owned nodes and values
  public static final Property signature = p("signature");
  public static final Property pattern = p("pattern");
  public static final Property clause = p("clause");
  public static final Property clauseKind = p("clauseKind");
  public static final Property category = p("category");
  public static final Property inExodus = p("inExodus");
  public static final Property exodusId = p("exodusId");
  public static final Property exodusCreated = p("exodusCreated");
  public static final Property documentation = p("documentation");
  public static final Property repository = p("repository");
  public static final Property groupId = p("groupId");
  public static final Property artifactId = p("artifactId");
  public static final Property gradle = p("gradle");
  public static final Property product = p("product");
  public static final Property about = p("about");
  public static final Property detail = p("detail");
  public static final Property note = p("note");
  public static final Property externalLink = p("externalLink");
  public static final Property additionalLink = p("additionalLink");
  public static final Property fundingRaised = p("fundingRaised");
  public static final Property qualifier = p("qualifier");
  public static final Property country = p("country");
  // Acquisitions read from prose
  public static final Property acquiredBy = p("acquiredBy");
  public static final Property acquisition = p("acquisition");
  public static final Property acquiredOrganization = p("acquiredOrganization");
  public static final Property acquirer = p("acquirer");
  public static final Property acquisitionYear = p("acquisitionYear");
  public static final Property price = p("price");
  // The policy documents a dossier read
  public static final Property privacyPolicy = p("privacyPolicy");
  public static final Property asOf = p("asOf");
  public static final Property policyFound = p("policyFound");

  // Provenance
  public static final Property citation = p("citation");
  public static final Property key = p("key");
  public static final Property listed = p("listed");
  public static final Property sectionLabel = p("sectionLabel");
  /** The sentence of prose a fact was read from (absent on facts from labelled lists and fields). */
  public static final Property extractedFrom = p("extractedFrom");
  public static final Property line = p("line");
  public static final Property sourceDocument = p("sourceDocument");
  public static final Property fileName = p("fileName");
  public static final Property commit = p("commit");
  public static final Property commitMessage = p("commitMessage");
  public static final Property added = p("added");
  public static final Property removed = p("removed");
  public static final Property sha256 = p("sha256");
  public static final Property section = p("section");
  public static final Property heading = p("heading");
  public static final Property headingLevel = p("headingLevel");

  // DPV annotations of policy clauses
  public static final Property annotation = p("annotation");
  public static final Property dpvProperty = p("dpvProperty");
  public static final Property dpvConcept = p("dpvConcept");
  public static final Property evidence = p("evidence");

  // Makers and owners (graph/Makers, graph/OrgResolver)
  /** How a maker was decided: stated, name-prefix, shared-domain, own-domain. */
  public static final Property makerRule = p("makerRule");

  // App scans
  public static final Property embeds = p("embeds");
  public static final Property detection = p("detection");
  public static final Property detectedTracker = p("detectedTracker");
  public static final Property matchedPattern = p("matchedPattern");
  public static final Property detectionKind = p("detectionKind");
  public static final Property matchCount = p("matchCount");
  public static final Property requestsPermission = p("requestsPermission");
  public static final Property exposes = p("exposes");
}
