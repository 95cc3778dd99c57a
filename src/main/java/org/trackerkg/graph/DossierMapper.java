package org.trackerkg.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.dossier.Acquisition;
import org.trackerkg.dossier.Category;
import org.trackerkg.dossier.Citation;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.Founding;
import org.trackerkg.dossier.Funding;
import org.trackerkg.dossier.LabelledText;
import org.trackerkg.dossier.Link;
import org.trackerkg.dossier.Location;
import org.trackerkg.dossier.OrgMention;
import org.trackerkg.dossier.Ownership;
import org.trackerkg.dossier.PolicyClause;
import org.trackerkg.dossier.PolicyDocument;
import org.trackerkg.dossier.Product;
import org.trackerkg.dossier.Reference;
import org.trackerkg.dossier.Relationship;
import org.trackerkg.dossier.Repository;
import org.trackerkg.dossier.Section;
import org.trackerkg.dossier.Signature;
import org.trackerkg.dossier.Source;
import org.trackerkg.vocab.Concepts;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * Maps one dossier into its named graph. Facts that are nodes (clause, address, funding, product, passage) carry
 * {@code tkg:citation} themselves; a fact that is one triple gets a {@code tkg:Claim} (standard RDF reification)
 * carrying its citations, section label and line. See ontology/tracker.ttl for the pattern.
 */
final class DossierMapper {
  static final String EXODUS_REPORTS = "https://reports.exodus-privacy.eu.org/en/trackers/";

  private static final Pattern RETENTION_WORDS =
      Pattern.compile("retain|retention|retained|delete|deletion|stor(e|ed|age)|keep|kept|indefinite",
          Pattern.CASE_INSENSITIVE);

  /** A host glob such as "*.tele.fm": a leading "*." and a host name. */
  private static final Pattern HOST_GLOB = Pattern.compile("\\*\\.([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

  private final Iris iris;
  private final OrgResolver orgs;
  private final Concepts concepts;
  private final DpvRules dpv;
  private final Consumer<Diagnostic> diagnostics;

  DossierMapper(Iris iris, OrgResolver orgs, Concepts concepts, DpvRules dpv, Consumer<Diagnostic> diagnostics) {
    this.iris = iris;
    this.orgs = orgs;
    this.concepts = concepts;
    this.dpv = dpv;
    this.diagnostics = diagnostics;
  }

  /** State of one mapping: the dossier, its tracker, its graph. */
  private final class Run {
    final Dossier d;
    final String slug;
    final Node tracker;
    final Quads q;
    final String file;

    Run(Dossier d, String slug, Quads q) {
      this.d = d;
      this.slug = slug;
      this.tracker = Vocab.uri(iris.tracker(slug));
      this.q = q;
      this.file = d.source().file();
    }

    Node owned(String kind, String key) {
      return Vocab.uri(iris.owned(slug, kind, key));
    }

    void warn(int line, String message) {
      diagnostics.accept(Diagnostic.warning(file, line, message));
    }

    Node reference(String key) {
      return owned("reference", Iris.labelKey(key) + "-" + Iris.shortHash(key));
    }

    void cite(Node fact, List<Citation> citations) {
      for (Citation c : citations) {
        Node ref = reference(c.key());
        q.add(fact, TKG.citation.asNode(), ref);
        // a citation the reader could not match to the list still names its source
        q.type(ref, TKG.Reference.asNode());
        q.text(ref, TKG.key.asNode(), c.key());
        q.add(ref, Vocab.schemaUrl, urlOrWarn(c.url(), c.line()));
      }
    }

    Node urlOrWarn(String url, int line) {
      Node n = Quads.httpIri(url);
      if (n == null && url != null && !url.isBlank()) {
        warn(line, "not an http(s) URL, kept as text: " + url);
      }
      return n;
    }

    /** tracker-or-org p o, plus a Claim node with the citations, label and line when there is any. */
    void claim(Node s, Node p, Node o, List<Citation> citations, String label, int line, boolean always) {
      claim(s, p, o, citations, label, line, always, null);
    }

    /** The same, for a fact read from a sentence of prose: the Claim also carries the sentence (tkg:extractedFrom). */
    void claim(Node s, Node p, Node o, List<Citation> citations, String label, int line, boolean always, String passage) {
      q.add(s, p, o);
      if (!always && citations.isEmpty() && label == null && passage == null) {
        return;
      }
      Node c = owned("claim", Iris.shortHash(s.getURI(), p.getURI(), o.toString()));
      q.type(c, TKG.Claim.asNode());
      q.add(c, Vocab.rdfSubject, s);
      q.add(c, Vocab.rdfPredicate, p);
      q.add(c, Vocab.rdfObject, o);
      q.text(c, TKG.sectionLabel.asNode(), label);
      q.text(c, TKG.extractedFrom.asNode(), passage);
      q.line(c, line);
      cite(c, citations);
    }
  }

  void map(Dossier d, String slug, boolean hasCompany, Makers.Maker inferred, Makers.Maker inferredOwner,
      Quads q) {
    Run r = new Run(d, slug, q);
    document(r);
    tracker(r);
    Node company = hasCompany ? company(r) : null;
    if (inferred != null) {
      maker(r, inferred);
    }
    signatures(r);
    categories(r);
    references(r);
    clauses(r);
    policies(r);
    relationships(r);
    products(r, null, d.products(), "");
    passages(r);
    links(r);
    repositories(r);
    location(r);
    if (company != null && inferredOwner != null) {
      Node owner = org(r, inferredOwner.name());
      if (owner != null && !owner.equals(company)) {
        r.claim(company, TKG.owner.asNode(), owner, List.of(), null, d.source().line(), true);
        Node c = r.owned("claim", Iris.shortHash(company.getURI(), TKG.owner.getURI(), owner.toString()));
        r.q.text(c, TKG.evidence.asNode(), inferredOwner.evidence());
        r.q.text(c, TKG.makerRule.asNode(), "name-prefix");
      }
    }
    chains(r);
    acquisitions(r, company);
    if (company != null) {
      owners(r, company);
      ownersSince(r, company);
      founding(r, company, d.founding());
      funding(r, company, d.funding());
    } else {
      // no organisation to hang them on: keep them on the tracker rather than lose them
      founding(r, r.tracker, d.founding());
      funding(r, r.tracker, d.funding());
    }
  }

  private void document(Run r) {
    Source src = r.d.source();
    Node doc = r.q.graph();
    r.q.type(doc, TKG.SourceDocument.asNode());
    r.q.text(doc, Vocab.dctTitle, (src.kind() == Source.Kind.EXODUS ? "εxodus record: " : "Tracker profile: ")
        + r.d.name());
    r.q.text(doc, TKG.fileName.asNode(), fileName(src.file()));
    r.q.text(doc, TKG.sha256.asNode(), src.sha256());
    SourceTerms terms = SourceTerms.of(src.kind());
    r.q.add(doc, Vocab.dctLicense, Vocab.uri(terms.license()));
    r.q.add(doc, Vocab.dctRightsHolder, Vocab.uri(terms.rightsHolder));
    r.q.text(doc, Vocab.dctRights, terms.attribution);
    r.q.add(doc, Vocab.foafPrimaryTopic, r.tracker);
    r.q.line(doc, src.line());
    int i = 0;
    for (Section s : r.d.sections()) {
      i++;
      Node sec = Vocab.uri(doc.getURI() + "/section/" + i);
      r.q.add(doc, TKG.section.asNode(), sec);
      r.q.type(sec, TKG.Section.asNode());
      r.q.text(sec, TKG.heading.asNode(), s.heading().isBlank() ? "(untitled)" : s.heading());
      r.q.integer(sec, TKG.headingLevel.asNode(), s.level());
      r.q.text(sec, Vocab.schemaText, s.text());
      r.q.integer(sec, Vocab.schemaPosition, i);
      r.q.line(sec, s.line());
    }
  }

  static String fileName(String file) {
    String f = file.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }

  private void tracker(Run r) {
    Dossier d = r.d;
    Quads q = r.q;
    Node t = r.tracker;
    q.type(t, TKG.Tracker.asNode());
    q.text(t, Vocab.label, d.name());
    q.text(t, Vocab.schemaName, d.name());
    d.aliases().forEach(a -> q.text(t, Vocab.altLabel, a));
    q.bool(t, TKG.inExodus.asNode(), d.inExodus());
    if (d.exodusId() != null) {
      q.integer(t, TKG.exodusId.asNode(), d.exodusId());
      q.add(t, Vocab.seeAlso, Vocab.uri(EXODUS_REPORTS + d.exodusId() + "/"));
    }
    if (d.exodusCreated() != null && d.exodusCreated().matches("\\d{4}-\\d{2}-\\d{2}")) {
      q.typed(t, TKG.exodusCreated.asNode(), d.exodusCreated(), XSDDatatype.XSDdate);
    }
    for (Link w : d.websites()) {
      Node u = r.urlOrWarn(w.url(), w.line());
      q.add(t, Vocab.schemaUrl, u);
      if (u == null) {
        passage(r, TKG.note.asNode(), "website", new LabelledText("Website", w.url(), List.of(), w.line()));
      }
    }
    for (Link w : d.documentation()) {
      Node u = r.urlOrWarn(w.url(), w.line());
      q.add(t, TKG.documentation.asNode(), u);
      if (u == null) {
        passage(r, TKG.note.asNode(), "documentation",
            new LabelledText("Documentation", w.url(), List.of(), w.line()));
      }
    }
    if (!d.about().isEmpty()) {
      q.text(t, Vocab.schemaDescription, d.about().get(0).text());
    }
    d.gradle().forEach(g -> q.text(t, TKG.gradle.asNode(), g));
  }

  private Node company(Run r) {
    String slug = orgs.slug(r.d.name());
    if (slug == null) {
      return null;
    }
    Node org = org(r, r.d.name());
    r.q.add(r.tracker, TKG.company.asNode(), org);
    r.d.aliases().forEach(a -> r.q.text(org, Vocab.label, a));
    return org;
  }

  /** A maker inferred from names and domains (graph/Makers): the company, and a Claim with its evidence. */
  private void maker(Run r, Makers.Maker m) {
    Node org = org(r, m.name());
    if (org == null) {
      return;
    }
    r.claim(r.tracker, TKG.company.asNode(), org, List.of(), null, r.d.source().line(), true);
    Node c = r.owned("claim", Iris.shortHash(r.tracker.getURI(), TKG.company.getURI(), org.toString()));
    r.q.text(c, TKG.evidence.asNode(), m.evidence());
    r.q.text(c, TKG.makerRule.asNode(), m.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  /** The organisation node a name resolves to, typed and labelled with this spelling in this graph. */
  private Node org(Run r, String name) {
    String slug = orgs.slug(name);
    if (slug == null) {
      return null;
    }
    Node org = Vocab.uri(iris.org(slug));
    r.q.type(org, TKG.Organization.asNode());
    r.q.text(org, Vocab.label, name);
    return org;
  }

  /** "X is part of Y, which is owned by Z": the links between other organisations (Y → Z), with or without a company. */
  private void chains(Run r) {
    for (Ownership o : r.d.ownerships()) {
      Node owned = org(r, o.owned());
      Node owner = org(r, o.owner());
      if (owned != null && owner != null && !owned.equals(owner)) {
        r.claim(owned, TKG.owner.asNode(), owner, o.citations(), null, o.line(), true, o.passage());
      }
    }
  }

  private void owners(Run r, Node company) {
    Set<String> done = new LinkedHashSet<>();
    done.add(company.getURI());
    for (OrgMention m : r.d.owners()) {
      Node owner = org(r, m.name());
      if (owner != null && done.add(owner.getURI())) {
        r.claim(company, TKG.owner.asNode(), owner, m.citations(), m.label(), m.line(), true, m.passage());
      } else if (owner != null && !m.citations().isEmpty()) {
        // "Ownership: mParticle [cite]": the citation supports the company itself
        r.claim(r.tracker, TKG.company.asNode(), company, m.citations(), m.label(), m.line(), false);
      }
    }
    for (String hint : r.d.ownerHints()) {
      Node owner = org(r, hint);
      if (owner != null && done.add(owner.getURI())) {
        r.claim(company, TKG.owner.asNode(), owner, List.of(), "name", r.d.source().line(), true);
      }
    }
  }

  /**
   * Each acquisition as a node (buyer, bought, year, price, sentence) and as the one triple
   * {@code bought tkg:acquiredBy buyer} with its Claim; the company is the one bought when the dossier says "it".
   */
  private void acquisitions(Run r, Node company) {
    for (Acquisition a : r.d.acquisitions()) {
      Node acquired = a.acquired() == null ? company : org(r, a.acquired());  // no company: nothing to say it of
      Node acquirer = org(r, a.acquirer());
      if (acquired == null || acquirer == null || acquired.equals(acquirer)) {
        continue;
      }
      r.claim(acquired, TKG.acquiredBy.asNode(), acquirer, a.citations(), null, a.line(), true, a.passage());
      Node n = acquisitionNode(r, acquired, acquirer, a);
      r.q.add(r.tracker, TKG.acquisition.asNode(), n);
      r.q.type(n, TKG.Acquisition.asNode());
      r.q.add(n, TKG.acquiredOrganization.asNode(), acquired);
      r.q.add(n, TKG.acquirer.asNode(), acquirer);
      if (a.year() != null) {
        r.q.add(n, TKG.acquisitionYear.asNode(), org.apache.jena.graph.NodeFactory.createLiteralDT(
            String.format("%04d", a.year()), XSDDatatype.XSDgYear));
      }
      if (a.amount() != null) {
        Node price = Vocab.uri(n.getURI() + "/price");
        r.q.add(n, TKG.price.asNode(), price);
        r.q.type(price, Vocab.schemaMonetaryAmount);
        r.q.decimal(price, Vocab.schemaValue, a.amount());
        r.q.text(price, Vocab.schemaCurrency, a.currency());
        r.q.text(price, TKG.qualifier.asNode(), a.qualifier());
        r.q.line(price, a.line());
      }
      r.q.text(n, TKG.extractedFrom.asNode(), a.passage());
      r.q.line(n, a.line());
      r.cite(n, a.citations());
    }
  }

  /**
   * The same document states the owner and the acquisition ("HockeyApp (Microsoft)" … "acquired by Microsoft in
   * 2014"): the owner claim carries the date ({@code schema:startDate}, a gYear) and the acquisition it comes from
   * ({@code prov:wasDerivedFrom}). Only within one document, so each source's graph says only what it states.
   */
  private void ownersSince(Run r, Node company) {
    for (Acquisition a : r.d.acquisitions()) {
      Node acquired = a.acquired() == null ? company : org(r, a.acquired());
      Node acquirer = org(r, a.acquirer());
      if (acquired != null && acquirer != null && !acquired.equals(acquirer)) {
        ownerSince(r, acquired, acquirer, a, acquisitionNode(r, acquired, acquirer, a));
      }
    }
  }

  private static Node acquisitionNode(Run r, Node acquired, Node acquirer, Acquisition a) {
    return r.owned("acquisition", Iris.shortHash(acquired.getURI(), acquirer.getURI(), String.valueOf(a.year())));
  }

  private void ownerSince(Run r, Node acquired, Node acquirer, Acquisition a, Node acquisition) {
    Node claim = r.owned("claim", Iris.shortHash(acquired.getURI(), TKG.owner.getURI(), acquirer.toString()));
    if (!r.q.has(claim, Vocab.rdfPredicate, TKG.owner.asNode())) {
      return;
    }
    r.q.add(claim, Vocab.provWasDerivedFrom, acquisition);
    if (a.year() != null) {
      r.q.add(claim, Vocab.schemaStartDate, org.apache.jena.graph.NodeFactory.createLiteralDT(
          String.format("%04d", a.year()), XSDDatatype.XSDgYear));
    }
  }

  private void signatures(Run r) {
    for (Signature s : r.d.signatures()) {
      if (s.pattern() == null || s.pattern().isBlank() || s.pattern().length() > Signature.MAX_PATTERN_CHARS) {
        continue; // over the limit: the reader reported it; never compiled here (quadratic in the length)
      }
      boolean network = s.kind() == Signature.Kind.NETWORK;
      String pattern = s.pattern();
      if (network) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          java.util.regex.Matcher glob = HOST_GLOB.matcher(pattern);
          if (glob.matches()) {
            // "*.tele.fm" is a host glob, not a regex: as εxodus would write it, "tele\.fm" found in the host
            pattern = glob.group(1).replace(".", "\\.");
            r.warn(s.line(), "host glob '" + s.pattern() + "' taken as the regular expression '" + pattern + "'");
          } else {
            r.warn(s.line(), "network signature is not a valid regular expression, kept as written: "
                + s.pattern());
          }
        }
      }
      Node sig = r.owned("signature", (network ? "network-" : "code-") + Iris.shortHash(pattern));
      r.q.add(r.tracker, TKG.signature.asNode(), sig);
      r.q.type(sig, (network ? TKG.NetworkSignature : TKG.CodeSignature).asNode());
      r.q.text(sig, TKG.pattern.asNode(), pattern);
      if (!pattern.equals(s.pattern())) {
        r.q.text(sig, Vocab.label, s.pattern()); // the signature as the dossier wrote it
      }
      r.q.line(sig, s.line());
    }
  }

  private void categories(Run r) {
    for (Category c : r.d.categories()) {
      Node concept = concepts.category(c.name());
      if (concept == null) {
        concept = Concepts.mintCategory(c.name());
        r.q.type(concept, Vocab.skosConcept);
        r.q.text(concept, Vocab.prefLabel, c.name());
        r.q.add(concept, Vocab.inScheme, TKG.CategoryScheme.asNode());
      }
      r.q.add(r.tracker, TKG.category.asNode(), concept);
    }
  }

  private void references(Run r) {
    for (Reference ref : r.d.references()) {
      Node n = r.reference(ref.key());
      r.q.add(r.tracker, Vocab.dctReferences, n);
      r.q.type(n, TKG.Reference.asNode());
      r.q.text(n, TKG.key.asNode(), ref.key());
      r.q.add(n, Vocab.schemaUrl, r.urlOrWarn(ref.url(), ref.line()));
      r.q.text(n, Vocab.dctTitle, ref.title());
      r.q.bool(n, TKG.listed.asNode(), ref.listed());
      r.q.line(n, ref.line());
    }
  }

  /**
   * The citations supporting each clause. In these dossiers a citation closes the passage it supports: a clause
   * without citations of its own is supported by the next clause's citations (the seed's "Data retention" by the
   * privacy policy "[mParticle, 12]" cited at the end of the section), as items of a "/" list are.
   */
  static List<List<Citation>> effectiveCitations(List<PolicyClause> clauses) {
    List<List<Citation>> out = new java.util.ArrayList<>(java.util.Collections.nCopies(clauses.size(), List.of()));
    List<Citation> pending = List.of();
    for (int i = clauses.size() - 1; i >= 0; i--) {
      List<Citation> own = clauses.get(i).citations();
      if (!own.isEmpty()) {
        pending = own;
      }
      out.set(i, own.isEmpty() ? pending : own);
    }
    return out;
  }

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\s|$)");

  /** The first sentence of a clause's text: the words its kind is read from when it has no label. */
  static String firstSentence(String text) {
    java.util.regex.Matcher m = SENTENCE_END.matcher(text);
    String s = m.find() ? text.substring(0, m.start()) : text;
    return s.length() > 200 ? s.substring(0, 200) : s;
  }

  private void clauses(Run r) {
    List<List<Citation>> citations = effectiveCitations(r.d.clauses());
    int index = -1;
    for (PolicyClause c : r.d.clauses()) {
      index++;
      if (c.text() == null || c.text().isBlank()) {
        continue;
      }
      String key = (c.label() == null ? "clause" : Iris.labelKey(c.label())) + "-"
          + Iris.shortHash(c.label() == null ? "" : c.label(), c.text());
      Node clause = r.owned("clause", key);
      // an unlabelled clause (a bullet of a list) gets its kind from its own words
      Node kind = concepts.clauseKind(c.label() != null ? c.label() : firstSentence(c.text()));
      r.q.add(r.tracker, TKG.clause.asNode(), clause);
      r.q.type(clause, TKG.PolicyClause.asNode());
      r.q.text(clause, Vocab.label, c.label());
      r.q.text(clause, Vocab.schemaText, c.text());
      r.q.add(clause, TKG.clauseKind.asNode(), kind);
      r.q.line(clause, c.line());
      r.cite(clause, citations.get(index));
      boolean retention = kind.getURI().endsWith("retention") || RETENTION_WORDS.matcher(c.text()).find();
      for (DpvRules.Match m : dpv.annotate(c.text())) {
        boolean duration = m.property().equals(Vocab.dpvHasDuration.getURI());
        if (duration && !retention) {
          continue; // "12 months" outside a retention context is not a storage duration
        }
        Node concept;
        if (DpvRules.TEMPORAL.equals(m.concept())) {
          concept = Vocab.uri(clause.getURI() + "/duration/" + m.duration());
          r.q.type(concept, Vocab.dpvTemporalDuration);
          r.q.typed(concept, Vocab.rdfValue, m.duration(), XSDDatatype.XSDduration);
        } else {
          concept = Vocab.uri(m.concept());
        }
        Node property = Vocab.uri(m.property());
        r.q.add(clause, property, concept);
        Node a = Vocab.uri(clause.getURI() + "/annotation/" + Iris.shortHash(m.property(), concept.getURI()));
        r.q.add(clause, TKG.annotation.asNode(), a);
        r.q.type(a, TKG.DpvAnnotation.asNode());
        r.q.add(a, TKG.dpvProperty.asNode(), property);
        r.q.add(a, TKG.dpvConcept.asNode(), concept);
        r.q.text(a, TKG.evidence.asNode(), m.evidence());
      }
    }
  }

  /** The policy documents read ({@code [Policy as of DATE:](url)}) and statements that none could be found. */
  private void policies(Run r) {
    for (PolicyDocument p : r.d.policies()) {
      Node n = r.owned("policy", Iris.shortHash(String.valueOf(p.url()), String.valueOf(p.asOf()), String.valueOf(p.found())));
      r.q.add(r.tracker, TKG.privacyPolicy.asNode(), n);
      r.q.type(n, TKG.PrivacyPolicy.asNode());
      r.q.add(n, Vocab.schemaUrl, r.urlOrWarn(p.url(), p.line()));
      asOf(r, n, p);
      r.q.bool(n, TKG.policyFound.asNode(), p.found());
      r.q.text(n, Vocab.schemaDescription, p.text());
      r.q.line(n, p.line());
      r.cite(n, p.citations());
    }
  }

  /**
   * The policy's date as a date, only as precise as written: xsd:date for a certain day, xsd:gYearMonth for a month,
   * xsd:gYear when only the year is certain ("8/9/2018": day and month could be either); the date as written stays in
   * the header text (schema:description), and a text without a date stays a string.
   */
  private static void asOf(Run r, Node n, PolicyDocument p) {
    org.trackerkg.dossier.WrittenDate date = org.trackerkg.dossier.WrittenDate.read(p.asOf());
    if (date == null) {
      r.q.text(n, TKG.asOf.asNode(), p.asOf());
      return;
    }
    XSDDatatype type = switch (date.precision()) {
      case DAY -> XSDDatatype.XSDdate;
      case MONTH -> XSDDatatype.XSDgYearMonth;
      case YEAR -> XSDDatatype.XSDgYear;
    };
    r.q.typed(n, TKG.asOf.asNode(), date.lexical(), type);
  }

  private void relationships(Run r) {
    for (Relationship rel : r.d.relationships()) {
      Node org = org(r, rel.name());
      if (org == null) {
        r.warn(rel.line(), "organisation name without letters or digits, kept as text: " + rel.name());
        passage(r, TKG.detail.asNode(), "relationship",
            new LabelledText(rel.label(), rel.name(), rel.citations(), rel.line()));
        continue;
      }
      Node p = switch (rel.kind()) {
        case CUSTOMER -> TKG.customer.asNode();
        case INTEGRATION -> TKG.integratesWith.asNode();
        case PARTNER -> TKG.partner.asNode();
        case INVESTOR -> TKG.investor.asNode();
        case CLIENT -> TKG.client.asNode();
      };
      r.claim(r.tracker, p, org, rel.citations(), rel.label(), rel.line(), true, rel.passage());
    }
  }

  private void products(Run r, Node parent, List<Product> items, String path) {
    int i = 0;
    for (Product p : items) {
      i++;
      String key = (p.title() == null || p.title().isBlank() ? "item" : Iris.labelKey(p.title())) + "-"
          + Iris.shortHash(path, p.title() == null ? "" : p.title(), p.text() == null ? "" : p.text());
      Node n = r.owned("product", key);
      r.q.add(parent == null ? r.tracker : parent, parent == null ? TKG.product.asNode() : Vocab.schemaHasPart, n);
      r.q.type(n, TKG.Product.asNode());
      r.q.text(n, Vocab.schemaName, p.title());
      r.q.text(n, Vocab.schemaDescription, p.text());
      r.q.line(n, p.line());
      r.cite(n, p.citations());
      products(r, n, p.children(), path + "/" + key);
    }
  }

  private void passages(Run r) {
    r.d.about().forEach(t -> passage(r, TKG.about.asNode(), "about", t));
    r.d.details().forEach(t -> passage(r, TKG.detail.asNode(), "detail", t));
    r.d.notes().forEach(t -> passage(r, TKG.note.asNode(), "note", t));
  }

  private void passage(Run r, Node p, String kind, LabelledText t) {
    if (t.text() == null || t.text().isBlank()) {
      return;
    }
    Node n = r.owned("passage", kind + "-" + Iris.shortHash(t.label() == null ? "" : t.label(), t.text()));
    r.q.add(r.tracker, p, n);
    r.q.type(n, TKG.Passage.asNode());
    r.q.text(n, Vocab.label, t.label());
    r.q.text(n, Vocab.schemaText, t.text());
    r.q.line(n, t.line());
    r.cite(n, t.citations());
  }

  private void links(Run r) {
    link(r, TKG.externalLink.asNode(), r.d.externalLinks());
    link(r, TKG.additionalLink.asNode(), r.d.additionalLinks());
  }

  private void link(Run r, Node p, List<Link> links) {
    for (Link l : links) {
      Node u = r.urlOrWarn(l.url(), l.line());
      if (u == null) {
        passage(r, TKG.note.asNode(), "link", new LabelledText(l.label(), l.url(), List.of(), l.line()));
        continue;
      }
      Node n = r.owned("link", Iris.shortHash(l.url(), l.label() == null ? "" : l.label()));
      r.q.add(r.tracker, p, n);
      r.q.type(n, TKG.WebLink.asNode());
      r.q.add(n, Vocab.schemaUrl, u);
      r.q.text(n, Vocab.label, l.label());
      r.q.line(n, l.line());
    }
  }

  private void repositories(Run r) {
    for (Repository repo : r.d.repositories()) {
      Node n = r.owned("repository", Iris.shortHash(String.valueOf(repo.url()), String.valueOf(repo.groupId()),
          String.valueOf(repo.artifactId())));
      r.q.add(r.tracker, TKG.repository.asNode(), n);
      r.q.type(n, TKG.PackageRepository.asNode());
      r.q.add(n, Vocab.schemaUrl, r.urlOrWarn(repo.url(), repo.line()));
      r.q.text(n, TKG.groupId.asNode(), repo.groupId());
      r.q.text(n, TKG.artifactId.asNode(), repo.artifactId());
      r.q.line(n, repo.line());
    }
  }

  private void location(Run r) {
    Location loc = r.d.location();
    if (loc != null) {
      address(r, r.tracker, loc, Iris.shortHash(String.valueOf(loc.country()), String.valueOf(loc.city())));
    }
    // "Microsoft: United States (Seattle) / Bit Stadium: Germany (Stuttgart)": each company's own headquarters
    for (Location hq : r.d.headquarters()) {
      Node org = org(r, hq.organization());
      if (org != null) {
        address(r, org, hq, Iris.shortHash(org.getURI(), String.valueOf(hq.country()), String.valueOf(hq.city())));
      }
    }
  }

  private void address(Run r, Node subject, Location loc, String key) {
    Node a = r.owned("address", key);
    r.q.add(subject, Vocab.schemaAddress, a);
    r.q.type(a, Vocab.schemaPostalAddress);
    if (loc.countryCode() != null) {
      r.q.text(a, Vocab.schemaAddressCountry, loc.countryCode());
      r.q.add(a, TKG.country.asNode(), Vocab.uri(Vocab.LOC + loc.countryCode()));
    }
    r.q.text(a, Vocab.schemaAddressLocality, loc.city());
    r.q.text(a, Vocab.schemaDescription, loc.text() != null ? loc.text() : loc.country());
    r.q.text(a, TKG.extractedFrom.asNode(), loc.passage());
    r.q.line(a, loc.line());
    r.cite(a, loc.citations());
  }

  private void founding(Run r, Node subject, Founding f) {
    if (f == null) {
      return;
    }
    Node year = org.apache.jena.graph.NodeFactory.createLiteralDT(String.format("%04d", f.year()),
        XSDDatatype.XSDgYear);
    r.claim(subject, Vocab.schemaFoundingDate, year, f.citations(), null, f.line(), true);
  }

  private void funding(Run r, Node subject, Funding f) {
    if (f == null) {
      return;
    }
    Node m = r.owned("funding", Iris.shortHash(String.valueOf(f.amount()), String.valueOf(f.currency()),
        String.valueOf(f.qualifier())));
    r.q.add(subject, TKG.fundingRaised.asNode(), m);
    r.q.type(m, Vocab.schemaMonetaryAmount);
    r.q.decimal(m, Vocab.schemaValue, f.amount());
    r.q.text(m, Vocab.schemaCurrency, f.currency());
    r.q.text(m, TKG.qualifier.asNode(), f.qualifier());
    r.q.text(m, Vocab.schemaDescription, f.text());
    r.q.line(m, f.line());
    r.cite(m, f.citations());
  }

}
