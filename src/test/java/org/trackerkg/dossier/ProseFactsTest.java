package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.DiagnosticHandler;

/** Facts stated in sentences (#14), each from an example written here; the reader is strict. */
class ProseFactsTest {
  private static final Source SOURCE = new Source("t.md", 1, Source.Kind.PROFILE, "0");

  /** A profile of the tracker "Examplytics" whose About section is {@code about}. */
  private static Dossier about(String about) {
    return new MarkdownDossierParser(DiagnosticHandler.strict())
        .parse("# Examplytics\n\n## About\n\n" + about + "\n", SOURCE).dossier();
  }

  private static List<String> names(Dossier d, Relationship.Kind kind) {
    return d.relationships(kind).stream().map(Relationship::name).toList();
  }

  @Test
  void customersListedInASentenceEndWithTheSentence() {
    Dossier d = about("Examplytics's customers include the Daily Planet, Acme Foods, Initech and Globex Group. "
        + "Wayne Enterprises tried it once.");
    assertEquals(List.of("Daily Planet", "Acme Foods", "Initech", "Globex Group"), names(d, Relationship.Kind.CUSTOMER));
    Relationship r = d.customers().get(0);
    assertTrue(r.fromProse());
    assertTrue(r.passage().startsWith("Examplytics's customers include"), r.passage());
  }

  @Test
  void listTailsAreNoOrganisations() {
    Dossier d = about("Its clients include Hooli, Pied Piper and many more. Its partners include Vandelay Industries, "
        + "Kramerica and others. Clients such as Soylent Corp and Tyrell, for a longer list see the website.");
    assertEquals(List.of("Hooli", "Pied Piper", "Soylent Corp", "Tyrell"), names(d, Relationship.Kind.CLIENT));
    assertEquals(List.of("Vandelay Industries", "Kramerica"), names(d, Relationship.Kind.PARTNER));
  }

  /** A labelled slash list whose tail runs into a sentence before its citation names no organisation. */
  @Test
  void slashListTailWithASentenceIsNoOrganisation() {
    Dossier d = new MarkdownDossierParser(DiagnosticHandler.strict()).parse("# Examplytics\n\n## Relationships\n\n"
        + "_Partners:_ Hooli [Hooli, 01](https://hooli.example/p) / Pied Piper / Aviato / and many more. For a longer"
        + " list, see [Examplytics, 02](https://examplytics.example/partners)\n", SOURCE).dossier();
    assertEquals(List.of("Hooli", "Pied Piper", "Aviato"), names(d, Relationship.Kind.PARTNER));
  }

  @Test
  void usedByAndSubjectsThatUseTheTracker() {
    Dossier d = about("The kit is used by Stark Industries, Oscorp and Umbrella. Cyberdyne and Massive Dynamic use "
        + "Examplytics for crash reports. It is used by companies that want more clicks.");
    assertEquals(List.of("Stark Industries", "Oscorp", "Umbrella", "Cyberdyne", "Massive Dynamic"),
        names(d, Relationship.Kind.CUSTOMER));
  }

  @Test
  void investorsInvestmentsAndRoundsFromNamedFunds() {
    Dossier d = about("Its investors include Northwind Capital, Contoso Ventures and Fabrikam Partners. "
        + "Litware Fund invested in the company in 2016. It raised $12 million from Tailspin Capital in 2017. "
        + "It raised $3 million from angel investors.");
    assertEquals(List.of("Northwind Capital", "Contoso Ventures", "Fabrikam Partners", "Litware Fund", "Tailspin Capital"),
        names(d, Relationship.Kind.INVESTOR));
  }

  @Test
  void partnersAndIntegrations() {
    Dossier d = about("In 2015 Examplytics teamed up with Blue Yonder Airlines for loyalty offers. It partners with "
        + "Adatum. The SDK integrates with: Lucerne Publishing, Wingtip Toys, Coho Winery.");
    assertEquals(List.of("Blue Yonder Airlines", "Adatum"), names(d, Relationship.Kind.PARTNER));
    assertEquals(List.of("Lucerne Publishing", "Wingtip Toys", "Coho Winery"), names(d, Relationship.Kind.INTEGRATION));
  }

  @Test
  void ownerChainsGiveTwoOwnershipFacts() {
    Dossier d = about("Examplytics is part of Contoso Media, which is owned by Contoso Holdings.");
    assertEquals(List.of("Contoso Media"), d.owners().stream().map(OrgMention::name).toList());
    assertTrue(d.owners().get(0).fromProse());
    assertEquals(1, d.ownerships().size());
    assertEquals("Contoso Media", d.ownerships().get(0).owned());
    assertEquals("Contoso Holdings", d.ownerships().get(0).owner());
  }

  @Test
  void serviceSubsidiaryAndPossessiveOwners() {
    assertEquals(List.of("Northwind Traders"),
        about("Examplytics is a service of Northwind Traders.").owners().stream().map(OrgMention::name).toList());
    assertEquals(List.of("Fabrikam"),
        about("It is a wholly-owned subsidiary of Fabrikam, Inc. since 2012.").owners().stream()
            .map(OrgMention::name).toList().stream().map(n -> n.replace(", Inc.", "")).toList());
    assertEquals(List.of("Litware"),
        about("Litware's Examplytics is a mobile analytics kit.").owners().stream().map(OrgMention::name).toList());
    // another company's parent is a chain link, not the tracker's owner
    Dossier d = about("Proseware is a subsidiary of Adventure Works.");
    assertTrue(d.owners().isEmpty(), d.owners().toString());
    assertEquals("Proseware", d.ownerships().get(0).owned());
    // a name followed by a descriptive noun is no organisation
    assertTrue(about("Examplytics is part of the Contoso developer suite.").owners().isEmpty());
  }

  @Test
  void acquisitionsWithYearAndPrice() {
    Dossier d = about("Examplytics was founded in 2009. It was acquired by Woodgrove Bank in 2014 for a reported "
        + "$250 million.");
    Acquisition a = d.acquisitions().get(0);
    assertNull(a.acquired(), "it: the tracker's own company");
    assertEquals("Woodgrove Bank", a.acquirer());
    assertEquals(2014, a.year());
    assertEquals(0, new BigDecimal("250000000").compareTo(a.amount()));
    assertEquals("USD", a.currency());
    assertEquals("reported", a.qualifier());
    assertEquals(List.of("Woodgrove Bank"), d.owners().stream().map(OrgMention::name).toList(),
        "no other owner stated: the acquirer owns it");
  }

  @Test
  void activeAcquisitionsAndOtherCompanies() {
    Dossier d = about("On March 3, 2016 Trey Research bought Examplytics for €40 million. "
        + "In 2011, Graphic Design Institute acquired Proseware.");
    assertEquals(2, d.acquisitions().size());
    Acquisition a = d.acquisitions().get(0);
    assertNull(a.acquired());
    assertEquals("Trey Research", a.acquirer());
    assertEquals(2016, a.year());
    assertEquals("EUR", a.currency());
    Acquisition b = d.acquisitions().get(1);
    assertEquals("Proseware", b.acquired());
    assertEquals("Graphic Design Institute", b.acquirer());
    assertEquals(2011, b.year());
  }

  @Test
  void anOlderAcquisitionDoesNotOverrideAStatedOwner() {
    Dossier d = new MarkdownDossierParser(DiagnosticHandler.strict()).parse("# Examplytics (by Alpine Ski House)\n\n"
        + "## About\n\nCoho Vineyard acquired Examplytics in 2013 for $38 million.\n", SOURCE).dossier();
    assertEquals("Coho Vineyard", d.acquisitions().get(0).acquirer());
    assertTrue(d.owners().isEmpty(), "the owner is the one the name states: " + d.owners());
  }

  @Test
  void headquartersInProseWhenNoLocationSection() {
    Dossier d = about("The company is headquartered in Austin, TX, with an office in Lyon, France.");
    assertEquals("US", d.location().countryCode());
    assertEquals("Austin", d.location().city());
    assertTrue(d.location().passage() != null);
    Dossier e = about("Examplytics is a privately-held analytics company based in Berlin, Germany.");
    assertEquals("DE", e.location().countryCode());
    assertEquals("Berlin", e.location().city());
    // another organisation's seat is not the tracker's
    assertNull(about("Its parent company, Contoso N.V., is based in the Netherlands.").location());
    // a city alone is not guessed into a country
    assertNull(about("It is based in Springfield.").location());
  }

  @Test
  void aCountryHeadingIsTheLocation() {
    Dossier d = new MarkdownDossierParser(DiagnosticHandler.strict())
        .parse("# Examplytics\n\n## Country\n\nSweden\n", SOURCE).dossier();
    assertEquals("SE", d.location().countryCode());
  }

  @Test
  void sentencesEndListsSoNamesDoNotRunOn() {
    Dossier d = about("Examplytics is owned by Contoso Group. Contoso is listed in Paris.");
    assertEquals(List.of("Contoso Group"), d.owners().stream().map(OrgMention::name).toList());
  }

  @Test
  void labelledFactsAreNotFromProse() {
    Dossier d = new MarkdownDossierParser(DiagnosticHandler.strict()).parse("# Examplytics\n\n## Relationships\n\n"
        + "_Customers:_ Hooli / Initech\n\n## About\n\nIts customers include Hooli and Globex.\n", SOURCE).dossier();
    assertEquals(List.of("Hooli", "Initech", "Globex"), names(d, Relationship.Kind.CUSTOMER));
    assertTrue(!d.customers().get(0).fromProse() && d.customers().get(2).fromProse(), "the labelled Hooli is kept once");
  }

  @Test
  void sentenceInitialTriggersAndSubjectsNamedByTheirProduct() {
    Dossier d = about("Investors include Alder Fund and Birch Capital. Backed by Cedar Partners, the firm grew. "
        + "Its SDK is used by Dogwood Apps and Elm Studio. Publishers such as Fir Daily, and Gum Tree News rely on it.");
    assertEquals(List.of("Alder Fund", "Birch Capital", "Cedar Partners"), names(d, Relationship.Kind.INVESTOR));
    assertEquals(List.of("Dogwood Apps", "Elm Studio", "Fir Daily", "Gum Tree News"), names(d, Relationship.Kind.CUSTOMER));
  }

  @Test
  void listsBeforeTheKindWordAndClausesOfTheirOwn() {
    Dossier d = about("Alder Pay, Birch Wallet and Cedar Signage partners. Dogwood Media and Elm Radio are its customers. "
        + "It raised $5 million from Fir Capital; Gum Tree Angels invested in the company later. "
        + "Demand partners are many.");
    assertEquals(List.of("Alder Pay", "Birch Wallet", "Cedar Signage"), names(d, Relationship.Kind.PARTNER),
        "one capitalised word before 'partners' is no list");
    assertEquals(List.of("Dogwood Media", "Elm Radio"), names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Fir Capital", "Gum Tree Angels"), names(d, Relationship.Kind.INVESTOR));
  }

  @Test
  void subjectListsEndedByTheirVerbAndWorksWith() {
    Dossier d = about("Publishers including Hazel Press, Ivy Radio and Juniper Games carry its banners. "
        + "Examplytics works with Kauri Data and Larch Labs. Contoso works with Maple Mobile.");
    assertEquals(List.of("Hazel Press", "Ivy Radio", "Juniper Games"), names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Kauri Data", "Larch Labs"), names(d, Relationship.Kind.PARTNER), "another's partner is not its own");
  }

  @Test
  void aLabelledListInNotesNamesItsRelationship() {
    Dossier d = new MarkdownDossierParser(DiagnosticHandler.strict()).parse("# Examplytics\n\n## Notes\n\n"
        + "_Clients:_ Oak Editions / Pine Sports / Rowan News\n\n_Remarks:_ Quiet Fir / Spruce\n", SOURCE).dossier();
    assertEquals(List.of("Oak Editions", "Pine Sports", "Rowan News"), names(d, Relationship.Kind.CLIENT));
    assertTrue(d.relationships().stream().allMatch(Relationship::fromProse));
    assertEquals(3, d.relationships().size(), "a label naming no relationship gives none");
  }

  @Test
  void aRelativeClauseInTheOwnershipSectionIsAChain() {
    Dossier d = new MarkdownDossierParser(DiagnosticHandler.strict()).parse("# Examplytics\n\n## Ownership\n\n"
        + "Examplytics is part of Contoso Media, which is owned by Contoso Holdings.\n", SOURCE).dossier();
    assertEquals(List.of("Contoso Media"), d.owners().stream().map(OrgMention::name).toList());
    assertEquals("Contoso Holdings", d.ownerships().get(0).owner());
  }
}
