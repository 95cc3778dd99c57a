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
}
