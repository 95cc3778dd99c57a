package org.trackerkg.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trackerkg.base.AtomicFile;

/**
 * The layout of a dump folder, written by {@link DumpWriter} and read by everything that serves or loads dumps:
 *
 * <pre>
 *   DIR/versions/ID/       one complete dump each (never changed once there); ID = UTC time + 12 hex digits of the
 *                          SHA-256 of its SHA256SUMS and records, e.g. 20261203T164012345Z-3f9c0a1b2c4d
 *   DIR/current            symbolic link to versions/ID: the version served; switched in one atomic rename
 *   DIR/CURRENT            the same as a one-line file, only where symbolic links cannot be made
 *   DIR/NAME               for each file of the current version, a link to current/NAME (older tools' paths)
 * </pre>
 *
 * <p>A reader resolves the current version once ({@link #current}) and reads every file from that folder, so it
 * sees one version throughout, whatever is switched in meanwhile. The previous {@value #KEEP_PREVIOUS} versions are
 * kept for readers still on them; older ones are removed after a switch, never the one switched to. A folder of
 * plain files (written by an older tracker-kg, or by hand) is read as it is: its own single version.
 */
public final class DumpFolder {
  public static final String VERSIONS = "versions";
  public static final String LINK = "current";
  public static final String POINTER = "CURRENT";
  /** Versions kept besides the current one, for readers that resolved them before a switch. */
  public static final int KEEP_PREVIOUS = 2;
  /** The response header that names the version a {@code /dumps/} answer came from. */
  public static final String VERSION_HEADER = "X-Tkg-Dump-Version";
  static final Pattern ID = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{12}");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private DumpFolder() {}

  /** One version of the dumps: its folder and its id (null for a folder of plain files). */
  public record Version(String id, Path dir) {
    public Path file(String name) {
      return dir.resolve(name);
    }
  }

  /** A new version id: the time, then the content hash (so ids sort by age and differ by content). */
  static String newId(java.time.Instant now, String sha256) {
    return TIME.format(now) + "-" + sha256.substring(0, 12);
  }

  /** Whether {@code id} is a version id (a safe single path segment). */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * The version served from {@code dir}: the one {@code current} (or {@code CURRENT}) names; else (a folder of plain
   * files, or none switched in yet) the folder itself; null when there is no such folder, or {@code current} names a
   * version that is gone. Resolve once per reading.
   */
  public static Version current(Path dir) {
    if (dir == null) {
      return null;
    }
    Path abs = dir.toAbsolutePath().normalize();
    String id = currentId(abs);
    if (id != null) {
      Path v = version(abs, id);
      if (v != null) {
        return new Version(id, v);
      }
    }
    if (id == null && Files.isDirectory(abs)) {
      return new Version(null, abs);
    }
    return null;
  }

  /** The folder of a kept version, or null when {@code id} is no version of {@code dir}. */
  public static Path version(Path dir, String id) {
    if (!isId(id)) {
      return null;
    }
    Path v = dir.toAbsolutePath().normalize().resolve(VERSIONS).resolve(id);
    return Files.isDirectory(v, LinkOption.NOFOLLOW_LINKS) ? v : null;
  }

  /** The id {@code current} or {@code CURRENT} names (checked to be a plain version id), or null. */
  static String currentId(Path dir) {
    Path link = dir.resolve(LINK);
    try {
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString().replace('\\', '/');
        String prefix = VERSIONS + "/";
        return target.startsWith(prefix) && isId(target.substring(prefix.length()))
            ? target.substring(prefix.length()) : null;
      }
      Path pointer = dir.resolve(POINTER);
      if (Files.isRegularFile(pointer, LinkOption.NOFOLLOW_LINKS) && Files.size(pointer) < 256) {
        String id = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        return isId(id) ? id : null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The ids of the kept versions, oldest first. */
  static List<String> versions(Path dir) throws IOException {
    List<String> ids = new ArrayList<>();
    Path vs = dir.resolve(VERSIONS);
    if (!Files.isDirectory(vs)) {
      return ids;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(vs)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (isId(n) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          ids.add(n);
        }
      }
    }
    ids.sort(null);
    return ids;
  }

  /**
   * Makes {@code id} current in one atomic step: a new link beside {@code current}, renamed over it (a rename
   * replaces a link atomically). Where links cannot be made, {@code CURRENT} is rewritten atomically instead.
   * Returns whether the link (rather than the pointer file) is in use.
   */
  static boolean switchTo(Path dir, String id, boolean links) throws IOException {
    if (links) {
      Path tmp = dir.resolve("." + LINK + "." + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp");
      try {
        Files.createSymbolicLink(tmp, Path.of(VERSIONS, id));
        AtomicFile.moveIntoPlace(tmp, dir.resolve(LINK));
        AtomicFile.syncDirectory(dir);
        return true;
      } catch (UnsupportedOperationException | FileSystemException e) {
        Files.deleteIfExists(tmp); // no links here (some Windows set-ups, some mounted file systems)
      }
    }
    AtomicFile.write(dir.resolve(POINTER), out -> out.write((id + "\n").getBytes(StandardCharsets.UTF_8)));
    AtomicFile.syncDirectory(dir);
    return false;
  }

  /**
   * Gives each file of version {@code id} its older path {@code DIR/NAME}, a link to {@code current/NAME} (so it
   * follows every later switch by itself); replaces a plain file of that name left by an older layout, and removes
   * such links whose file the current version no longer has.
   */
  static void linkNames(Path dir, String id, StepHook hook) throws IOException {
    Path v = dir.resolve(VERSIONS).resolve(id);
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(v)) {
      ds.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    for (String n : names) {
      Path top = dir.resolve(n);
      Path target = Path.of(LINK, n);
      if (Files.isSymbolicLink(top) && Files.readSymbolicLink(top).equals(target)) {
        continue;
      }
      Path tmp = dir.resolve("." + n + "." + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp");
      Files.createSymbolicLink(tmp, target);
      AtomicFile.moveIntoPlace(tmp, top);
      hook.reached("linked " + n);
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.isSymbolicLink(p) && !Files.exists(p)
            && Files.readSymbolicLink(p).equals(Path.of(LINK, p.getFileName().toString()))) {
          Files.delete(p);
        }
      }
    }
    AtomicFile.syncDirectory(dir);
  }

  /**
   * Removes the versions older than the {@value #KEEP_PREVIOUS} before {@code current} (by id, which sorts by
   * time), never {@code current} itself nor anything newer (a writer running beside this one).
   */
  static void prune(Path dir, String current, StepHook hook) throws IOException {
    List<String> ids = versions(dir);
    int at = ids.indexOf(current);
    for (int i = 0; i < at - KEEP_PREVIOUS; i++) {
      AtomicFile.deleteRecursively(dir.resolve(VERSIONS).resolve(ids.get(i)));
      hook.reached("removed " + ids.get(i));
    }
  }

  /** Called at each step of publishing a version (tests stop or kill the writer there). */
  @FunctionalInterface
  interface StepHook {
    void reached(String step) throws IOException;
  }
}
