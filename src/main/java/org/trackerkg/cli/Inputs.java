package org.trackerkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** INPUT arguments shared by every command: files, folders or εxodus JSON; {@code data/} when none is given. */
final class Inputs {
  private Inputs() {}

  /**
   * The inputs to read: those given, or the project's {@code data/} folder. The launcher passes the project
   * directory as the system property {@code tkg.home}, so the default works from any current directory.
   */
  static List<Path> orDefault(List<Path> given) {
    if (given != null && !given.isEmpty()) {
      return List.copyOf(given);
    }
    List<Path> candidates = new ArrayList<>();
    String home = System.getProperty("tkg.home");
    if (home != null) {
      candidates.add(Path.of(home, "data"));
    }
    candidates.add(Path.of("data"));
    for (Path p : candidates) {
      if (Files.isDirectory(p)) {
        return List.of(p);
      }
    }
    throw new UsageException("no INPUT given and no data/ folder found (looked in " + candidates + ")");
  }
}
