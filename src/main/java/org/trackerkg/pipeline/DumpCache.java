package org.trackerkg.pipeline;

import org.trackerkg.base.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.publish.DumpFolder;
import org.trackerkg.publish.DumpWriter;

/**
 * A dump directory as a cache of the conversion: {@code serve} records there which input (and which build of
 * tracker-kg) its dumps were written from, and a later start with the same input and build loads the N-Quads dump
 * instead of reading, mapping and validating again.
 *
 * <p>The record, {@value #RECORD} (a dot file: {@code /dumps/} does not list it), holds the fingerprint, the
 * dossier count, and the SHA-256 of the N-Quads dump it vouches for. It is written into the dump's version folder with
 * the dump files and switched in with them ({@link DumpWriter#record}), so it only ever describes the dump beside it.
 * The fingerprint is the sha256 of the base, the build (the jar, or the class files), and every file under the
 * inputs: path, size and content. A folder that cannot be walked (a symbolic-link loop) has no fingerprint: no cache.
 */
public final class DumpCache {
  public static final String RECORD = ".tkg-input";
  private static final String DUMP = DumpWriter.NAME + ".nq";

  private DumpCache() {}

  /** What a record vouches for: the N-Quads dump of this input, and how many dossiers it came from. */
  public record Hit(Path nquads, int dossiers) {}

  /** The fingerprint of the inputs as this build would read them with this base, or empty when it cannot tell. */
  public static Optional<String> fingerprint(List<Path> inputs, String base) {
    try {
      MessageDigest md = Hashes.sha256();
      line(md, "tracker-kg input 1");
      line(md, base);
      line(md, build());
      TreeSet<Path> files = new TreeSet<>();
      for (Path in : inputs) {
        Path abs = in.toAbsolutePath().normalize();
        line(md, "input " + abs);
        if (Files.isDirectory(abs)) {
          try (Stream<Path> s = Files.walk(abs, FileVisitOption.FOLLOW_LINKS)) {
            s.filter(Files::isRegularFile).forEach(files::add);
          }
        } else if (Files.isRegularFile(abs)) {
          files.add(abs);
        } else {
          return Optional.empty();
        }
      }
      byte[] buf = new byte[1 << 16];
      for (Path f : files) {
        line(md, "file " + f + " " + Files.size(f));
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
          while (in.read(buf) >= 0) {
            // digested as read
          }
        }
      }
      return Optional.of(Hashes.hex(md));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();  // an unreadable file or a loop: the reader will say what is wrong
    }
  }

  /** The dump of this input in {@code dir} (its current version), when that version's record vouches for it. */
  public static Optional<Hit> find(Path dir, String fingerprint) {
    try {
      DumpFolder.Version v = DumpFolder.current(dir);
      if (v == null) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(v.file(RECORD), StandardCharsets.UTF_8);
      Path nq = v.file(DUMP);
      if (lines.size() < 3 || !lines.get(0).equals(fingerprint) || !Files.isRegularFile(nq)
          || !lines.get(2).equals(listedSha256(v.file(DumpWriter.SUMS), DUMP))) {
        return Optional.empty();
      }
      return Optional.of(new Hit(nq, Integer.parseInt(lines.get(1))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The record of a dump written from this input, to add to the dump ({@link DumpWriter#record}). */
  public static DumpWriter.Record record(String fingerprint, int dossiers) {
    return files -> {
      String sha = files.stream().filter(f -> f.name().equals(DUMP)).findFirst().orElseThrow().sha256();
      return (fingerprint + "\n" + dossiers + "\n" + sha + "\n").getBytes(StandardCharsets.UTF_8);
    };
  }

  /** The SHA-256 that {@code sums} lists for {@code name}, or null. */
  private static String listedSha256(Path sums, String name) throws IOException {
    for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
      if (line.length() > 66 && line.substring(66).equals(name)) {
        return line.substring(0, 64);
      }
    }
    return null;
  }

  private static String stamp(Path f) throws IOException {
    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
    return a.size() + " " + a.lastModifiedTime().toMillis();
  }

  /** The build: the jar's size and time, or every class file's, so that a changed mapping is a changed input. */
  private static String build() throws IOException {
    Path code;
    try {
      code = Path.of(DumpCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot tell which build this is", e);
    }
    if (!Files.isDirectory(code)) {
      return code + " " + stamp(code);
    }
    List<String> parts = new ArrayList<>();
    try (Stream<Path> s = Files.walk(code)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        parts.add(code.relativize(p) + " " + stamp(p));
      }
    }
    return String.join("\n", parts);
  }

  private static void line(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }
}
