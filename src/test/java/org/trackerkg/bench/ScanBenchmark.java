package org.trackerkg.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.trackerkg.link.app.AppReader;
import org.trackerkg.link.app.ScanLimits;

/**
 * tkg scan's reading speed and memory: {@link AppReader} (every class and string of every dex, the manifest) against
 * Debian's {@code dexdump} listing the same APKs' classes ({@code dexdump APK}, one process per APK, as a pipeline
 * would run it), and the heap peak while reading a large APK (a 500 MB asset beside the dex of a real APK).
 * Usage: {@code ScanBenchmark EXAMPLES_DIR [LARGE_MB]}; prints markdown rows for bench/results.md.
 */
public final class ScanBenchmark {
  private ScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int largeMb = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    List<Path> apks;
    try (Stream<Path> s = Files.list(dir)) {
      apks = s.filter(p -> p.toString().endsWith(".apk")).filter(ScanBenchmark::hasDex).sorted().toList();
    }
    AppReader reader = new AppReader(ScanLimits.DEFAULT);
    for (Path a : apks) {
      reader.read(a, a.getFileName().toString()); // warm-up
    }
    int rounds = 3;
    long ours = Long.MAX_VALUE;
    long dexdump = Long.MAX_VALUE;
    long classes = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      long n = 0;
      for (Path a : apks) {
        n += reader.read(a, a.getFileName().toString()).classes().size();
      }
      ours = Math.min(ours, System.nanoTime() - t0);
      classes = n;
      t0 = System.nanoTime();
      for (Path a : apks) {
        Process p = new ProcessBuilder("dexdump", a.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        p.waitFor();
      }
      dexdump = Math.min(dexdump, System.nanoTime() - t0);
    }
    System.out.printf("| scan | AppReader.read on %d androguard example APKs (%,d classes; classes, strings, manifest), best of %d"
        + " | %.0f | ms | Debian dexdump (class listing), one process per APK | %.0f | %.2f× | ≤ 1× | %s |%n",
        apks.size(), classes, rounds, ours / 1e6, dexdump / 1e6, (double) ours / dexdump,
        ours <= dexdump ? "met" : "**missed**");

    // the large APK: the biggest example's entries plus an incompressible asset, stored
    Path base = apks.stream().max((x, y) -> Long.compare(x.toFile().length(), y.toFile().length())).orElseThrow();
    Path large = Files.createTempFile("tkg-bench-large", ".apk");
    try {
      try (ZipFile src = new ZipFile(base.toFile());
          ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(large))) {
        for (ZipEntry e : java.util.Collections.list(src.entries())) {
          z.putNextEntry(new ZipEntry(e.getName()));
          src.getInputStream(e).transferTo(z);
          z.closeEntry();
        }
        byte[] chunk = new byte[1 << 20];
        new Random(1).nextBytes(chunk);
        CRC32 crc = new CRC32();
        for (int i = 0; i < largeMb; i++) {
          crc.update(chunk);
        }
        ZipEntry big = new ZipEntry("assets/big.bin");
        big.setMethod(ZipEntry.STORED);
        big.setSize((long) largeMb << 20);
        big.setCompressedSize((long) largeMb << 20);
        big.setCrc(crc.getValue());
        z.putNextEntry(big);
        for (int i = 0; i < largeMb; i++) {
          z.write(chunk);
        }
        z.closeEntry();
      }
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      var app = reader.read(large, "large.apk");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      System.out.printf("| scan | heap peak reading a %,d MB APK (%s + %d MB asset; %,d classes; %d ms incl. SHA-256)"
          + " | %.0f | MB | the APK's size | %,d | %.3f× | bounded | met |%n", Files.size(large) >> 20,
          base.getFileName(), largeMb, app.classes().size(), ms, peak / 1048576.0, Files.size(large) >> 20,
          peak / (double) Files.size(large));
    } finally {
      Files.deleteIfExists(large);
    }
  }

  private static boolean hasDex(Path apk) {
    try (ZipFile z = new ZipFile(apk.toFile())) {
      return z.stream().anyMatch(e -> e.getName().equals("classes.dex"));
    } catch (Exception e) {
      return false;
    }
  }
}
