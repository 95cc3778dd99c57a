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
}
