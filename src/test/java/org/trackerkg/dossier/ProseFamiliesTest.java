package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.DiagnosticHandler;

/**
 * The prose reader's construct families (#14), each from examples written here in wordings of their own: ownership
 * (passive and active, "in turn", "itself", "belongs to", buyers), funding (led, participation, seed money, put in),
 * customers (ship, embed, count among, signed on, relative clauses), partners (agreements, alliances) and
 * integrations (connects to, plugs into, feeds data into); and the statements that must give no fact: rumours,
 * plans, ended uses, competitors, another company's relationships, people. The reader is strict.
 */
class ProseFamiliesTest {
  private static final Source SOURCE = new Source("t.md", 1, Source.Kind.PROFILE, "0");

  /** A profile of the tracker "Examplytics" whose About section is {@code about}. */
  private static Dossier about(String about) {
    return new MarkdownDossierParser(DiagnosticHandler.strict())
        .parse("# Examplytics\n\n## About\n\n" + about + "\n", SOURCE).dossier();
  }

  private static List<String> names(Dossier d, Relationship.Kind kind) {
    return d.relationships(kind).stream().map(Relationship::name).toList();
  }

  private static List<String> owners(Dossier d) {
    return d.owners().stream().map(OrgMention::name).toList();
  }

  private static List<String> chains(Dossier d) {
    return d.ownerships().stream().map(o -> o.owned() + " > " + o.owner()).toList();
  }

  // ------------------------------------------------------------------ ownership

  @Test
  void controlledByBelongsToAndInTurnGiveChainLinks() {
    Dossier d = about("Examplytics is controlled by Marlow Media. Marlow Media belongs to Quayle Partners, itself "
        + "majority-owned by the Renner Family Foundation. Quayle Partners is in turn controlled by Sorrel Trust.");
    assertEquals(List.of("Marlow Media"), owners(d));
    assertEquals(List.of("Marlow Media > Quayle Partners", "Quayle Partners > Renner Family Foundation",
        "Quayle Partners > Sorrel Trust"), chains(d));
    assertTrue(d.owners().get(0).fromProse());
  }

  @Test
  void aBuyerNamedWithADescriptionOwnsTheTracker() {
    Dossier d = about("In June 2019 the Danish marketing group Tivoli Signals bought Examplytics for an undisclosed "
        + "amount. The buyer is majority-owned by Havn Capital.");
    Acquisition a = d.acquisitions().get(0);
    assertNull(a.acquired());
    assertEquals("Tivoli Signals", a.acquirer());
    assertEquals(2019, a.year());
    assertEquals(List.of("Tivoli Signals"), owners(d));
    assertEquals(List.of("Tivoli Signals > Havn Capital"), chains(d));
  }

  @Test
  void theSubjectDecidesWhoBoughtWhom() {
    Dossier d = about("Examplytics bought Pebble Insights in 2018. A year later Cobalt Ventures acquired Examplytics.");
    assertEquals(2, d.acquisitions().size());
    assertEquals("Pebble Insights", d.acquisitions().get(0).acquired());
    assertEquals("Examplytics", d.acquisitions().get(0).acquirer());
    assertNull(d.acquisitions().get(1).acquired());
    assertEquals(List.of("Cobalt Ventures"), owners(d));
  }

  @Test
  void activeOwnershipAndAStakeAreChainLinksOrOwners() {
    Dossier d = about("Larkspur Holdings owns Examplytics. Larkspur Holdings is a unit of Umber Group. "
        + "Umber Group, which owns Ferrous Labs, is listed in Oslo.");
    assertEquals(List.of("Larkspur Holdings"), owners(d));
    assertEquals(List.of("Larkspur Holdings > Umber Group", "Ferrous Labs > Umber Group"), chains(d));
  }

  @Test
  void rumouredPlannedAndPastDealsGiveNoOwner() {
    Dossier d = about("Examplytics was rumoured to be acquired by Gannet Media in 2020. A deal under which Heron Group "
        + "would have bought Examplytics was called off. Examplytics was formerly owned by Ibis Partners. "
        + "Examplytics was controlled by Jacana Capital until 2016.");
    assertTrue(d.acquisitions().isEmpty(), d.acquisitions().toString());
    assertTrue(d.owners().isEmpty(), d.owners().toString());
    assertTrue(d.ownerships().isEmpty(), d.ownerships().toString());
  }

  @Test
  void descriptionsOfOtherOrganisationsOrPeopleAreNoAppositives() {
    Dossier d = about("Examplytics was acquired by the company behind Kestrel Ads. Its investors include the founder "
        + "Jane Wren.");
    assertTrue(d.acquisitions().isEmpty(), d.acquisitions().toString());
    assertTrue(names(d, Relationship.Kind.INVESTOR).isEmpty());
  }

  // ------------------------------------------------------------------ funding

  @Test
  void roundsLedJoinedAndParticipatedIn() {
    Dossier d = about("Examplytics closed a $6 million Series A led by Aspen Capital, with participation from Birch Angels "
        + "and Cedar Fund. The following year Dogwood Ventures led its Series B. Elm Partners joined the round as well.");
    assertEquals(List.of("Aspen Capital", "Birch Angels", "Cedar Fund", "Dogwood Ventures", "Elm Partners"),
        names(d, Relationship.Kind.INVESTOR));
    assertTrue(d.relationships().stream().allMatch(Relationship::fromProse));
  }

  @Test
  void seedMoneyAndSumsPutIn() {
    Dossier d = about("Its seed money came from Fir Syndicate. A 2019 round was backed by Gum Capital and Hazel "
        + "Growth, and Ilex Partners put in a further €8 million in 2021. Juniper Fund invested $2 million.");
    assertEquals(List.of("Fir Syndicate", "Gum Capital", "Hazel Growth", "Ilex Partners", "Juniper Fund"),
        names(d, Relationship.Kind.INVESTOR));
  }

  @Test
  void anotherCompanysRoundOrTalksAreNoInvestment() {
    Dossier d = about("Kauri Capital led Contoso's Series A. Larch Ventures put $5 million into Maple Mobile. "
        + "Examplytics was in talks to raise money from Nutmeg Fund. Rival Oakum raised $3 million from Pine Partners. "
        + "Its chief executive Rowan Ash previously led product at Spruce Systems.");
    assertTrue(names(d, Relationship.Kind.INVESTOR).isEmpty(), names(d, Relationship.Kind.INVESTOR).toString());
  }

  // ------------------------------------------------------------------ customers

  @Test
  void appsThatShipTheTrackerAndAppositives() {
    Dossier d = about("Among the apps that bundle Examplytics are the podcast player Tidecast, the food-delivery "
        + "service Munch Now and Ridgeway Bank. Studios that embed the SDK include Orca Games and Puffin Play.");
    assertEquals(List.of("Tidecast", "Munch Now", "Ridgeway Bank", "Orca Games", "Puffin Play"),
        names(d, Relationship.Kind.CUSTOMER));
  }

  @Test
  void countedAmongAccountsSignedOnAndRanges() {
    Dossier d = about("Examplytics counts Quill Press among its largest accounts, and Raven Radio signed on in 2022. "
        + "It also counts among its clients Sable Sports and Tern Travel. Shops that rely on the tag range from "
        + "Umbra Books to Vireo Home. Willow Bank became a customer last year. Yarrow Media and Zinnia Apps embed the SDK.");
    assertEquals(List.of("Quill Press", "Raven Radio", "Umbra Books", "Vireo Home", "Willow Bank", "Yarrow Media",
        "Zinnia Apps"), names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Sable Sports", "Tern Travel"), names(d, Relationship.Kind.CLIENT));
  }

  @Test
  void passiveUseByOtherVerbs() {
    Dossier d = about("The SDK is deployed by Acacia Airlines and Baobab Retail.");
    assertEquals(List.of("Acacia Airlines", "Baobab Retail"), names(d, Relationship.Kind.CUSTOMER));
  }

  @Test
  void formerRivalAndDroppedUsersAreNoCustomers() {
    Dossier d = about("Former customers include Cassia Foods and Daphne Wear. Emu Games dropped the SDK in 2021. "
        + "Finch Apps no longer uses Examplytics. Among the apps that removed Examplytics are Gecko Maps and Heron Mail. "
        + "Contoso's customers include Ibex Bank. Jackal Media sued Examplytics in 2020. "
        + "Kite Labs signed on as chief technology officer. Competitors such as Lynx Analytics use other kits. "
        + "Moth Media evaluated the SDK but chose Newt Metrics.");
    assertTrue(names(d, Relationship.Kind.CUSTOMER).isEmpty(), names(d, Relationship.Kind.CUSTOMER).toString());
    assertTrue(names(d, Relationship.Kind.CLIENT).isEmpty(), names(d, Relationship.Kind.CLIENT).toString());
  }

  // ------------------------------------------------------------------ partners

  @Test
  void partnershipAgreementsAlliancesAndTieUps() {
    Dossier d = about("Examplytics has signed partnership agreements with Ocelot Telecom and Pika Data. "
        + "It also has an alliance with Quokka Cloud; in 2020 it formed a joint venture with Raccoon Media. "
        + "Serval Bank teamed up with Examplytics on loyalty offers.");
    assertEquals(List.of("Ocelot Telecom", "Pika Data", "Quokka Cloud", "Raccoon Media", "Serval Bank"),
        names(d, Relationship.Kind.PARTNER));
  }

  @Test
  void anotherCompanysOrAnEndedPartnershipIsNone() {
    Dossier d = about("Tapir Ads partnered with Urial Networks. Its partnership with Vole Mobile ended in 2019. "
        + "Examplytics was in talks about an alliance with Walrus Telecom.");
    assertTrue(names(d, Relationship.Kind.PARTNER).isEmpty(), names(d, Relationship.Kind.PARTNER).toString());
  }

  // ------------------------------------------------------------------ integrations

  @Test
  void connectsPlugsAndFeedsDataInto() {
    Dossier d = about("Out of the box, the SDK connects to Xerus Mediation, Yak Ads and Zebu Attribution. "
        + "The tag plugs into Anchor Shop and Beacon Cart, and can feed its data into Coral CRM. "
        + "It forwards raw events to Delta Warehouse. The library works natively with Egret Analytics.");
    assertEquals(List.of("Xerus Mediation", "Yak Ads", "Zebu Attribution", "Anchor Shop", "Beacon Cart", "Coral CRM",
        "Delta Warehouse", "Egret Analytics"), names(d, Relationship.Kind.INTEGRATION));
  }

  @Test
  void otherProductsConnectionsAreNoIntegrations() {
    Dossier d = about("A rival SDK connects to Falcon Ads. Gannet Exchange plugs into Harrier Cloud. "
        + "The SDK no longer connects to Ibis Mediation. It connects to servers in Ireland.");
    assertTrue(names(d, Relationship.Kind.INTEGRATION).isEmpty(), names(d, Relationship.Kind.INTEGRATION).toString());
  }

  // ------------------------------------------------------------------ more wordings of the same families

  @Test
  void parentsNamedAndSales() {
    Dossier d = about("Its parent company is Aldgate Media. Aldgate Media's owner, Bramley Capital, is listed in London.");
    assertEquals(List.of("Aldgate Media"), owners(d));
    assertEquals(List.of("Aldgate Media > Bramley Capital"), chains(d));
    Dossier e = about("Examplytics was acquired by Corvid Labs in 2015. Corvid Labs sold Examplytics to Dunlin Group in 2018.");
    assertEquals(2, e.acquisitions().size());
    assertEquals(List.of("Dunlin Group"), owners(e), "the latest buyer owns it");
    Dossier f = about("In 2021 Examplytics was sold to Eider Holdings.");
    assertEquals("Eider Holdings", f.acquisitions().get(0).acquirer());
    assertEquals(2021, f.acquisitions().get(0).year());
  }

  @Test
  void listsIntroducedByADescriptionAndKindsOfTheTracker() {
    Dossier d = about("The SDK is used by major brands such as Fulmar Foods and Grebe Wear. Hobby Apps is a long-time "
        + "customer of Examplytics. Ibis Fund and Jay Capital are investors in the company. Kittiwake Media has "
        + "integrated the SDK. Its partner companies include Loon Telecom and Merlin Cloud.");
    assertEquals(List.of("Fulmar Foods", "Grebe Wear", "Hobby Apps", "Kittiwake Media"),
        names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Ibis Fund", "Jay Capital"), names(d, Relationship.Kind.INVESTOR));
    assertEquals(List.of("Loon Telecom", "Merlin Cloud"), names(d, Relationship.Kind.PARTNER));
  }

  @Test
  void connectorsSupportedNetworksAndExportedData() {
    Dossier d = about("It offers connectors for Nightjar CRM and Oriole Mail. Supported networks include Petrel Ads and "
        + "Quail Exchange. Its data can be exported to Rail Warehouse.");
    assertEquals(List.of("Nightjar CRM", "Oriole Mail", "Petrel Ads", "Quail Exchange", "Rail Warehouse"),
        names(d, Relationship.Kind.INTEGRATION));
    assertTrue(about("The SDK is compatible with iOS and Android.").relationships().isEmpty());
  }

  @Test
  void stakesIntransitivePartnershipsAndKindsClosingAClause() {
    Dossier d = about("Sorrel Fund took a minority stake in Examplytics in 2020. Examplytics and Tansy Telecom have "
        + "partnered to measure offline visits. Umbel Foods is a customer; Vetch Capital is also an investor. "
        + "Clients of Examplytics include Woad Travel and Yew Hotels.");
    assertEquals(List.of("Sorrel Fund", "Vetch Capital"), names(d, Relationship.Kind.INVESTOR));
    assertEquals(List.of("Tansy Telecom"), names(d, Relationship.Kind.PARTNER));
    assertEquals(List.of("Umbel Foods"), names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Woad Travel", "Yew Hotels"), names(d, Relationship.Kind.CLIENT));
  }

  @Test
  void servedAppsSupportedToolsAndOwnersOfOthers() {
    Dossier d = about("Examplytics serves Zander Radio and Aster Games. The SDK can be found in apps such as Bluet Maps "
        + "and Crocus Weather. The SDK supports Dill Mediation and Elder Ads. Fennel CRM and Ginger Mail are supported out "
        + "of the box. Its data flows into Hyssop Warehouse. Iris Group is the owner of Examplytics. "
        + "Iris Group's $40 million acquisition of Examplytics closed in 2017.");
    assertEquals(List.of("Zander Radio", "Aster Games", "Bluet Maps", "Crocus Weather"), names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Dill Mediation", "Elder Ads", "Fennel CRM", "Ginger Mail", "Hyssop Warehouse"),
        names(d, Relationship.Kind.INTEGRATION));
    assertEquals(List.of("Iris Group"), owners(d));
    assertEquals("Iris Group", d.acquisitions().get(0).acquirer());
    assertEquals(2017, d.acquisitions().get(0).year());
  }

  @Test
  void standardsServedAdsAndFamilyOwnershipAreNoFacts() {
    Dossier d = about("The SDK supports GDPR consent and IDFA. It serves ads to users. Family-owned Examplytics is "
        + "based in Lyon. Venture-backed Examplytics grew fast. The Juniper-owned Kale Labs is a rival.");
    assertTrue(d.relationships().isEmpty(), d.relationships().toString());
    assertTrue(d.owners().isEmpty(), d.owners().toString());
    assertEquals(List.of("Kale Labs > Juniper"), chains(d), "another company's owner is a chain link");
  }

  @Test
  void portfoliosSingularKindsAndRelativeClausesBetweenCommas() {
    Dossier d = about("Examplytics is a portfolio company of Laurel Ventures. It is also one of Myrtle Capital's portfolio "
        + "companies. Nettle Fund is among its early backers. Investors in the company include Olive Partners. "
        + "Its biggest customer is Poplar Retail. Contoso's biggest customer is Quince Media.");
    assertEquals(List.of("Laurel Ventures", "Myrtle Capital", "Nettle Fund", "Olive Partners"),
        names(d, Relationship.Kind.INVESTOR));
    assertEquals(List.of("Poplar Retail"), names(d, Relationship.Kind.CUSTOMER));
    Dossier e = about("Redwood Media, which acquired Examplytics in 2016, is itself owned by Sequoia Group.");
    assertEquals(List.of("Redwood Media"), owners(e));
    assertEquals(List.of("Redwood Media > Sequoia Group"), chains(e));
  }

  @Test
  void participlesListsAndRangesThatOpenWithADescription() {
    Dossier d = about("Examplytics's customer list includes Acorn Books. Apps built with Examplytics include Bramble "
        + "Games and Clover Chat. Its clients range from small shops to Daisy Department Stores.");
    assertEquals(List.of("Acorn Books", "Bramble Games", "Clover Chat"), names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Daisy Department Stores"), names(d, Relationship.Kind.CLIENT));
  }

  @Test
  void ownersWrittenAroundTheVerb() {
    Dossier d = about("Examplytics is a Lisbon-based company owned by Egret Holdings. Egret Holdings, in turn, is a "
        + "subsidiary of Falcon Group. The Series B was led by Gull Capital and joined by Hawk Ventures.");
    assertEquals(List.of("Egret Holdings"), owners(d));
    assertEquals(List.of("Egret Holdings > Falcon Group"), chains(d));
    assertEquals("PT", d.location().countryCode());
    assertEquals(List.of("Gull Capital", "Hawk Ventures"), names(d, Relationship.Kind.INVESTOR));
    Dossier e = about("Ibis Media completed its acquisition of Examplytics in 2020. Headquartered in Toronto, Canada, "
        + "Examplytics sells to banks.");
    assertEquals("Ibis Media", e.acquisitions().get(0).acquirer());
    assertNull(e.acquisitions().get(0).acquired());
    assertEquals(2020, e.acquisitions().get(0).year());
    assertEquals(List.of("Ibis Media"), owners(e));
    assertEquals("CA", e.location().countryCode());
  }

  @Test
  void yearsBeforeTheBuyerGroupsStakesDealsAndCustomersSince() {
    Dossier d = about("Examplytics was acquired in 2019 by Jabiru Media. The SDK ships inside Kestrel Radio and Lark News. "
        + "Magpie Foods has been a customer since 2017. Oriole Ventures provided the seed capital. Sparrow Capital holds "
        + "a stake in the company. Examplytics works with Pelican Ads and Quail CRM out of the box. It struck a "
        + "distribution deal with Raven Telecom.");
    assertEquals("Jabiru Media", d.acquisitions().get(0).acquirer());
    assertEquals(2019, d.acquisitions().get(0).year());
    assertEquals(List.of("Jabiru Media"), owners(d));
    assertEquals(List.of("Kestrel Radio", "Lark News", "Magpie Foods"), names(d, Relationship.Kind.CUSTOMER));
    assertEquals(List.of("Oriole Ventures", "Sparrow Capital"), names(d, Relationship.Kind.INVESTOR));
    assertEquals(List.of("Pelican Ads", "Quail CRM"), names(d, Relationship.Kind.INTEGRATION));
    assertEquals(List.of("Raven Telecom"), names(d, Relationship.Kind.PARTNER));
    assertEquals(List.of("Nightingale"), owners(about("Examplytics is part of the Nightingale group.")));
    Dossier e = about("Tern Capital led a $5 million investment in Contoso. The SDK runs in Germany and France.");
    assertTrue(e.relationships().isEmpty(), e.relationships().toString());
  }

  // ------------------------------------------------------------------ headquarters

  @Test
  void operatesOutOfAndLocatedIn() {
    assertEquals("US", about("The business operates out of Denver, Colorado.").location().countryCode());
    assertEquals("NO", about("The company is located in Bergen, Norway.").location().countryCode());
    assertNull(about("Its research lab is located in Tartu, Estonia.").location());
    assertEquals("NO", about("Examplytics is headquartered in Oslo.").location().countryCode(), "a well-known city");
    assertNull(about("Examplytics is headquartered in Springfield.").location(), "an ambiguous city is not guessed");
    assertEquals("PT", about("Examplytics is based out of Lisbon.").location().countryCode());
    assertEquals("NO", about("Examplytics is a Norwegian software company.").location().countryCode());
    assertNull(about("In 2020 the Swedish group Norrsken bought Examplytics.").location(), "the buyer's nationality");
  }
}
