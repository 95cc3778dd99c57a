package org.trackerkg.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DumpWriter} published: the version's folder ({@code DIR/versions/ID}), its id, and every dump file in
 * it, sorted by name (records added with {@link DumpWriter#record} are not among them).
 */
public record DumpManifest(Path dir, String id, List<DumpFile> files) {
  public DumpManifest {
    files = List.copyOf(files);
  }

  public Optional<DumpFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
