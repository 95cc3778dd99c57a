package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.DiagnosticHandler;

/** Template variants, each built from an example written here (#14). */
class TemplateVariantsTest {
  private static final Source SOURCE = new Source("t.md", 1, Source.Kind.PROFILE, "0");

  private static Dossier read(String md) {
    return new MarkdownDossierParser(DiagnosticHandler.strict()).parse(md, SOURCE).dossier();
  }

  @Test
  void headingsWithoutASpaceAfterTheHashesAreHeadings() {
    // "#Name" / "##About": the hashes run straight into the heading's text
    Dossier d = read("#Examplytics\n\n##About\n\nAn analytics kit.\n\n##Primary Location\n\nFrance (Paris)\n");
    assertEquals("Examplytics", d.name());
    assertEquals("FR", d.location().countryCode());
    assertEquals(List.of("An analytics kit."), d.about().stream().map(LabelledText::text).toList());
    assertEquals(List.of("Examplytics", "About", "Primary Location"), d.sections().stream().map(Section::heading).toList());
    assertEquals(5, d.about().get(0).line(), "line numbers are those of the file");
  }

  @Test
  void hashesInCodeAndBeforeDigitsAreNotHeadings() {
    Dossier d = read("# Examplytics\n\n## Notes\n\n```\n#include <sdk.h>\n```\n\n#1 in its field.\n");
    assertTrue(d.sections().stream().noneMatch(s -> s.heading().startsWith("include")), d.sections().toString());
    assertTrue(d.notes().stream().anyMatch(n -> n.text().contains("#include")), d.notes().toString());
  }

  private static List<String> patterns(Dossier d) {
    return d.signatures().stream().map(Signature::pattern).toList();
  }

  @Test
  void placeholdersAreAbsentValuesWhereverTheyAppear() {
    for (String p : List.of("xxx", "com.xxx", "xxx.com", "com.xxx.sdk", "Not Listed", "???", "TBD", "n/a")) {
      assertTrue(Placeholders.isPlaceholder(p), p);
    }
    for (String v : List.of("xxxlutz.com", "Acme", "com.example.sdk", "Texas")) {
      assertTrue(!Placeholders.isPlaceholder(v), v);
    }
    Dossier d = read("# Examplytics\n\n## Primary Location\n\nNot Listed\n\n## Detection Rules\n\ncom.xxx\n\n"
        + "## Ownership\n\n???\n");
    assertEquals(null, d.location());
    assertTrue(d.signatures().isEmpty(), d.signatures().toString());
    assertTrue(d.owners().isEmpty(), d.owners().toString());
  }

  @Test
  void anUnfilledTemplateFormIsAWarningNotADossier() {
    MarkdownDossierParser.Outcome o = new MarkdownDossierParser(DiagnosticHandler.strict()).parse(
        "# Title\n\n## Primary Location\n\nxxx\n\n## Website\n\nxxx.com\n\n## Detection Rules\n\n"
            + "Network signature: xxx\n\n## Notes\n\nTBD\n", SOURCE);
    assertEquals(null, o.dossier());
    assertEquals(1, o.diagnostics().size(), o.diagnostics().toString());
    assertTrue(!o.diagnostics().get(0).isError() && o.diagnostics().get(0).message().contains("template"));
    // a title of the template's with real content under it is read
    assertEquals("Title", read("# Title\n\n## Website\n\nhttps://title.example\n").name());
  }

  @Test
  void aRuleWithStraySpacesIsRepairedWhenUnambiguous() {
    MarkdownDossierParser.Outcome o = new MarkdownDossierParser(DiagnosticHandler.strict())
        .parse("# Examplytics\n\n## Detection Rules\n\nexamplytics \\ .com\n", SOURCE);
    assertEquals(List.of("examplytics\\.com"), patterns(o.dossier()));
    assertTrue(o.diagnostics().stream().anyMatch(x -> x.message().contains("stray spaces")), o.diagnostics().toString());
    // words with spaces are prose, not a rule to repair
    Dossier d = read("# Examplytics\n\n## Detection Rules\n\nsee the vendor's site\n");
    assertTrue(d.signatures().isEmpty());
  }

  @Test
  void twoBareRulesOnConsecutiveLinesAreTwoRules() {
    Dossier d = read("# Examplytics\n\n## Detection Rules\n\ncom.examplytics.sdk\napi\\.examplytics\\.io\n");
    assertEquals(List.of("com.examplytics.sdk", "api\\.examplytics\\.io"), patterns(d));
    assertEquals(List.of(Signature.Kind.CODE, Signature.Kind.NETWORK), d.signatures().stream().map(Signature::kind).toList());
  }

  @Test
  void aSignatureKeepsTheBarsOfItsGroupsInListsAndTables() {
    // a '|' inside a group is part of one rule, not a separator; in a table cell "\\|" is GFM's escape of that '|'
    Dossier d = read("# Examplytics\n\n## Detection rules\n\n* Network signature: `(api|cdn)\\.examplytics\\.com | "
        + "examplytics\\.io`\n* Code signature: `com.examplytics.sdk`\n\n| kind | rule |\n| --- | --- |\n"
        + "| network | `(img\\|px)\\.examplytics\\.net` |\n| code | `com.examplytics.lite` |\n");
    assertEquals(List.of("(api|cdn)\\.examplytics\\.com", "examplytics\\.io", "com.examplytics.sdk",
        "(img|px)\\.examplytics\\.net", "com.examplytics.lite"), d.signatures().stream().map(Signature::pattern).toList());
    assertEquals(List.of(Signature.Kind.NETWORK, Signature.Kind.NETWORK, Signature.Kind.CODE, Signature.Kind.NETWORK,
        Signature.Kind.CODE), d.signatures().stream().map(Signature::kind).toList());
    assertEquals(List.of(5, 5, 6, 10, 11), d.signatures().stream().map(Signature::line).toList(), "a table row's own line");
    assertEquals(List.of("a\\.example", "[|]b", "c\\|d"), Signatures.alternatives("a\\.example|[|]b|c\\|d"));
  }

  @Test
  void kindNameBulletsKeepTheKindAsTheRole() {
    Dossier d = read("# Examplytics\n\n## Relationships\n\n* Parent: Contoso Holdings Inc.\n* Investor: Northwind Capital\n"
        + "* Integration: Lucerne Publishing / Wingtip Toys\n\n_Ecosystem:_\n\n* Analytics: Keynote / Fabrikam\n"
        + "* Forecast: Yieldly\n");
    assertEquals(List.of("Contoso Holdings Inc"), d.owners().stream().map(OrgMention::name).toList());
    assertEquals("Parent", d.owners().get(0).label());
    assertEquals(List.of("INVESTOR Northwind Capital Investor", "INTEGRATION Lucerne Publishing Integration",
        "INTEGRATION Wingtip Toys Integration", "PARTNER Keynote Analytics", "PARTNER Fabrikam Analytics",
        "PARTNER Yieldly Forecast"),
        d.relationships().stream().map(r -> r.kind() + " " + r.name() + " " + r.label()).toList());
  }

  @Test
  void aLabelOnALineOfItsOwnLabelsTheListBelow() {
    Dossier d = read("# Examplytics\n\n## Relationships\n\n_Partners:_\n\n* Hooli\n[Examplytics, 03](https://x.example/3)\n"
        + "* Vandelay[Examplytics, 04](https://x.example/4)\n\nSome words about the partners.\n\n* Kramerica / Pendant\n");
    assertEquals(List.of("PARTNER Hooli Partners [Examplytics, 03]", "PARTNER Vandelay Partners [Examplytics, 04]",
        "CUSTOMER Kramerica null []", "CUSTOMER Pendant null []"),
        d.relationships().stream().map(r -> r.kind() + " " + r.name() + " " + r.label() + " "
            + r.citations().stream().map(Citation::key).toList()).toList(), "the label ends where other text starts");
  }
}
