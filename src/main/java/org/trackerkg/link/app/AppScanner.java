package org.trackerkg.link.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.NodeFactory;
import org.trackerkg.dossier.Signature;
import org.trackerkg.link.SignatureMatcher;

/**
 * From an app file to its {@link AppReport}: reads it ({@link AppReader}), finds the trackers as εxodus does — code
 * signatures against the class names, network signatures against the host names in the string pools and the
 * manifest (weaker evidence, reported apart) — and adds what the graph says about each ({@link TrackerProfiles}).
 * Immutable; one instance serves many scans (the command line's and the server's).
 */
public final class AppScanner {
  private final SignatureMatcher matcher;
  private final TrackerProfiles profiles;
  private final PermissionCategories permissions;
  private final AppReader reader;

  public AppScanner(SignatureMatcher matcher, TrackerProfiles profiles, ScanLimits limits) {
    this.matcher = matcher;
    this.profiles = profiles;
    this.permissions = PermissionCategories.load();
    this.reader = new AppReader(limits);
  }

  /** Reads and reports on one file; {@code name} is what the report and messages call it. */
  public AppReport scan(Path file, String name, Instant when) throws AppFormatException, IOException {
    return report(reader.read(file, name), when);
  }

  public AppReport report(AppContents app, Instant when) {
    // tracker slug → kind → pattern → matched names
    Map<String, SignatureMatcher.Tracker> trackers = new TreeMap<>();
    Map<String, Map<String, Map<String, List<String>>>> hits = new TreeMap<>();
    for (String c : app.classes()) {
      collect(matcher.match(c, SignatureMatcher.As.CLASS), c, trackers, hits);
    }
    for (String h : app.hosts()) {
      collect(matcher.match(h, SignatureMatcher.As.HOST), h, trackers, hits);
    }
    List<AppReport.Finding> embedded = new ArrayList<>();
    List<AppReport.Finding> hostsOnly = new ArrayList<>();
    for (var e : hits.entrySet()) {
      SignatureMatcher.Tracker t = trackers.get(e.getKey());
      List<AppReport.Evidence> code = evidence(e.getValue().get("code"), "code");
      List<AppReport.Evidence> network = evidence(e.getValue().get("network"), "network");
      if (code.isEmpty()) {
        hostsOnly.add(new AppReport.Finding(t, code, network, profiles.maker(t.iri()), null));
      } else {
        embedded.add(new AppReport.Finding(t, code, network, profiles.maker(t.iri()), profiles.profile(t.iri())));
      }
    }
    java.util.Comparator<AppReport.Finding> byName = java.util.Comparator.comparing((AppReport.Finding f) ->
        f.tracker().name().toLowerCase(java.util.Locale.ROOT)).thenComparing(f -> f.tracker().slug());
    embedded.sort(byName);
    hostsOnly.sort(byName);
    return new AppReport(app, when.truncatedTo(ChronoUnit.SECONDS).toString(), groups(app), embedded, hostsOnly);
  }

  private static void collect(List<SignatureMatcher.Hit> found, String name,
      Map<String, SignatureMatcher.Tracker> trackers, Map<String, Map<String, Map<String, List<String>>>> hits) {
    for (SignatureMatcher.Hit h : found) {
      trackers.putIfAbsent(h.tracker().slug(), h.tracker());
      String kind = h.kind() == Signature.Kind.CODE ? "code" : "network";
      List<String> names = hits.computeIfAbsent(h.tracker().slug(), k -> new TreeMap<>())
          .computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(h.pattern(), k -> new ArrayList<>());
      if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
        names.add(name); // names arrive sorted, so this keeps them sorted and distinct
      }
    }
  }

  private static List<AppReport.Evidence> evidence(Map<String, List<String>> byPattern, String kind) {
    if (byPattern == null) {
      return List.of();
    }
    List<AppReport.Evidence> out = new ArrayList<>();
    byPattern.forEach((pattern, names) -> out.add(new AppReport.Evidence(kind, pattern, names.size(),
        names.subList(0, Math.min(AppReport.Evidence.EXAMPLES, names.size())))));
    return out;
  }

  /** The manifest's permissions by the category they expose (by prefixed name), then the others. */
  private List<AppReport.PermissionGroup> groups(AppContents app) {
    if (app.manifest() == null) {
      return List.of();
    }
    Map<String, List<String>> byCategory = new TreeMap<>();
    List<String> other = new ArrayList<>();
    for (String p : app.manifest().permissions()) {
      String c = permissions.categoryOf(p);
      if (c == null) {
        other.add(p);
      } else {
        byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
      }
    }
    List<AppReport.PermissionGroup> out = new ArrayList<>();
    byCategory.forEach((iri, ps) -> out.add(new AppReport.PermissionGroup(
        profiles.concept(NodeFactory.createURI(iri)), ps)));
    out.sort(java.util.Comparator.comparing(g -> g.category().curie()));
    if (!other.isEmpty()) {
      out.add(new AppReport.PermissionGroup(null, other));
    }
    return out;
  }
}
