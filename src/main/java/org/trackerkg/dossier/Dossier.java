package org.trackerkg.dossier;

import java.util.List;

/**
 * Everything one source document says about one tracker, as the reader understood it, in five groups: how it is
 * named, its εxodus entry, the company behind it, how to detect it, and its texts. Immutable; every value keeps
 * its source line. Absent values are null (single values) or empty lists, never template placeholders. Build one
 * with {@link #builder()}; the accessors of the single values ({@link #name()}, {@link #owners()}…) read through
 * the groups.
 *
 * @param naming    the name and what its parenthetical says
 * @param exodus    the "In εxodus?" answer and the εxodus record's id and date
 * @param company   the organisation facts: location, owners, relationships, founding, funding
 * @param detection signatures, categories, repositories, Gradle lines
 * @param texts     links, descriptions, products, policy clauses, details, references, notes
 * @param sections  every section of the document verbatim, in order, whatever else was understood of it
 */
public record Dossier(
    Naming naming, ExodusEntry exodus, Company company, Detection detection, Texts texts, List<Section> sections,
    Source source) {

  /**
   * @param name       the tracker's name without its parenthetical ("Crashlytics")
   * @param qualifier  the parenthetical of the name as written ("Google", "by AT Internet"), or null
   * @param aliases    other names ("Databerries" from "Teemo (ex Databerries)")
   * @param ownerHints owners named in the parenthetical ("Google" from "Crashlytics (Google)")
   */
  public record Naming(String name, String qualifier, List<String> aliases, List<String> ownerHints) {
    public Naming {
      aliases = List.copyOf(aliases);
      ownerHints = List.copyOf(ownerHints);
    }
  }

  /**
   * @param inExodus the "In εxodus?" answer, or null when the document does not say
   * @param id       the εxodus tracker id (εxodus source only), or null
   * @param created  the εxodus creation date as written (yyyy-mm-dd), or null
   */
  public record ExodusEntry(Boolean inExodus, Integer id, String created) {}

  /**
   * What the document says of the company behind the tracker: its owners, relationships, founding and funding,
   * ownership links between other organisations (a parent's own parent), acquisitions, and the headquarters of
   * companies the location line names ({@link Location#organization()}).
   */
  public record Company(Location location, List<OrgMention> owners, List<Relationship> relationships,
      Founding founding, Funding funding, List<Ownership> ownerships, List<Acquisition> acquisitions,
      List<Location> headquarters) {
    public Company {
      headquarters = List.copyOf(headquarters);
      owners = List.copyOf(owners);
      relationships = List.copyOf(relationships);
      ownerships = List.copyOf(ownerships);
      acquisitions = List.copyOf(acquisitions);
    }

    public Company(Location location, List<OrgMention> owners, List<Relationship> relationships, Founding founding,
        Funding funding) {
      this(location, owners, relationships, founding, funding, List.of(), List.of(), List.of());
    }
  }

  /** How to recognise the tracker in an app. */
  public record Detection(List<Signature> signatures, List<Category> categories, List<Repository> repositories,
      List<String> gradle) {
    public Detection {
      signatures = List.copyOf(signatures);
      categories = List.copyOf(categories);
      repositories = List.copyOf(repositories);
      gradle = List.copyOf(gradle);
    }
  }

  /** The document's links and prose. */
  public record Texts(List<Link> websites, List<Link> documentation, List<LabelledText> about,
      List<Product> products, List<PolicyClause> clauses, List<LabelledText> details, List<Reference> references,
      List<Link> externalLinks, List<Link> additionalLinks, List<LabelledText> notes, List<PolicyDocument> policies) {
    public Texts(List<Link> websites, List<Link> documentation, List<LabelledText> about, List<Product> products,
        List<PolicyClause> clauses, List<LabelledText> details, List<Reference> references, List<Link> externalLinks,
        List<Link> additionalLinks, List<LabelledText> notes) {
      this(websites, documentation, about, products, clauses, details, references, externalLinks, additionalLinks, notes,
          List.of());
    }

    public Texts {
      policies = List.copyOf(policies);
      websites = List.copyOf(websites);
      documentation = List.copyOf(documentation);
      about = List.copyOf(about);
      products = List.copyOf(products);
      clauses = List.copyOf(clauses);
      details = List.copyOf(details);
      references = List.copyOf(references);
      externalLinks = List.copyOf(externalLinks);
      additionalLinks = List.copyOf(additionalLinks);
      notes = List.copyOf(notes);
    }
  }

  public Dossier {
    sections = List.copyOf(sections);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this dossier's values. */
  public Builder toBuilder() {
    return new Builder().name(name()).qualifier(qualifier()).aliases(aliases()).ownerHints(ownerHints())
        .inExodus(inExodus()).exodusId(exodusId()).exodusCreated(exodusCreated()).location(location())
        .owners(owners()).relationships(relationships()).founding(founding()).funding(funding())
        .ownerships(ownerships()).acquisitions(acquisitions()).headquarters(headquarters())
        .signatures(signatures()).categories(categories()).repositories(repositories()).gradle(gradle())
        .websites(websites()).documentation(documentation()).about(about()).products(products()).clauses(clauses())
        .details(details()).references(references()).externalLinks(externalLinks())
        .additionalLinks(additionalLinks()).notes(notes()).policies(policies()).sections(sections).source(source);
  }

  /** Sets each value by its name; lists not set are empty, single values null. */
  public static final class Builder {
    private String name;
    private String qualifier;
    private List<String> aliases = List.of();
    private List<String> ownerHints = List.of();
    private Boolean inExodus;
    private Integer exodusId;
    private String exodusCreated;
    private Location location;
    private List<OrgMention> owners = List.of();
    private List<Relationship> relationships = List.of();
    private Founding founding;
    private Funding funding;
    private List<Ownership> ownerships = List.of();
    private List<Acquisition> acquisitions = List.of();
    private List<Location> headquarters = List.of();
    private List<Signature> signatures = List.of();
    private List<Category> categories = List.of();
    private List<Repository> repositories = List.of();
    private List<String> gradle = List.of();
    private List<Link> websites = List.of();
    private List<Link> documentation = List.of();
    private List<LabelledText> about = List.of();
    private List<Product> products = List.of();
    private List<PolicyClause> clauses = List.of();
    private List<LabelledText> details = List.of();
    private List<Reference> references = List.of();
    private List<Link> externalLinks = List.of();
    private List<Link> additionalLinks = List.of();
    private List<LabelledText> notes = List.of();
    private List<PolicyDocument> policies = List.of();
    private List<Section> sections = List.of();
    private Source source;

    private Builder() {}

    public Builder name(String v) { name = v; return this; }
    public Builder qualifier(String v) { qualifier = v; return this; }
    public Builder aliases(List<String> v) { aliases = v; return this; }
    public Builder ownerHints(List<String> v) { ownerHints = v; return this; }
    public Builder inExodus(Boolean v) { inExodus = v; return this; }
    public Builder exodusId(Integer v) { exodusId = v; return this; }
    public Builder exodusCreated(String v) { exodusCreated = v; return this; }
    public Builder location(Location v) { location = v; return this; }
    public Builder owners(List<OrgMention> v) { owners = v; return this; }
    public Builder relationships(List<Relationship> v) { relationships = v; return this; }
    public Builder founding(Founding v) { founding = v; return this; }
    public Builder funding(Funding v) { funding = v; return this; }
    public Builder ownerships(List<Ownership> v) { ownerships = v; return this; }
    public Builder acquisitions(List<Acquisition> v) { acquisitions = v; return this; }
    public Builder headquarters(List<Location> v) { headquarters = v; return this; }
    public Builder signatures(List<Signature> v) { signatures = v; return this; }
    public Builder categories(List<Category> v) { categories = v; return this; }
    public Builder repositories(List<Repository> v) { repositories = v; return this; }
    public Builder gradle(List<String> v) { gradle = v; return this; }
    public Builder websites(List<Link> v) { websites = v; return this; }
    public Builder documentation(List<Link> v) { documentation = v; return this; }
    public Builder about(List<LabelledText> v) { about = v; return this; }
    public Builder products(List<Product> v) { products = v; return this; }
    public Builder clauses(List<PolicyClause> v) { clauses = v; return this; }
    public Builder details(List<LabelledText> v) { details = v; return this; }
    public Builder references(List<Reference> v) { references = v; return this; }
    public Builder externalLinks(List<Link> v) { externalLinks = v; return this; }
    public Builder additionalLinks(List<Link> v) { additionalLinks = v; return this; }
    public Builder notes(List<LabelledText> v) { notes = v; return this; }
    public Builder policies(List<PolicyDocument> v) { policies = v; return this; }
    public Builder sections(List<Section> v) { sections = v; return this; }
    public Builder source(Source v) { source = v; return this; }

    public Dossier build() {
      return new Dossier(new Naming(name, qualifier, aliases, ownerHints), new ExodusEntry(inExodus, exodusId, exodusCreated),
          new Company(location, owners, relationships, founding, funding, ownerships, acquisitions, headquarters),
          new Detection(signatures, categories, repositories, gradle),
          new Texts(websites, documentation, about, products, clauses, details, references, externalLinks,
              additionalLinks, notes, policies),
          sections, source);
    }
  }

  /**
   * This dossier without its text (clauses, sections, references, descriptions…): what resolving trackers and
   * organisations across a whole corpus needs (names, aliases, owners, relationships, signatures, websites, ids,
   * source), small enough to hold for a corpus larger than memory. Reading the same file again and calling this
   * gives an equal record.
   */
  public Dossier withoutText() {
    return new Dossier(naming, exodus, new Company(company.location(), company.owners(), company.relationships(), null, null,
        company.ownerships(), company.acquisitions(), company.headquarters()),
        new Detection(detection.signatures(), List.of(), List.of(), List.of()),
        new Texts(texts.websites(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of()),
        List.of(), source);
  }

  // Reading through the groups: what most callers want is one value.
  public String name() { return naming.name(); }
  public String qualifier() { return naming.qualifier(); }
  public List<String> aliases() { return naming.aliases(); }
  public List<String> ownerHints() { return naming.ownerHints(); }
  public Boolean inExodus() { return exodus.inExodus(); }
  public Integer exodusId() { return exodus.id(); }
  public String exodusCreated() { return exodus.created(); }
  public Location location() { return company.location(); }
  public List<OrgMention> owners() { return company.owners(); }
  public List<Relationship> relationships() { return company.relationships(); }
  public Founding founding() { return company.founding(); }
  public Funding funding() { return company.funding(); }
  public List<Ownership> ownerships() { return company.ownerships(); }
  public List<Acquisition> acquisitions() { return company.acquisitions(); }
  public List<Location> headquarters() { return company.headquarters(); }
  public List<Signature> signatures() { return detection.signatures(); }
  public List<Category> categories() { return detection.categories(); }
  public List<Repository> repositories() { return detection.repositories(); }
  public List<String> gradle() { return detection.gradle(); }
  public List<Link> websites() { return texts.websites(); }
  public List<Link> documentation() { return texts.documentation(); }
  public List<LabelledText> about() { return texts.about(); }
  public List<Product> products() { return texts.products(); }
  public List<PolicyClause> clauses() { return texts.clauses(); }
  public List<LabelledText> details() { return texts.details(); }
  public List<Reference> references() { return texts.references(); }
  public List<Link> externalLinks() { return texts.externalLinks(); }
  public List<Link> additionalLinks() { return texts.additionalLinks(); }
  public List<LabelledText> notes() { return texts.notes(); }
  public List<PolicyDocument> policies() { return texts.policies(); }

  public List<Signature> networkSignatures() {
    return signatures().stream().filter(s -> s.kind() == Signature.Kind.NETWORK).toList();
  }

  public List<Signature> codeSignatures() {
    return signatures().stream().filter(s -> s.kind() == Signature.Kind.CODE).toList();
  }

  public List<Relationship> relationships(Relationship.Kind kind) {
    return relationships().stream().filter(r -> r.kind() == kind).toList();
  }

  public List<Relationship> customers() {
    return relationships(Relationship.Kind.CUSTOMER);
  }

  public List<Relationship> integrations() {
    return relationships(Relationship.Kind.INTEGRATION);
  }

  public List<Relationship> partners() {
    return relationships(Relationship.Kind.PARTNER);
  }

  public List<Relationship> investors() {
    return relationships(Relationship.Kind.INVESTOR);
  }

  public List<Relationship> clients() {
    return relationships(Relationship.Kind.CLIENT);
  }
}
