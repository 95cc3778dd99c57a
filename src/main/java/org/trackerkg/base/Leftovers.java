package org.trackerkg.base;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Files a killed run leaves behind, removed when the next one starts: the sort runs of a {@code convert}
 * ({@code tkg-sort-*.run}) and the dumps folder of a {@code serve} without {@code --dumps} ({@code tkg-dumps-*}) in
 * the temporary folder, and the N-Quads a TDB2 load starts from ({@code .input-*.nq}) in the store's folder. Only our
 * own names, only entries of the current user, and in the shared temporary folder only those older than
 * {@link #TEMP_MIN_AGE}, so a run going on beside this one keeps its files. Symbolic links are never followed.
 */
public final class Leftovers {
  /** How old a leftover in the temporary folder must be before it is taken for one: no run is still using it. */
  public static final Duration TEMP_MIN_AGE = Duration.ofHours(6);

  private Leftovers() {}

  /** Removes this tool's leftovers from the temporary folder; returns what was removed. */
  public static List<Path> sweepTemp() {
    return sweep(Path.of(System.getProperty("java.io.tmpdir")), List.of("tkg-sort-*.run", "tkg-dumps-*"),
        TEMP_MIN_AGE);
  }

  /**
   * Removes entries of {@code dir} matching the globs, last modified at least {@code minAge} ago and owned by this
   * user; returns what was removed. Failures are ignored: a leftover that stays is no reason to stop.
   */
  public static List<Path> sweep(Path dir, List<String> globs, Duration minAge) {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    Instant before = Instant.now().minus(minAge);
    String me = System.getProperty("user.name");
    for (String glob : globs) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
        for (Path p : ds) {
          try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink() || a.lastModifiedTime().toInstant().isAfter(before)
                || !Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(me)) {
              continue;
            }
            AtomicFile.deleteRecursively(p);
            removed.add(p);
          } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours to fight over: left in place
          }
        }
      } catch (IOException e) {
        // the folder cannot be listed: nothing to clean
      }
    }
    return removed;
  }
}
