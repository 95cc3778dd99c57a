package org.trackerkg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/**
 * The real corpora the project publishes: {@code data/sources/} (the 60 Yale profiles and the εxodus
 * trackers.json), or the folder named by the system property {@code tkg.corpus} laid out the same way. They ship
 * with the project, so a test that needs them fails, never skips, when they are missing.
 */
public final class Corpus {
  private Corpus() {}

  public static Path root() {
    String prop = System.getProperty("tkg.corpus");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    return project().resolve("data/sources");
  }

  public static Path project() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  /** The seed dossier and our links laid out as {@code data/} was before it carried the sources. */
  public static Path seed() {
    return project().resolve("src/test/seed");
  }

  public static Path profiles() {
    return root().resolve("yale-tracker-profiles");
  }

  public static Path exodusJson() {
    return root().resolve("exodus/trackers.json");
  }

  public static boolean present() {
    return Files.isDirectory(profiles()) && Files.isRegularFile(exodusJson());
  }

  /** Fails (does not skip) when the shipped corpora are missing: they are part of the project. */
  public static void assumePresent() {
    Assertions.assertTrue(present(), root() + " (data/sources) is missing: the corpora ship with the project");
  }
}
