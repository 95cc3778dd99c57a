package org.trackerkg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus (../shared/corpus, or the system property {@code tkg.corpus}). Tests that need it call
 * {@link #assumePresent()} first, so they are skipped with a visible reason where it is absent.
 */
public final class Corpus {
  private Corpus() {}

  public static Path root() {
    String prop = System.getProperty("tkg.corpus");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return project.resolve("../shared/corpus").normalize();
  }

  public static Path profiles() {
    return root().resolve("tracker-profiles");
  }

  public static Path exodusJson() {
    return root().resolve("exodus/trackers.json");
  }

  public static boolean present() {
    return Files.isDirectory(profiles()) && Files.isRegularFile(exodusJson());
  }

  public static void assumePresent() {
    Assumptions.assumeTrue(present(), root() + " (…/shared/corpus) not found: corpus tests skipped");
  }
}
