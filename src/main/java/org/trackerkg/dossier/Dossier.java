package org.trackerkg.dossier;

import java.util.List;

/**
 * Everything one source document says about one tracker, as the reader understood it. Immutable; every value
 * keeps its source line. Absent values are null (single values) or empty lists, never template placeholders.
 *
 * @param name         the tracker's name without its parenthetical ("Crashlytics")
 * @param qualifier    the parenthetical of the name as written ("Google", "by AT Internet"), or null
 * @param aliases      other names ("Databerries" from "Teemo (ex Databerries)")
 * @param ownerHints   owners named in the parenthetical ("Google" from "Crashlytics (Google)")
 * @param inExodus     the "In εxodus?" answer, or null when the document does not say
 * @param exodusId     the εxodus tracker id (εxodus source only), or null
 * @param exodusCreated the εxodus creation date as written (yyyy-mm-dd), or null
 * @param sections     every section of the document verbatim, in order, whatever else was understood of it
 */
public record Dossier(
    String name,
    String qualifier,
    List<String> aliases,
    List<String> ownerHints,
    Boolean inExodus,
    Integer exodusId,
    String exodusCreated,
    Location location,
    List<Link> websites,
    List<Link> documentation,
    List<LabelledText> about,
    List<OrgMention> owners,
    List<Signature> signatures,
    List<Category> categories,
    List<Repository> repositories,
    List<String> gradle,
    List<Product> products,
    List<PolicyClause> clauses,
    List<Relationship> relationships,
    Founding founding,
    Funding funding,
    List<LabelledText> details,
    List<Reference> references,
    List<Link> externalLinks,
    List<Link> additionalLinks,
    List<LabelledText> notes,
    List<Section> sections,
    Source source) {

  public Dossier {
    aliases = List.copyOf(aliases);
    ownerHints = List.copyOf(ownerHints);
    websites = List.copyOf(websites);
    documentation = List.copyOf(documentation);
    about = List.copyOf(about);
    owners = List.copyOf(owners);
    signatures = List.copyOf(signatures);
    categories = List.copyOf(categories);
    repositories = List.copyOf(repositories);
    gradle = List.copyOf(gradle);
    products = List.copyOf(products);
    clauses = List.copyOf(clauses);
    relationships = List.copyOf(relationships);
    details = List.copyOf(details);
    references = List.copyOf(references);
    externalLinks = List.copyOf(externalLinks);
    additionalLinks = List.copyOf(additionalLinks);
    notes = List.copyOf(notes);
    sections = List.copyOf(sections);
  }

  /**
   * This dossier without its text (clauses, sections, references, descriptions…): what resolving trackers and
   * organisations across a whole corpus needs (names, aliases, owners, relationships, signatures, websites, ids,
   * source), small enough to hold for a corpus larger than memory. Reading the same file again and calling this
   * gives an equal record.
   */
  public Dossier withoutText() {
    return new Dossier(name, qualifier, aliases, ownerHints, inExodus, exodusId, exodusCreated, location, websites,
        List.of(), List.of(), owners, signatures, List.of(), List.of(), List.of(), List.of(), List.of(),
        relationships, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), source);
  }

  public List<Signature> networkSignatures() {
    return signatures.stream().filter(s -> s.kind() == Signature.Kind.NETWORK).toList();
  }

  public List<Signature> codeSignatures() {
    return signatures.stream().filter(s -> s.kind() == Signature.Kind.CODE).toList();
  }

  public List<Relationship> relationships(Relationship.Kind kind) {
    return relationships.stream().filter(r -> r.kind() == kind).toList();
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
