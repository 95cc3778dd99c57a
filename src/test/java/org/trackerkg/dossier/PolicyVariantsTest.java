package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.base.DiagnosticHandler;

/** Privacy-policy section variants (#14), each from an example written here; the reader is strict. */
class PolicyVariantsTest {
  private static final Source SOURCE = new Source("t.md", 1, Source.Kind.PROFILE, "0");

  private static Dossier policy(String body) {
    return new MarkdownDossierParser(DiagnosticHandler.strict())
        .parse("# Examplytics\n\n## Privacy Policy\n\n" + body + "\n", SOURCE).dossier();
  }

  @Test
  void anUnlabelledBulletListIsOneClausePerBullet() {
    Dossier d = policy("* The kit collects the device's IP address.\n* Data is retained for 12 months.\n"
        + "* Users may opt out in the app's settings.\n");
    assertEquals(List.of("The kit collects the device's IP address.", "Data is retained for 12 months.",
        "Users may opt out in the app's settings."), d.clauses().stream().map(PolicyClause::text).toList());
    assertEquals(List.of(5, 6, 7), d.clauses().stream().map(PolicyClause::line).toList());
  }

  @Test
  void aPolicyAsOfHeaderIsThePolicyDocumentNotAClause() {
    Dossier d = policy("[Policy as of 3/4/2019, last updated 1/2/2018:](https://example.org/privacy)\n"
        + "* Examplytics shares aggregate statistics.\n* It honours Do Not Track.\n");
    assertEquals(1, d.policies().size());
    PolicyDocument p = d.policies().get(0);
    assertEquals("https://example.org/privacy", p.url());
    assertEquals("3/4/2019, last updated 1/2/2018", p.asOf());
    assertTrue(p.found());
    assertEquals(2, d.clauses().size(), d.clauses().toString());
    assertFalse(d.clauses().get(0).text().contains("Policy as of"));
  }

  @Test
  void aHeaderWithTheColonOutsideTheLink() {
    Dossier d = policy("[Policy as of May 2020](https://example.org/p):\n* Location is collected.\n");
    assertEquals("May 2020", d.policies().get(0).asOf());
    assertEquals(1, d.clauses().size());
  }

  @Test
  void noPolicyFoundIsAFactNotAClause() {
    Dossier d = policy("No privacy policy could be found as of June 2019.\n");
    assertTrue(d.clauses().isEmpty(), d.clauses().toString());
    PolicyDocument p = d.policies().get(0);
    assertFalse(p.found());
    assertEquals("June 2019", p.asOf());
  }

  @Test
  void bulletsUnderALabelStayThatClause() {
    Dossier d = policy("_Data collected:_\n\n* IP address\n* Device model\n");
    assertEquals(1, d.clauses().size(), d.clauses().toString());
    assertEquals("Data collected", d.clauses().get(0).label());
  }
}
