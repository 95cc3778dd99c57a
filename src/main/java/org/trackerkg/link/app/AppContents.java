package org.trackerkg.link.app;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What was read from an app file: its identity, its manifest and the names its code holds.
 *
 * @param fileName the file's name as given (no folder)
 * @param sha256 hex SHA-256 of the whole file
 * @param size bytes of the file
 * @param kind apk, bundle, dex or class-list
 * @param manifest the base APK's manifest, or null when there is none (a bare dex, a class list)
 * @param parts the dex files (and nested APKs) read, e.g. {@code classes.dex}, {@code base.apk!classes2.dex}
 * @param classes every class name (dotted, {@code com.example.Foo}), sorted
 * @param hosts host names found in the dex string pools and the manifest, lower case, sorted
 */
public record AppContents(String fileName, String sha256, long size, String kind, Manifest manifest,
    List<String> parts, SortedSet<String> classes, SortedSet<String> hosts) {
  public AppContents {
    parts = List.copyOf(parts);
    classes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(classes));
    hosts = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(hosts));
  }

  /** The manifest facts a report shows. Nulls where the manifest does not say. */
  public record Manifest(String packageName, String versionName, Long versionCode, String minSdk, String targetSdk,
      String label, List<String> permissions, List<Component> components) {
    public Manifest {
      permissions = List.copyOf(permissions);
      components = List.copyOf(components);
    }
  }

  /** An activity, service, receiver or provider declared in the manifest. */
  public record Component(String kind, String name) {}
}
