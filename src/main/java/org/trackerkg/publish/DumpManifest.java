package org.trackerkg.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What {@link DumpWriter} published: the folder and every file in it, sorted by name. */
public record DumpManifest(Path dir, List<DumpFile> files) {
  public DumpManifest {
    files = List.copyOf(files);
  }

  public Optional<DumpFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
