package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;

/** The dossier while it is being read. */
final class Draft {
  String name;
  int nameLine;
  String qualifier;
  final List<String> aliases = new ArrayList<>();
  final List<String> ownerHints = new ArrayList<>();
  Boolean inExodus;
  Location location;
  final List<Location> headquarters = new ArrayList<>();
  final List<Link> websites = new ArrayList<>();
  final List<Link> documentation = new ArrayList<>();
  final List<LabelledText> about = new ArrayList<>();
  final List<OrgMention> owners = new ArrayList<>();
  final StringBuilder ownershipText = new StringBuilder();
  final List<Signature> signatures = new ArrayList<>();
  final List<Category> categories = new ArrayList<>();
  final List<Repository> repositories = new ArrayList<>();
  final List<String> gradle = new ArrayList<>();
  final List<Product> products = new ArrayList<>();
  final List<PolicyClause> clauses = new ArrayList<>();
  final List<Relationship> relationships = new ArrayList<>();
  Founding founding;
  Funding funding;
  final List<Ownership> ownerships = new ArrayList<>();
  final List<Acquisition> acquisitions = new ArrayList<>();
  final List<LabelledText> details = new ArrayList<>();
  final List<Reference> references = new ArrayList<>();
  final List<Link> externalLinks = new ArrayList<>();
  final List<Link> additionalLinks = new ArrayList<>();
  final List<LabelledText> notes = new ArrayList<>();
  final List<PolicyDocument> policies = new ArrayList<>();
  List<Section> sections = List.of();

  Dossier build(Source source) {
    return Dossier.builder().name(name).qualifier(qualifier).aliases(aliases).ownerHints(ownerHints)
        .inExodus(inExodus).location(location).owners(owners).relationships(relationships).founding(founding)
        .funding(funding).ownerships(ownerships).acquisitions(acquisitions).headquarters(headquarters).signatures(signatures).categories(categories).repositories(repositories).gradle(gradle)
        .websites(websites).documentation(documentation).about(about).products(products).clauses(clauses)
        .details(details).references(references).externalLinks(externalLinks).additionalLinks(additionalLinks)
        .notes(notes).policies(policies).sections(sections).source(source).build();
  }
}
