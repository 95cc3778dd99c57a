package org.trackerkg.link.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
final class ScanFixture {
  /** Debian's androguard package unpacked (see .ci/run): its examples folder, or null when absent. */
  static final Path ANDROGUARD = androguard();

  private static Pipeline.Loaded loaded;
  private static AppScanner scanner;

  private ScanFixture() {}

  private static Path androguard() {
    String dir = System.getProperty("tkg.androguard", System.getenv().getOrDefault("TKG_ANDROGUARD",
        "/tmp/tkg-androguard"));
    Path p = Path.of(dir, "usr/share/doc/androguard/examples");
    return Files.isDirectory(p) ? p : null;
  }

  static synchronized Pipeline.Loaded data() {
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
  static byte[] dex(Path work, Map<String, String> classes) throws IOException {
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
  static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
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
  static byte[] manifestOf(String apk) throws IOException {
    if (ANDROGUARD == null) {
      return null;
    }
    try (ZipFile z = new ZipFile(ANDROGUARD.resolve(apk).toFile());
        InputStream in = z.getInputStream(z.getEntry("AndroidManifest.xml"))) {
      return in.readAllBytes();
    }
  }

  static void copy(InputStream in, OutputStream out) throws IOException {
    in.transferTo(out);
  }
}
