package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.DiagnosticHandler;

/** Citation and reference variants (#14), each from an example written here; the reader is strict. */
class CitationVariantsTest {
  private static final Source SOURCE = new Source("t.md", 1, Source.Kind.PROFILE, "0");

  private static Dossier read(String md) {
    return new MarkdownDossierParser(DiagnosticHandler.strict()).parse(md, SOURCE).dossier();
  }

  @Test
  void unkeyedSourceLinksBecomeReferencesAndCiteTheirPassage() {
    Dossier d = read("# Examplytics\n\n## About\n\nExamplytics measures app installs. [Source: Trade Weekly](https://news.example/a)"
        + "\n\nIt has two offices. [(Source)](https://registry.example/b) [(Source)](https://registry.example/c)\n");
    assertEquals(List.of("Source: Trade Weekly"), d.about().get(0).citations().stream().map(Citation::key).toList());
    assertEquals(List.of("(Source)", "(Source) (2)"), d.about().get(1).citations().stream().map(Citation::key).toList(),
        "one key per URL");
    assertEquals(List.of("https://news.example/a", "https://registry.example/b", "https://registry.example/c"),
        d.references().stream().map(Reference::url).toList());
    assertTrue(d.references().stream().noneMatch(Reference::listed));
  }

  @Test
  void keysMatchWhateverTheirPaddingAndCase() {
    Dossier d = read("# Examplytics\n\n## About\n\nA kit. [examplytics, 9](https://examplytics.example/nine)\n\n"
        + "## References\n\n* _Examplytics, 09_ Its home page https://examplytics.example/nine\n");
    assertEquals(1, d.references().size(), d.references().toString());
    assertEquals("Examplytics, 09", d.references().get(0).key());
  }

  @Test
  void doubledLinkSyntaxGivesTheFirstUrl() {
    Dossier d = read("# Examplytics\n\n## About\n\nA kit [Examplytics, 02](https://a.example/x](https://a.example/x).\n");
    assertEquals("https://a.example/x", d.about().get(0).citations().get(0).url());
  }

  @Test
  void referencesWrittenWithoutListMarkersAreOneEach() {
    // lines of one paragraph, each starting with its key (emphasised or plain), and link paragraphs of their own
    Dossier d = read("# Examplytics\n\n## References\n\n"
        + "_Examplytics, 01_ [https://examplytics.example/home](https://examplytics.example/home)\n"
        + "_Trade Weekly, 02_ The kit's launch https://news.example/launch\n"
        + "continued on a second line\n"
        + "Registry, 3. https://registry.example/e\n\n"
        + "[Examplytics, 04](https://examplytics.example/about)\n\n"
        + "[Examplytics, 5](https://examplytics.example/jobs)\n");
    assertEquals(List.of("Examplytics, 01", "Trade Weekly, 02", "Registry, 3", "Examplytics, 04", "Examplytics, 5"),
        d.references().stream().map(Reference::key).toList());
    assertEquals(List.of("https://examplytics.example/home", "https://news.example/launch", "https://registry.example/e",
        "https://examplytics.example/about", "https://examplytics.example/jobs"),
        d.references().stream().map(Reference::url).toList());
    assertEquals(List.of(5, 6, 8, 10, 12), d.references().stream().map(Reference::line).toList());
    assertTrue(d.references().get(1).title().contains("second line"), d.references().get(1).title());
    assertTrue(d.references().stream().allMatch(Reference::listed));
  }

  @Test
  void aCitationRunningIntoTheNextItemSupportsTheItemBefore() {
    // "Initech [cite](url)Globex": no separator between the citation and the next name
    Dossier d = read("# Examplytics\n\n## Relationships\n\n_Customers:_ Acme / Initech [Examplytics, 01](https://x.example/1)"
        + "Globex / Hooli [Examplytics, 2](https://x.example/2) and more\n");
    assertEquals(List.of("Acme", "Initech", "Globex", "Hooli"), d.customers().stream().map(Relationship::name).toList());
    assertEquals(List.of("Examplytics, 01"), d.customers().get(1).citations().stream().map(Citation::key).toList());
    assertEquals(List.of("Examplytics, 2"), d.customers().get(2).citations().stream().map(Citation::key).toList());
  }
}
