package org.trackerkg.graph;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trackerkg.base.Domains;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.Link;
import org.trackerkg.dossier.Signature;
import org.trackerkg.dossier.Source;
import org.trackerkg.vocab.Iris;

/**
 * Decides which tracker node each dossier is about. A profile and an εxodus record are about the same tracker when
 * the evidence says so — not their names, which differ ("MoPub" / "Twitter MoPub", "SafeGraph" / "OpenLocate"):
 * <ol>
 *   <li>a shared signature (network or code, compared after normalising {@code \.} to {@code .}, a leading
 *       {@code *.} or {@code .}, and case);</li>
 *   <li>the same website (host without {@code www.}, path without trailing slash, query dropped), unless it is the
 *       bare home page of a generic host;</li>
 *   <li>the same registrable domain of the website, counted only when that domain belongs to exactly one εxodus
 *       record and one profile and is not a generic host ({@code google.com}, {@code github.com}…);</li>
 *   <li>the same slug, only to break a tie between otherwise equal candidates (Umeng Analytics / Umeng Feedback).</li>
 * </ol>
 * A pair is merged when each is the other's single best candidate (repeated until nothing changes, so a profile
 * whose best record went to a better-supported profile can still be matched on its next evidence). Candidates left
 * over are near misses. The merged node takes the slug of the profile's name; an unmatched εxodus record keeps the
 * slug of its own name, or {@code {slug}-exodus-{id}} when a profile already holds that slug. The outcome depends
 * only on the set of dossiers, never on their order.
 */
public class TrackerResolver {
  /** Hosts of many products: their domain says nothing about which tracker a page is about. */
  public static final Set<String> GENERIC_DOMAINS = Set.of(
      "google.com", "facebook.com", "github.com", "github.io", "yahoo.com", "microsoft.com", "apple.com",
      "amazon.com", "amazonaws.com", "twitter.com", "linkedin.com", "gitlab.com", "bitbucket.org", "medium.com",
      "wordpress.com", "blogspot.com", "googleapis.com", "appspot.com", "firebaseapp.com", "cloudfront.net",
      "sourceforge.net", "jitpack.io", "npmjs.com", "wikipedia.org", "crunchbase.com", "youtube.com",
      "baidu.com", "qq.com", "tencent.com", "alibaba.com", "yandex.com", "yandex.ru", "adobe.com",
      "salesforce.com", "oracle.com", "verizon.com", "huawei.com", "samsung.com", "android.com");

  /** One kind of evidence that a profile and an εxodus record are about the same tracker. */
  public enum Kind {
    SIGNATURE(10), WEBSITE(8), DOMAIN(6), NAME(1),
    /** Seen but not counted: a domain shared by several records or profiles, or a generic host. */
    SHARED_DOMAIN(0),
    /** Seen but not counted: one code signature is a prefix of the other. */
    SIGNATURE_PREFIX(0);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /** One piece of evidence, with the value that matched ("mparticle.com", "com.appsflyer"). */
  public record Evidence(Kind kind, String value) {
    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + value;
    }
  }

  /** A profile, an εxodus record and why they may be the same tracker. */
  public record Candidate(Dossier profile, Dossier record, List<Evidence> evidence) {
    public int score() {
      return evidence.stream().mapToInt(e -> e.kind().weight).sum();
    }

    /** Whether the evidence alone may merge the pair (a name or an ambiguous domain may not). */
    public boolean mergeable() {
      return evidence.stream().anyMatch(e -> e.kind() == Kind.SIGNATURE || e.kind() == Kind.WEBSITE
          || e.kind() == Kind.DOMAIN);
    }
  }

  /** The outcome: merges, near misses (with the reason they were not merged), and what stayed alone. */
  public record Linkage(List<Candidate> matches, List<NearMiss> nearMisses, List<Dossier> unmatchedProfiles,
      List<Dossier> unmatchedRecords) {}

  public record NearMiss(Candidate candidate, String reason) {}

  private final Map<Dossier, String> slugs = new IdentityHashMap<>();
  private final Linkage linkage;

  public TrackerResolver(List<Dossier> input) {
    List<Dossier> profiles = new ArrayList<>();
    List<Dossier> records = new ArrayList<>();
    for (Dossier d : input) {
      (d.source().kind() == Source.Kind.EXODUS && d.exodusId() != null ? records : profiles).add(d);
    }
    profiles.sort(PROFILE_ORDER);
    records.sort(RECORD_ORDER);
    // profiles of the same slug are one tracker node already: they are matched as one group, shown by the first
    Map<String, List<Dossier>> groups = new TreeMap<>();
    profiles.forEach(p -> groups.computeIfAbsent(Iris.slug(p.name()), k -> new ArrayList<>()).add(p));
    linkage = link(groups, records);

    Map<Dossier, Dossier> recordToProfile = new IdentityHashMap<>();
    linkage.matches().forEach(c -> recordToProfile.put(c.record(), c.profile()));
    Set<String> profileSlugs = new TreeSet<>();
    for (Dossier p : profiles) {
      String s = Iris.slug(p.name());
      slugs.put(p, s);
      profileSlugs.add(s);
    }
    for (Dossier r : records) {
      Dossier p = recordToProfile.get(r);
      if (p != null) {
        slugs.put(r, slugs.get(p));
        continue;
      }
      // an εxodus record alone keeps its own name's slug, unless a profile (about another tracker) holds it
      String s = Iris.slug(r.name());
      String chosen = profileSlugs.contains(s) ? s + "-exodus-" + r.exodusId() : s;
      slugs.put(r, chosen);
      profileSlugs.add(chosen);
    }
  }

  private static final Comparator<Dossier> PROFILE_ORDER = Comparator.comparing((Dossier d) -> Iris.slug(d.name()))
      .thenComparing(d -> d.source().file()).thenComparingInt(d -> d.source().line());
  private static final Comparator<Dossier> RECORD_ORDER = Comparator.comparing((Dossier d) -> d.exodusId())
      .thenComparing(d -> d.source().file());

  /** The slug of the tracker this dossier is about. */
  public String slug(Dossier d) {
    String s = slugs.get(d);
    if (s == null) {
      throw new IllegalArgumentException("dossier not known to the resolver: " + d.name());
    }
    return s;
  }

  /** Matches, near misses and unmatched dossiers, for {@code tkg link report}. */
  public Linkage linkage() {
    return linkage;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static Linkage link(Map<String, List<Dossier>> groups, List<Dossier> records) {
    List<Dossier> profiles = groups.values().stream().map(g -> g.get(0)).toList();
    Map<String, Set<Dossier>> recordsByDomain = new HashMap<>();
    Map<String, Set<Dossier>> profilesByDomain = new HashMap<>();
    for (Dossier r : records) {
      domains(r).forEach(dm -> recordsByDomain.computeIfAbsent(dm, k -> new LinkedHashSet<>()).add(r));
    }
    for (Dossier p : profiles) {
      domains(groups, p).forEach(dm -> profilesByDomain.computeIfAbsent(dm, k -> new LinkedHashSet<>()).add(p));
    }
    Map<String, List<Dossier>> recordsBySignature = new HashMap<>();
    for (Dossier r : records) {
      for (String s : new TreeSet<>(normalisedSignatures(r))) {
        recordsBySignature.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
      }
    }
    Map<String, List<Dossier>> recordsBySlug = new HashMap<>();
    records.forEach(r -> recordsBySlug.computeIfAbsent(Iris.slug(r.name()), k -> new ArrayList<>()).add(r));

    List<Candidate> all = new ArrayList<>();
    for (Dossier p : profiles) {
      Map<Dossier, List<Evidence>> ev = new TreeMap<>(RECORD_ORDER);
      for (String s : new TreeSet<>(normalisedSignatures(groups, p))) {
        for (Dossier r : recordsBySignature.getOrDefault(s, List.of())) {
          ev.computeIfAbsent(r, k -> new ArrayList<>()).add(new Evidence(Kind.SIGNATURE, s));
        }
      }
      Set<String> pw = new TreeSet<>();
      groups.get(Iris.slug(p.name())).forEach(g -> pw.addAll(websites(g)));
      for (String dm : domains(groups, p)) {
        Set<Dossier> rs = recordsByDomain.getOrDefault(dm, Set.of());
        boolean unique = rs.size() == 1 && profilesByDomain.get(dm).size() == 1 && !GENERIC_DOMAINS.contains(dm);
        for (Dossier r : rs) {
          List<Evidence> e = ev.computeIfAbsent(r, k -> new ArrayList<>());
          e.add(new Evidence(unique ? Kind.DOMAIN : Kind.SHARED_DOMAIN, dm));
          for (String w : websites(r)) {
            if (pw.contains(w) && !(GENERIC_DOMAINS.contains(dm) && !w.contains("/"))) {
              e.add(new Evidence(Kind.WEBSITE, w));
            }
          }
        }
      }
      for (Dossier r : recordsBySlug.getOrDefault(Iris.slug(p.name()), List.of())) {
        ev.computeIfAbsent(r, k -> new ArrayList<>()).add(new Evidence(Kind.NAME, Iris.slug(p.name())));
      }
      // code signatures where one is a prefix of the other: worth a look, not a merge
      for (String pc : groups.get(Iris.slug(p.name())).stream().flatMap(g -> codeSignatures(g).stream())
          .distinct().toList()) {
        for (Dossier r : records) {
          for (String rc : codeSignatures(r)) {
            if (!pc.equals(rc) && (pc.startsWith(rc + ".") || rc.startsWith(pc + "."))) {
              ev.computeIfAbsent(r, k -> new ArrayList<>()).add(new Evidence(Kind.SIGNATURE_PREFIX, pc + " ~ " + rc));
            }
          }
        }
      }
      ev.forEach((r, e) -> all.add(new Candidate(p, r, List.copyOf(e))));
    }

    List<Candidate> matches = new ArrayList<>();
    Set<Dossier> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Candidate c : all) {
        if (taken.contains(c.profile()) || taken.contains(c.record()) || !(c.mergeable() || nameOnly(c, all))) {
          continue;
        }
        if (isUniqueBest(c, all, taken, true) && isUniqueBest(c, all, taken, false)) {
          matches.add(c);
          taken.add(c.profile());
          taken.add(c.record());
          changed = true;
        }
      }
    }
    matches.sort(Comparator.comparing((Candidate c) -> c.record().exodusId()));

    List<NearMiss> near = new ArrayList<>();
    for (Candidate c : all) {
      if (matches.contains(c)) {
        continue;
      }
      boolean onlyName = c.evidence().stream().allMatch(e -> e.kind() == Kind.NAME);
      if (onlyName && taken.contains(c.profile()) && taken.contains(c.record())) {
        continue; // both matched elsewhere on real evidence: a shared name is no news
      }
      String reason;
      if (taken.contains(c.profile()) || taken.contains(c.record())) {
        reason = (taken.contains(c.profile()) ? "the profile" : "the εxodus record") + " matched elsewhere on"
            + " stronger evidence";
        if (taken.contains(c.profile()) && taken.contains(c.record())) {
          reason = "both matched elsewhere";
        }
      } else if (!c.mergeable()) {
        reason = "evidence too weak to merge";
      } else {
        reason = "ambiguous: another candidate has equal evidence";
      }
      near.add(new NearMiss(c, reason));
    }
    near.sort(Comparator.comparing((NearMiss n) -> Iris.slug(n.candidate().profile().name()))
        .thenComparing(n -> n.candidate().record().exodusId()));
    List<Dossier> unmatchedProfiles = profiles.stream().filter(p -> !taken.contains(p)).toList();
    List<Dossier> unmatchedRecords = records.stream().filter(r -> !taken.contains(r)).toList();
    return new Linkage(List.copyOf(matches), List.copyOf(near), unmatchedProfiles, unmatchedRecords);
  }

  /** Same slug and nothing else for either side: the long-standing rule that a name meets its namesake. */
  private static boolean nameOnly(Candidate c, List<Candidate> all) {
    return c.evidence().stream().anyMatch(e -> e.kind() == Kind.NAME)
        && all.stream().noneMatch(o -> o != c && (o.profile() == c.profile() || o.record() == c.record())
            && o.mergeable());
  }

  private static boolean isUniqueBest(Candidate c, List<Candidate> all, Set<Dossier> taken, boolean forProfile) {
    int score = c.score();
    for (Candidate o : all) {
      if (o == c || taken.contains(o.profile()) || taken.contains(o.record())) {
        continue;
      }
      boolean sameSide = forProfile ? o.profile() == c.profile() : o.record() == c.record();
      if (sameSide && o.score() >= score) {
        return false;
      }
    }
    return true;
  }

  /** A signature as compared across sources: {@code \.} as {@code .}, no leading {@code *.} or dots, lower case. */
  public static String normaliseSignature(String pattern) {
    String s = pattern.strip().replace("\\.", ".").replace("\\-", "-").toLowerCase(Locale.ROOT);
    while (s.startsWith("*") || s.startsWith(".")) {
      s = s.substring(1);
    }
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static List<String> normalisedSignatures(Dossier d) {
    List<String> out = new ArrayList<>();
    for (Signature s : d.signatures()) {
      String n = normaliseSignature(s.pattern());
      if (n.length() >= 4 && !n.equals("xxx.com")) {
        out.add(n);
      }
    }
    return out;
  }

  private static List<String> normalisedSignatures(Map<String, List<Dossier>> groups, Dossier p) {
    return groups.get(Iris.slug(p.name())).stream().flatMap(g -> normalisedSignatures(g).stream()).toList();
  }

  private static Set<String> domains(Map<String, List<Dossier>> groups, Dossier p) {
    Set<String> out = new TreeSet<>();
    groups.get(Iris.slug(p.name())).forEach(g -> out.addAll(domains(g)));
    return out;
  }

  private static List<String> codeSignatures(Dossier d) {
    return d.codeSignatures().stream().map(s -> normaliseSignature(s.pattern())).filter(s -> s.contains("."))
        .distinct().toList();
  }

  /** Normalised websites: host without {@code www.}, path without trailing slash, no query or fragment. */
  static Set<String> websites(Dossier d) {
    Set<String> out = new TreeSet<>();
    for (Link l : d.websites()) {
      URI u = Domains.uri(l.url());
      if (u != null && u.getHost() != null) {
        String host = u.getHost().toLowerCase(Locale.ROOT);
        host = host.startsWith("www.") ? host.substring(4) : host;
        String path = u.getPath() == null ? "" : u.getPath();
        while (path.endsWith("/")) {
          path = path.substring(0, path.length() - 1);
        }
        out.add(host + path.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  static Set<String> domains(Dossier d) {
    Set<String> out = new TreeSet<>();
    for (Link l : d.websites()) {
      URI u = Domains.uri(l.url());
      if (u != null && u.getHost() != null) {
        out.add(Domains.registrable(u.getHost()));
      }
    }
    return out;
  }
}
