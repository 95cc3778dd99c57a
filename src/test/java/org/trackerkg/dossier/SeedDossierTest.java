package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden facts of the seed dossier, data/dossiers/mparticle.md. */
class SeedDossierTest {
  static final Path SEED = Path.of("data/dossiers/mparticle.md");
  static Dossier d;

  @BeforeAll
  static void read() {
    ReadResult r = DossierReader.read(List.of(SEED), org.trackerkg.base.DiagnosticHandler.strict());
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertEquals(1, r.dossiers().size());
    d = r.dossiers().get(0);
  }

  static Dossier seed() {
    read();
    return d;
  }

  @Test
  void identity() {
    assertEquals("mParticle", d.name());
    assertEquals(Boolean.TRUE, d.inExodus());
    assertEquals("United States", d.location().country());
    assertEquals("US", d.location().countryCode());
    assertEquals("New York", d.location().city());
    assertEquals("Crunchbase, 01", d.location().citations().get(0).key());
    assertEquals("https://www.mparticle.com", d.websites().get(0).url());
    assertEquals(List.of("mparticle\\.com"), d.networkSignatures().stream().map(Signature::pattern).toList());
    assertEquals(List.of("com.mparticle"), d.codeSignatures().stream().map(Signature::pattern).toList());
    assertEquals(Source.Kind.PROFILE, d.source().kind());
    assertEquals(64, d.source().sha256().length());
  }

  @Test
  void customersInOrder() {
    List<String> names = d.customers().stream().map(Relationship::name).toList();
    assertEquals(List.of("Airbnb", "King", "Spotify", "Jet", "EA", "SeatGeek", "Ticketmaster", "Gilt", "Bleacher Report",
        "Chick-fil-A", "Postmates", "Lilly Pulitzer", "Venmo", "Via", "Stash", "Starwood Preferred Guest", "Draft",
        "StockTwits", "OKCupid", "NBCUniversal", "Turner", "theSkimm", "Lakes Fifth Avenue", "Lululemon Athletica",
        "Goat", "Live Nation", "Walmart", "iHeartRadio", "Starwood", "SoulCycle"), names);
    Map<String, Relationship> byName = d.customers().stream().collect(Collectors.toMap(Relationship::name, r -> r));
    assertEquals(List.of("mParticle, 03"), keys(byName.get("Walmart").citations()));
    assertEquals(List.of("mParticle, 01"), keys(byName.get("Airbnb").citations()));
    assertEquals(List.of("mParticle, 01"), keys(byName.get("Lilly Pulitzer").citations()));
    assertEquals(List.of("mParticle, 02"), keys(byName.get("Venmo").citations()));
    assertEquals(List.of("mParticle, 04"), keys(byName.get("SoulCycle").citations()));
    assertEquals("Customers", byName.get("Walmart").label());
  }

  @Test
  void integrationsAndPartners() {
    List<String> names = d.integrations().stream().map(Relationship::name).toList();
    assertEquals(19, names.size(), names.toString());
    assertEquals("Amazon Redshift", names.get(0));
    assertEquals("comScore", names.get(18));
    assertEquals(List.of("mParticle, 04"), keys(d.integrations().get(5).citations()));
    assertEquals(List.of("SafeGraph", "Salesforce Marketing Cloud"), d.partners().stream().map(Relationship::name).toList());
    assertEquals("Key partnerships", d.partners().get(0).label());
    assertEquals(List.of("mParticle, 11"), keys(d.partners().get(1).citations()));
  }

  @Test
  void policyClauses() {
    assertEquals(List.of("Data Collection", "Information sharing", "Security", "Data retention", "Opt-out", "International law"),
        d.clauses().stream().map(PolicyClause::label).toList());
    PolicyClause collection = d.clauses().get(0);
    assertTrue(collection.text().startsWith("Clients \"collect information"), collection.text());
    assertTrue(collection.text().contains("We contractually prohibit Clients"));
    PolicyClause sharing = d.clauses().get(1);
    assertTrue(sharing.text().startsWith("Third party sharing may proceed as follows:"));
    assertTrue(sharing.text().contains("* Third-party agents working as subprocessors"));
    assertTrue(sharing.text().contains("* mParticle \"may also share aggregate or anonymous information without restriction\""));
    assertEquals(7, sharing.text().split("\n").length - (int) sharing.text().lines().filter(String::isBlank).count());
    assertTrue(d.clauses().get(3).text().contains("within 12 months"));
    PolicyClause law = d.clauses().get(5);
    assertTrue(law.text().contains("Swiss-US Privacy Shield Framework"));
    assertEquals(List.of("mParticle, 12"), keys(law.citations()));
  }

  @Test
  void foundingAndFunding() {
    assertEquals(2013, d.founding().year());
    assertEquals(0, new BigDecimal("76000000").compareTo(d.funding().amount()));
    assertEquals("USD", d.funding().currency());
    assertEquals("over", d.funding().qualifier());
    assertEquals(List.of("Crunchbase, 01"), keys(d.funding().citations()));
  }

  @Test
  void referencesAndCitations() {
    List<Reference> listed = d.references().stream().filter(Reference::listed).toList();
    assertEquals(11, listed.size());
    assertEquals("mParticle, 01", listed.get(0).key());
    assertEquals("https://www.mparticle.com", listed.get(0).url());
    assertEquals(List.of("Crunchbase, 01", "mParticle, 12", "mParticle, 13"),
        d.references().stream().filter(r -> !r.listed()).map(Reference::key).sorted().toList());
    // every inline citation resolves to a reference with the same URL
    Map<String, String> urls = d.references().stream()
        .collect(Collectors.toMap(r -> CitationKeys.normalise(r.key()), Reference::url, (a, b) -> a));
    List<Citation> all = d.relationships().stream().flatMap(r -> r.citations().stream()).toList();
    assertFalse(all.isEmpty());
    for (Citation c : all) {
      assertEquals(urls.get(CitationKeys.normalise(c.key())), c.url(), c.toString());
    }
  }

  @Test
  void productsTree() {
    Product cdp = d.products().stream().filter(p -> "Customer Data Platform (CDP)".equals(p.title())).findFirst().orElseThrow();
    assertEquals(4, cdp.children().size(), cdp.children().toString());
    Product control = cdp.children().get(3);
    assertEquals("Control your data", control.title());
    assertEquals(List.of("IDSync", "AudienceSync", "Enrichment", "Warehouses"),
        control.children().stream().map(Product::title).toList());
    assertEquals(List.of("mParticle, 05"), keys(control.children().get(3).citations()));
    assertNotNull(d.products().stream().filter(p -> p.title() == null && p.text().startsWith("mParticle's core features")).findFirst().orElse(null));
  }

  @Test
  void everySectionKept() {
    assertEquals(15, d.sections().size());
    assertEquals("Questions or concerns about this document?", d.sections().get(14).heading());
    assertEquals(1, d.sections().get(0).line());
  }

  static List<String> keys(List<Citation> cs) {
    return cs.stream().map(Citation::key).toList();
  }
}
