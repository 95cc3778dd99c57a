package org.trackerkg.link.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jf.smali.Smali;
import org.jf.smali.SmaliOptions;
import org.trackerkg.link.SignatureMatcher;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** Test material for scans: the data/ graph (loaded once), dex files assembled with smali, and APKs zipped from them. */
public final class ScanFixture {
  /** Debian's androguard package unpacked (see .ci/run): its examples folder, or null when absent. */
  public static final Path ANDROGUARD = androguard();

  private static Pipeline.Loaded loaded;
  private static AppScanner scanner;

  private ScanFixture() {}

  private static Path androguard() {
    String dir = System.getProperty("tkg.androguard", System.getenv().getOrDefault("TKG_ANDROGUARD",
        "/tmp/tkg-androguard"));
    Path p = Path.of(dir, "usr/share/doc/androguard/examples");
    return Files.isDirectory(p) ? p : null;
  }

  public static synchronized Pipeline.Loaded data() {
    if (loaded == null) {
      loaded = Pipeline.load(List.of(Path.of("data")), Iris.DEFAULT_BASE);
    }
    return loaded;
  }

  static synchronized AppScanner scanner() {
    if (scanner == null) {
      Pipeline.Loaded d = data();
      scanner = new AppScanner(SignatureMatcher.fromDataset(d.dataset(), Iris.DEFAULT_BASE),
          new TrackerProfiles(d.dataset().getUnionGraph()), ScanLimits.DEFAULT);
    }
    return scanner;
  }

  /** A smali class: {@code name} dotted, with one static method returning {@code constant} when not null. */
  static String smaliClass(String name, String constant) {
    StringBuilder sb = new StringBuilder();
    sb.append(".class public L").append(name.replace('.', '/')).append(";\n.super Ljava/lang/Object;\n");
    if (constant != null) {
      sb.append(".method public static endpoint()Ljava/lang/String;\n    .registers 1\n    const-string v0, \"")
          .append(constant).append("\"\n    return-object v0\n.end method\n");
    }
    return sb.toString();
  }

  /** Assembles the smali sources (class name → constant or null) into a dex file. */
  public static byte[] dex(Path work, Map<String, String> classes) throws IOException {
    Path dir = Files.createTempDirectory(work, "smali");
    List<String> files = new ArrayList<>();
    int i = 0;
    for (var e : classes.entrySet()) {
      Path f = dir.resolve("C" + i++ + ".smali");
      Files.writeString(f, smaliClass(e.getKey(), e.getValue()), StandardCharsets.UTF_8);
      files.add(f.toString());
    }
    SmaliOptions o = new SmaliOptions();
    o.outputDexFile = dir.resolve("out.dex").toString();
    o.jobs = 1;
    if (!Smali.assemble(o, files)) {
      throw new IllegalStateException("smali failed");
    }
    return Files.readAllBytes(dir.resolve("out.dex"));
  }

  /** A zip of the named entries, in order. */
  public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return file;
  }

  /** The binary AndroidManifest.xml of an androguard example APK, or null when androguard is absent. */
  public static byte[] manifestOf(String apk) throws IOException {
    if (ANDROGUARD == null) {
      return null;
    }
    try (ZipFile z = new ZipFile(ANDROGUARD.resolve(apk).toFile());
        InputStream in = z.getInputStream(z.getEntry("AndroidManifest.xml"))) {
      return in.readAllBytes();
    }
  }

  /** An APK with AppsFlyer's and mParticle's entry classes and mParticle's API host in a string constant. */
  public static Path trackerApk(Path work, String name) throws IOException {
    Map<String, String> classes = new java.util.LinkedHashMap<>();
    classes.put("com.appsflyer.AppsFlyerLib", null);
    classes.put("com.mparticle.MParticle", null);
    classes.put("com.example.shop.Main", "https://api.mparticle.com/v2/events");
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    byte[] manifest = manifestOf("tests/a2dp.Vol_137.apk");
    if (manifest != null) {
      entries.put("AndroidManifest.xml", manifest);
    }
    entries.put("classes.dex", dex(work, classes));
    // multidex: a second dex with one more class, and an asset that is never read
    entries.put("classes2.dex", dex(work, Map.of("com.example.shop.Second", "plain string")));
    entries.put("assets/big.bin", new byte[100_000]);
    return zip(work.resolve(name), entries);
  }
}
