package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;
import org.trackerkg.base.DiagnosticHandler;

/** The 60 Yale profiles and the εxodus trackers.json of the shared corpus. */
class CorpusReaderTest {
  static ReadResult profiles;
  static Map<String, Dossier> byFile;

  @BeforeAll
  static void read() {
    Corpus.assumePresent();
    profiles = DossierReader.read(List.of(Corpus.profiles()), DiagnosticHandler.strict());
    byFile = profiles.dossiers().stream().collect(Collectors.toMap(d -> Path.of(d.source().file()).getFileName().toString(), d -> d));
  }

  @Test
  void everyProfileGivesANamedDossier() {
    assertFalse(profiles.hasErrors(), profiles.diagnostics().toString());
    assertEquals(60, profiles.dossiers().size());
    profiles.dossiers().forEach(d -> assertFalse(d.name().isBlank(), d.source().file()));
  }

  @Test
  void shortTemplate() {
    Dossier d = byFile.get("Actv8.md");
    assertEquals("Actv8", d.name());
    assertEquals(Boolean.FALSE, d.inExodus());
    assertEquals(List.of("Advertising", "Location", "Identity", "Tracking", "Beacons"), d.categories().stream().map(Category::name).toList());
    assertEquals(new Repository("https://mvnrepository.com/artifact/me.actv8.core/actv8-sdk", "me.actv8.core", "actv8-sdk",
        d.repositories().get(0).line()), d.repositories().get(0));
    assertTrue(d.gradle().isEmpty(), "xxx is a placeholder");
    assertEquals(2, d.additionalLinks().size());
  }

  @Test
  void nameParentheticals() {
    assertEquals(List.of("Google"), byFile.get("Crashlytics (Google).md").ownerHints());
    Dossier xiti = byFile.get("Xiti.md");
    assertEquals("Xiti", xiti.name());
    assertEquals(List.of("AT Internet"), xiti.ownerHints());
    Dossier teemo = byFile.get("Teemo.md");
    assertEquals("Teemo", teemo.name());
    assertEquals(List.of("Databerries"), teemo.aliases());
    Dossier krux = byFile.get("Krux (SalesForce DMP).mkd");
    assertEquals("Krux", krux.name());
    assertEquals(List.of("Salesforce DMP"), krux.aliases());
    assertTrue(byFile.get("HockeyApp (Microsoft).md").ownerHints().contains("Microsoft"));
  }

  @Test
  void boldLabelClauses() {
    List<String> labels = byFile.get("Krux (SalesForce DMP).mkd").clauses().stream().map(PolicyClause::label).toList();
    assertTrue(labels.contains("Opting out"), labels.toString());
    assertTrue(labels.contains("Personally Identifiable Information"), labels.toString());
  }

  @Test
  void detectionRuleVariants() {
    assertEquals(List.of("appsflyer\\.com"), byFile.get("AppsFlyer.md").networkSignatures().stream().map(Signature::pattern).toList());
    Dossier cuebiq = byFile.get("Cuebiq.md");
    assertEquals(List.of("com.cuebiq.cuebiqsdk.model.Collector", "com.cuebiq.cuebiqsdk.receiver.CoverageReceiver"),
        cuebiq.codeSignatures().stream().map(Signature::pattern).toList());
    assertEquals(List.of("cuebiq\\.com"), cuebiq.networkSignatures().stream().map(Signature::pattern).toList());
    assertEquals(6, byFile.get("OtherLevels.md").networkSignatures().size());
  }

  @Test
  void everyHeadingIsASection() throws IOException {
    for (Dossier d : profiles.dossiers()) {
      List<String> lines = Files.readString(Path.of(d.source().file()), StandardCharsets.UTF_8).lines().toList();
      Set<Integer> sectionLines = d.sections().stream().map(Section::line).collect(Collectors.toSet());
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.startsWith("```")) {
          fenced = !fenced;
        }
        if (!fenced && l.matches("#{1,6}(\\s.*|$)")) {
          assertTrue(sectionLines.contains(i + 1), d.source().file() + ":" + (i + 1) + " heading not kept: " + l);
        }
      }
    }
  }

  @Test
  void exodusTrackers() {
    ReadResult r = DossierReader.read(List.of(Corpus.exodusJson()), DiagnosticHandler.strict());
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertEquals(432, r.dossiers().size());
    r.dossiers().forEach(d -> {
      assertNotNull(d.exodusId());
      assertEquals(Boolean.TRUE, d.inExodus());
      assertEquals(Source.Kind.EXODUS, d.source().kind());
    });
    Map<Integer, Dossier> byId = r.dossiers().stream().collect(Collectors.toMap(Dossier::exodusId, d -> d));
    Dossier kochava = byId.get(127);
    assertEquals("Kochava", kochava.name());
    assertEquals(List.of("com.kochava.base.", "com.kochava.android.tracker.", ".kochavaccpa."),
        kochava.codeSignatures().stream().map(Signature::pattern).toList());
    assertEquals(List.of("control\\.kochava\\.com", "kvinit\\-prod\\.api\\.kochava\\.com"),
        kochava.networkSignatures().stream().map(Signature::pattern).toList());
    assertEquals("Analytics", kochava.about().get(0).text());
    Dossier mparticle = byId.get(18);
    assertEquals("mParticle", mparticle.name());
    assertEquals("US", mparticle.location().countryCode());
    assertEquals(30, mparticle.customers().size());
    assertEquals(2013, mparticle.founding().year());
    assertTrue(mparticle.clauses().size() >= 6);
    List<Integer> ids = r.dossiers().stream().map(Dossier::exodusId).toList();
    assertEquals(ids.stream().sorted().toList(), ids);
  }
}
