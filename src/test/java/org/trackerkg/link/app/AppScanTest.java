package org.trackerkg.link.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of APKs assembled here: tracker-like classes (smali) zipped with a real manifest. */
class AppScanTest {
  static final Instant WHEN = Instant.parse("2026-12-03T10:00:00Z");
  @TempDir Path tmp;

  Path trackerApk(String name) throws Exception {
    return ScanFixture.trackerApk(tmp, name);
  }

  @Test
  void assembledApkGivesExactlyItsTrackersWithEvidence() throws Exception {
    AppReport r = ScanFixture.scanner().scan(trackerApk("shop.apk"), "shop.apk", WHEN);
    assertEquals(List.of("appsflyer", "mparticle"), r.trackers().stream().map(f -> f.tracker().slug()).toList());
    AppReport.Finding af = r.trackers().get(0);
    assertEquals("code", af.code().get(0).kind());
    assertEquals(List.of("com.appsflyer.AppsFlyerLib"), af.code().get(0).examples());
    AppReport.Finding mp = r.trackers().get(1);
    assertEquals(List.of("com.mparticle.MParticle"), mp.code().get(0).examples());
    assertTrue(mp.network().stream().anyMatch(e -> e.examples().contains("api.mparticle.com")), mp.network()::toString);
    assertEquals(List.of("classes.dex", "classes2.dex"), r.app().parts());
    assertTrue(r.app().classes().contains("com.example.shop.Second"));
    assertEquals(64, r.app().sha256().length());
    if (ScanFixture.ANDROGUARD != null) {
      assertEquals("a2dp.Vol", r.app().manifest().packageName());
      assertTrue(r.permissions().stream().anyMatch(g -> g.category() != null
          && g.category().curie().equals("pd:Location")
          && g.permissions().contains("android.permission.ACCESS_FINE_LOCATION")));
    }
  }

  @Test
  void mParticleReportShowsRetentionSharingAndCitationsFromTheGraph() throws Exception {
    AppReport r = ScanFixture.scanner().scan(trackerApk("shop.apk"), "shop.apk", WHEN);
    AppReport.Finding mp = r.trackers().stream().filter(f -> f.tracker().slug().equals("mparticle")).findFirst()
        .orElseThrow();
    assertNotNull(mp.profile(), "mParticle has a Yale profile");
    Map<String, AppReport.Topic> topics = new LinkedHashMap<>();
    mp.profile().topics().forEach(t -> topics.put(t.key(), t));
    AppReport.Topic retention = topics.get("retention");
    assertTrue(retention.clauses().stream().anyMatch(c -> "Data retention".equals(c.label())
        && c.text().contains("within 12 months")), retention::toString);
    AppReport.Topic sharing = topics.get("sharing");
    assertTrue(sharing.clauses().stream().anyMatch(c -> c.label() != null && c.label().startsWith("Information sharing")
        && c.text().contains("subprocessors")), sharing::toString);
    assertTrue(sharing.concepts().stream().anyMatch(c -> c.curie().equals("dpv:ThirdParty")));
    assertTrue(topics.get("data").concepts().stream().anyMatch(c -> c.curie().equals("pd:Location")),
        topics.get("data")::toString);
    assertTrue(mp.profile().clauses().stream().flatMap(c -> c.citations().stream())
        .anyMatch(c -> "mParticle, 12".equals(c.key()) && "https://www.mparticle.com/privacypolicy".equals(c.url())),
        () -> ReportText.write(r));
    String text = ReportText.write(r);
    assertTrue(text.contains("within 12 months"), text);
    assertTrue(text.contains("[mParticle, 12 https://www.mparticle.com/privacypolicy]"), text);
    // AppsFlyer's maker and ultimate owner come from tkg:company / tkg:owner
    AppReport.Finding af = r.trackers().get(0);
    assertNotNull(af.maker());
  }

  @Test
  void scansLoadedBesideTheDossiersAnswerAppsSharingLocation() throws Exception {
    AppReport r = ScanFixture.scanner().scan(trackerApk("shop.apk"), "shop.apk", WHEN);
    org.apache.jena.sparql.core.DatasetGraph dsg = org.apache.jena.sparql.core.DatasetGraphFactory.create();
    ScanFixture.data().dataset().find().forEachRemaining(dsg::add);
    ReportRdf.add(r, new org.trackerkg.vocab.Iris(org.trackerkg.vocab.Iris.DEFAULT_BASE), dsg);
    var entry = org.trackerkg.query.QueryCatalogue.load().get("apps-sharing-location").orElseThrow();
    var rows = org.trackerkg.query.CannedQuery.bind(entry, Map.of(), org.trackerkg.vocab.Iris.DEFAULT_BASE)
        .execute(org.trackerkg.query.CannedQuery.unionView(dsg), java.time.Duration.ofSeconds(60));
    List<String> trackers = new java.util.ArrayList<>();
    rows.forEachRemaining(q -> trackers.add(q.getResource("tracker").getURI()));
    assertEquals(List.of("https://w3id.org/tracker-kg/id/tracker/mparticle"), trackers);
  }

  @Test
  void trackersWithoutAProfileSayNoPolicy() throws Exception {
    // Adjust (com.adjust.sdk) is an εxodus tracker without a Yale profile
    Path apk = ScanFixture.zip(tmp.resolve("adj.apk"), Map.of("classes.dex",
        ScanFixture.dex(tmp, java.util.Collections.singletonMap("com.adjust.sdk.Adjust", null))));
    AppReport r = ScanFixture.scanner().scan(apk, "adj.apk", WHEN);
    assertEquals(1, r.trackers().size(), r.trackers()::toString);
    assertNull(r.trackers().get(0).profile());
    assertTrue(ReportText.write(r).contains("no policy in the data"));
    assertTrue(ReportJson.write(List.of(r)).contains("\"note\" : \"no policy in the data\""));
  }

  @Test
  void badInputGetsOneClearMessage() throws Exception {
    AppReader reader = new AppReader(ScanLimits.DEFAULT);
    Path text = Files.writeString(tmp.resolve("notes.apk"), "hello");
    assertEquals("not an APK, bundle or dex (no zip or dex signature at the start)",
        assertThrows(AppFormatException.class, () -> reader.read(text, "notes.apk")).getMessage());
    Path empty = Files.write(tmp.resolve("empty.apk"), new byte[0]);
    assertEquals("empty file, not an APK",
        assertThrows(AppFormatException.class, () -> reader.read(empty, "empty.apk")).getMessage());
    Path noDex = ScanFixture.zip(tmp.resolve("nodex.apk"), Map.of("res/a.txt", new byte[10]));
    assertTrue(assertThrows(AppFormatException.class, () -> reader.read(noDex, "nodex.apk")).getMessage()
        .startsWith("a zip without classes.dex"));
    byte[] dex = ScanFixture.dex(tmp, Map.of("com.example.A", "x"));
    byte[] half = java.util.Arrays.copyOf(dex, dex.length / 2);
    Path truncated = ScanFixture.zip(tmp.resolve("trunc.apk"), Map.of("classes.dex", half));
    assertEquals("classes.dex: truncated dex (" + half.length + " of " + dex.length + " bytes)",
        assertThrows(AppFormatException.class, () -> reader.read(truncated, "trunc.apk")).getMessage());
    byte[] corrupt = dex.clone();
    for (int i = 0x38; i < 0x70; i++) {
      corrupt[i] = (byte) 0xff; // string, type, proto… offsets all point far outside the file
    }
    Path bad = ScanFixture.zip(tmp.resolve("corrupt.apk"), Map.of("classes.dex", corrupt));
    assertTrue(assertThrows(AppFormatException.class, () -> reader.read(bad, "corrupt.apk")).getMessage()
        .startsWith("classes.dex: corrupt dex"));
  }

  @Test
  void zipBombsStopAtTheLimits() throws Exception {
    // 129 MiB of zeros deflate to ~130 KB: over the 128 MiB per-dex limit, counted on the bytes inflated
    Path bomb = tmp.resolve("bomb.apk");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new java.util.zip.ZipEntry("classes.dex"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 129; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertTrue(Files.size(bomb) < 1_000_000);
    AppReader reader = new AppReader(ScanLimits.DEFAULT);
    assertEquals("classes.dex: more than 128 MiB uncompressed (limit; a zip bomb?)",
        assertThrows(AppFormatException.class, () -> reader.read(bomb, "bomb.apk")).getMessage());
    // too many entries
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 101; i++) {
      many.put("e" + i, new byte[0]);
    }
    Path crowded = ScanFixture.zip(tmp.resolve("crowded.apk"), many);
    assertEquals("more than 100 zip entries (limit; a zip bomb?)", assertThrows(AppFormatException.class,
        () -> new AppReader(new ScanLimits(100, ScanLimits.MIB, ScanLimits.MIB, ScanLimits.MIB))
            .read(crowded, "crowded.apk")).getMessage());
  }

  @Test
  void bundlesReadEverySplitAndTheBaseManifest() throws Exception {
    Path base = trackerApk("base.apk");
    Path split = ScanFixture.zip(tmp.resolve("split_config.en.apk"), Map.of("res/values.arsc", new byte[4]));
    Path xapk = ScanFixture.zip(tmp.resolve("shop.xapk"), Map.of(
        "split_config.en.apk", Files.readAllBytes(split), "base.apk", Files.readAllBytes(base),
        "manifest.json", "{}".getBytes()));
    AppReport r = ScanFixture.scanner().scan(xapk, "shop.xapk", WHEN);
    assertEquals("bundle", r.app().kind());
    assertEquals(List.of("appsflyer", "mparticle"), r.trackers().stream().map(f -> f.tracker().slug()).toList());
    assertTrue(r.app().parts().contains("base.apk!classes2.dex"), r.app().parts()::toString);
  }

  @Test
  void classListsAndBareDexAreRead() throws Exception {
    Path list = Files.writeString(tmp.resolve("classes.txt"), "# from dexdump\ncom.mparticle.MParticle\n"
        + "Lcom/appsflyer/AppsFlyerLib;\n");
    AppReport r = ScanFixture.scanner().scan(list, "classes.txt", WHEN);
    assertEquals(List.of("appsflyer", "mparticle"), r.trackers().stream().map(f -> f.tracker().slug()).toList());
    Path dex = Files.write(tmp.resolve("a.dex"), ScanFixture.dex(tmp, java.util.Collections.singletonMap("com.mparticle.MParticle", null)));
    AppReport d = ScanFixture.scanner().scan(dex, "a.dex", WHEN);
    assertEquals("dex", d.app().kind());
    assertEquals(List.of("mparticle"), d.trackers().stream().map(f -> f.tracker().slug()).toList());
    assertFalse(d.trackers().isEmpty());
  }
}
