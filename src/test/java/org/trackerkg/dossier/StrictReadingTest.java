package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.base.DiagnosticHandler;

/** The diagnostic policies: collecting in use, strict in tests; every reader message has a line and a column. */
class StrictReadingTest {
  private static final Source SOURCE = new Source("t.md", 1, Source.Kind.PROFILE, "0");

  @Test
  void readerWarningsCarryLineAndColumn() {
    String md = "# Tracker Name\nAcme\n\n## Primary Location\n\n  Atlantis (Sunken City)\n";
    MarkdownDossierParser.Outcome o = new MarkdownDossierParser().parse(md, SOURCE);
    Diagnostic w = o.diagnostics().get(0);
    assertEquals(6, w.line());
    assertEquals(3, w.column());
    assertTrue(w.toString().startsWith("t.md:6:3: warning: unrecognised country"), w.toString());
  }

  @Test
  void collectingKeepsEverythingInOrder() {
    DiagnosticHandler.Collecting c = DiagnosticHandler.collecting();
    c.report(Diagnostic.warning("a", 1, 2, "w"));
    c.report(Diagnostic.error("a", 3, 4, "e"));
    c.unreadable(Diagnostic.warning("a", 5, 1, "u"), new IllegalStateException("bug"));
    assertEquals(List.of("w", "e", "u"), c.diagnostics().stream().map(Diagnostic::message).toList());
  }

  @Test
  void strictThrowsOnTheFirstErrorButKeepsWarnings() {
    DiagnosticHandler.Collecting s = DiagnosticHandler.strict();
    s.report(Diagnostic.warning("a", 1, 1, "only a warning"));
    DiagnosticHandler.StrictFailure f =
        assertThrows(DiagnosticHandler.StrictFailure.class, () -> s.report(Diagnostic.error("a", 2, 1, "broken")));
    assertEquals("a:2:1: error: broken", f.getMessage());
    assertEquals(1, s.diagnostics().size());
  }

  @Test
  void anExceptionInsideASectionFailsAStrictRead() {
    // A section reader that trips: in use the section is kept verbatim with a warning, under strict it throws.
    SectionReader broken = (s, d, ctx) -> {
      throw new IllegalStateException("reader bug");
    };
    String md = "# Tracker Name\nAcme\n\n## Notes\n\nSomething.\n";
    MarkdownDossierParser lenient = new MarkdownDossierParser(DiagnosticHandler.collecting())
        .with(SectionKind.NOTES, broken);
    MarkdownDossierParser.Outcome o = lenient.parse(md, SOURCE);
    assertEquals("Acme", o.dossier().name());
    assertTrue(o.diagnostics().get(0).message().startsWith("could not read section 'Notes'"), o.diagnostics().toString());
    assertEquals(4, o.diagnostics().get(0).line());
    MarkdownDossierParser strict = new MarkdownDossierParser(DiagnosticHandler.strict()).with(SectionKind.NOTES, broken);
    DiagnosticHandler.StrictFailure f =
        assertThrows(DiagnosticHandler.StrictFailure.class, () -> strict.parse(md, SOURCE));
    assertInstanceOf(IllegalStateException.class, f.getCause());
  }
}
