package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.Corpus;

class MatchCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  @Test
  void namesAgainstTheCorpus(@TempDir Path dir) throws Exception {
    Corpus.assumePresent();
    Path list = dir.resolve("classes.txt");
    Files.writeString(list, "com.appsflyer.AppsFlyerLib\ncom.google.android.gms.ads.identifier.AdvertisingIdClient\n");
    int code = run("match", "api.mparticle.com", "com.google.android.gms.ads.AdView", Corpus.exodusJson().toString(),
        "--file", list.toString());
    assertEquals(0, code, err.toString());
    assertEquals("api.mparticle.com\tmparticle\tmParticle\n"
        + "com.google.android.gms.ads.AdView\tgoogle-admob\tGoogle AdMob\n"
        + "com.appsflyer.AppsFlyerLib\tappsflyer\tAppsFlyer\n"
        + "com.google.android.gms.ads.identifier.AdvertisingIdClient\t-\t-\n", out.toString());
  }

  @Test
  void json() {
    Corpus.assumePresent();
    assertEquals(0, run("match", "--format", "json", "api.mparticle.com", Corpus.exodusJson().toString()));
    assertTrue(out.toString().contains("\"id\" : \"mparticle\""), out.toString());
    assertTrue(out.toString().contains("\"pattern\" : \"mparticle\\\\.com\""), out.toString());
  }

  @Test
  void usage() {
    assertEquals(2, run("match", "--format", "xml", "x.com"));
    assertTrue(err.toString().contains("--format"));
  }
}
