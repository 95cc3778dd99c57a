package org.trackerkg.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code data/sources/SNAPSHOT}: what the files beside it were fetched from, one {@code key=value} a line (the
 * profiles' repository and commit, the εxodus URL with the validators of its last answer). Not a dossier: the
 * folder walk reads only dossier extensions and {@code trackers.json}.
 */
public record Snapshot(Map<String, String> values) {
  public static final String FILE = "SNAPSHOT";
  public static final String PROFILES_REPOSITORY = "profiles.repository";
  public static final String PROFILES_COMMIT = "profiles.commit";
  public static final String PROFILES_DATE = "profiles.date";
  public static final String EXODUS_URL = "exodus.url";
  public static final String EXODUS_ETAG = "exodus.etag";
  public static final String EXODUS_LAST_MODIFIED = "exodus.last-modified";

  public Snapshot {
    values = Map.copyOf(values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The record in {@code sources}, empty when there is none. */
  public static Snapshot read(Path sources) throws IOException {
    Path f = sources.resolve(FILE);
    Map<String, String> v = new TreeMap<>();
    if (Files.isRegularFile(f)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith("#")) {
          v.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    }
    return new Snapshot(v);
  }

  public void write(Path sources) throws IOException {
    StringBuilder sb = new StringBuilder("# written by tkg fetch: where the files beside this one come from\n");
    new TreeMap<>(values).forEach((k, val) -> sb.append(k).append('=').append(val).append('\n'));
    Files.writeString(sources.resolve(FILE), sb, StandardCharsets.UTF_8);
  }
}
