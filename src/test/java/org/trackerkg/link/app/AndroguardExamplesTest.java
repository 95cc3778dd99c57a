package org.trackerkg.link.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every example APK of Debian's androguard package (unpacked by .ci/run): read with the right package name and
 * permissions as Debian's {@code aapt dump badging} sees them, no tracker found (they embed none), and a clear
 * message for those that are not apps. Slow: hundreds of files, and aapt run on each.
 */
@Tag("slow")
class AndroguardExamplesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package: name='([^']*)'", Pattern.MULTILINE);
  private static final Pattern PERMISSION = Pattern.compile("^uses-permission: name='([^']*)'", Pattern.MULTILINE);

  @Test
  void everyExampleApkIsReadAsAaptReadsIt() throws Exception {
    assertNotNull(ScanFixture.ANDROGUARD, "androguard examples missing: run .ci/run (or set TKG_ANDROGUARD)");
    boolean aapt = Files.isExecutable(Path.of("/usr/bin/aapt"));
    List<Path> apks;
    try (Stream<Path> s = Files.walk(ScanFixture.ANDROGUARD)) {
      apks = s.filter(p -> p.toString().endsWith(".apk")).sorted().toList();
    }
    assertTrue(apks.size() > 100, "found " + apks.size());
    AppScanner scanner = ScanFixture.scanner();
    int ok = 0;
    int checkedAgainstAapt = 0;
    List<String> problems = new ArrayList<>();
    for (Path apk : apks) {
      String name = ScanFixture.ANDROGUARD.relativize(apk).toString();
      boolean hasDex = hasDex(apk);
      try {
        AppReport r = scanner.scan(apk, name, Instant.EPOCH);
        ok++;
        if (!hasDex) {
          problems.add(name + ": read although it has no dex");
        }
        if (!r.trackers().isEmpty()) {
          problems.add(name + ": trackers found in an example app: " + r.trackers());
        }
        if (aapt && r.app().manifest() != null) {
          String badging = aapt(apk);
          Matcher m = PACKAGE.matcher(badging);
          if (m.find()) {
            checkedAgainstAapt++;
            if (!m.group(1).equals(r.app().manifest().packageName())) {
              problems.add(name + ": package " + r.app().manifest().packageName() + ", aapt says " + m.group(1));
            }
            TreeSet<String> expected = new TreeSet<>();
            Matcher p = PERMISSION.matcher(badging);
            while (p.find()) {
              expected.add(p.group(1));
            }
            // aapt adds permissions implied by the SDK level (uses-implied-permission); ours are the declared ones
            if (!expected.containsAll(r.app().manifest().permissions())) {
              problems.add(name + ": permissions " + r.app().manifest().permissions() + ", aapt says " + expected);
            }
          }
        }
      } catch (AppFormatException e) {
        String msg = e.getMessage();
        assertFalse(msg.isBlank() || msg.contains("\n"), name + ": " + msg);
        if (hasDex && !msg.contains("dex")) {
          problems.add(name + ": has a dex but: " + msg);
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(ok > 100, "read " + ok);
    if (aapt) {
      assertTrue(checkedAgainstAapt >= 3, "checked " + checkedAgainstAapt);
    }
  }

  @Test
  void namedExamples() throws Exception {
    assumeTrue(ScanFixture.ANDROGUARD != null);
    AppScanner scanner = ScanFixture.scanner();
    AppReport vol = scanner.scan(ScanFixture.ANDROGUARD.resolve("tests/a2dp.Vol_137.apk"), "a2dp.Vol_137.apk",
        Instant.EPOCH);
    assertEquals("a2dp.Vol", vol.app().manifest().packageName());
    assertTrue(vol.app().manifest().permissions().contains("android.permission.ACCESS_FINE_LOCATION"));
    AppReport wear = scanner.scan(ScanFixture.ANDROGUARD.resolve(
        "tests/com.example.android.wearable.wear.weardrawers.apk"), "weardrawers.apk", Instant.EPOCH);
    assertEquals(List.of("classes.dex", "classes2.dex"), wear.app().parts());
    AppReport jamendo = scanner.scan(ScanFixture.ANDROGUARD.resolve("tests/com.teleca.jamendo_35.apk"),
        "jamendo.apk", Instant.EPOCH);
    assertEquals("com.teleca.jamendo", jamendo.app().manifest().packageName());
  }

  private static boolean hasDex(Path apk) {
    try (ZipFile z = new ZipFile(apk.toFile())) {
      return z.stream().anyMatch(e -> e.getName().matches("classes\\d*\\.dex"));
    } catch (IOException e) {
      return false;
    }
  }

  private static String aapt(Path apk) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("aapt", "dump", "badging", apk.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
