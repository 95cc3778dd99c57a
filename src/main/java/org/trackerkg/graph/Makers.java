package org.trackerkg.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.trackerkg.base.Domains;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.Link;

/**
 * Decides the maker ({@code tkg:company}) of every tracker whose documents do not state one, each with the
 * evidence that chose it. In order, the first rule that applies wins:
 * <ol>
 *   <li><b>stated</b>: a document states the company (an Ownership section, an owner in the name's parenthetical,
 *       another document naming the tracker as an organisation): the mapper's own rule, never overridden;</li>
 *   <li><b>name prefix</b>: the first word(s) of the name are a company also known by a website domain in the data
 *       ("Google Firebase Analytics" → Google, as google.com is a website's domain);</li>
 *   <li><b>shared domain</b>: the registrable domain of the website is shared with a tracker whose maker is known by
 *       rules 1–2, and with no other maker;</li>
 *   <li><b>own domain</b>: the website is on a domain of its own, shared with no other tracker: the tracker is its
 *       own maker, named as the tracker is.</li>
 * </ol>
 * Hosting and aggregator domains ({@link Domains#HOSTING}) never count. Trackers left without a maker keep the
 * reason, for {@code tkg link report}; a maker inferred against a stated one is kept as a conflict.
 */
public final class Makers {
  /** How a maker was decided. */
  public enum Rule { STATED, NAME_PREFIX, SHARED_DOMAIN, OWN_DOMAIN }

  /** A tracker's maker: the organisation's name as written, the rule and the evidence in words. */
  public record Maker(String name, Rule rule, String evidence) {}

  /** A maker that rules 2–3 would infer but a document states otherwise: the statement wins, this is reported. */
  public record Conflict(String tracker, String stated, String inferred, String evidence) {}

  private final Map<String, Maker> bySlug = new TreeMap<>();
  private final Map<String, String> missing = new TreeMap<>();
  private final List<Conflict> conflicts = new ArrayList<>();
  private final Map<String, Maker> owners = new TreeMap<>();
  private final Map<String, String> names = new TreeMap<>();

  /**
   * @param dossiers   every dossier of the run
   * @param trackers   which tracker each dossier is about
   * @param stated     whether a dossier states its company (the mapper then makes it the company, by its name)
   */
  public Makers(List<Dossier> dossiers, TrackerResolver trackers, Predicate<Dossier> stated) {
    Map<String, List<Dossier>> byTracker = new TreeMap<>();
    for (Dossier d : dossiers) {
      byTracker.computeIfAbsent(trackers.slug(d), k -> new ArrayList<>()).add(d);
    }
    // registrable domains of every website (hosting domains left out), and which trackers use each
    Map<String, Set<String>> domains = new TreeMap<>();
    Map<String, Set<String>> trackersByDomain = new HashMap<>();
    byTracker.forEach((slug, ds) -> {
      Set<String> own = new TreeSet<>();
      for (Dossier d : ds) {
        for (Link l : d.websites()) {
          String reg = Domains.registrableOfUrl(l.url());
          if (reg != null && reg.contains(".") && !Domains.isHosting(l.url())) {
            own.add(reg);
          }
        }
      }
      domains.put(slug, own);
      own.forEach(dm -> trackersByDomain.computeIfAbsent(dm, k -> new TreeSet<>()).add(slug));
      names.put(slug, ds.get(0).name());
    });
    // a company known by a domain: its key is the first label of a website's registrable domain
    Map<String, String> domainByLabel = new TreeMap<>();
    trackersByDomain.keySet().forEach(dm -> domainByLabel.putIfAbsent(OrgNames.key(Domains.label(dm)), dm));

    Map<String, Maker> inferred = new TreeMap<>();
    byTracker.forEach((slug, ds) -> {
      Maker prefix = prefix(ds, domainByLabel, trackersByDomain);
      if (ds.stream().anyMatch(stated)) {
        Dossier s = ds.stream().filter(stated).findFirst().orElseThrow();
        bySlug.put(slug, new Maker(s.name(), Rule.STATED, statedEvidence(s)));
        if (prefix != null && !OrgNames.key(prefix.name()).equals(OrgNames.key(s.name()))
            && s.owners().stream().noneMatch(o -> OrgNames.key(o.name()).equals(OrgNames.key(prefix.name())))
            && s.ownerHints().stream().noneMatch(o -> OrgNames.key(o).equals(OrgNames.key(prefix.name())))) {
          if (s.owners().isEmpty() && s.ownerHints().isEmpty()
              && OrgNames.key(s.name()).startsWith(OrgNames.key(prefix.name()))) {
            // "Google Analytics", named as a company elsewhere, starts with the company known by google.com
            owners.put(slug, new Maker(prefix.name(), Rule.NAME_PREFIX, prefix.evidence()));
          } else {
            conflicts.add(new Conflict(slug, s.name(), prefix.name(), prefix.evidence()));
          }
        }
      } else if (prefix != null) {
        inferred.put(slug, prefix);
      }
    });
    bySlug.putAll(inferred);
    // shared and own domains, for what is left
    byTracker.forEach((slug, ds) -> {
      if (bySlug.containsKey(slug)) {
        return;
      }
      Set<String> own = domains.get(slug);
      if (own.isEmpty()) {
        boolean hosted = ds.stream().anyMatch(d -> !d.websites().isEmpty());
        missing.put(slug, hosted ? "website only on a hosting or aggregator domain ("
            + String.join(", ", ds.stream().flatMap(d -> d.websites().stream()).map(Link::url).sorted().toList())
            + ")" : "no website, no stated company, no known company as the first word of its name");
        return;
      }
      for (String dm : own) {
        Map<String, String> makers = new TreeMap<>();
        for (String other : trackersByDomain.get(dm)) {
          Maker m = other.equals(slug) ? null : owners.getOrDefault(other, bySlug.get(other));
          if (m != null && m.rule() != Rule.SHARED_DOMAIN && m.rule() != Rule.OWN_DOMAIN) {
            makers.putIfAbsent(OrgNames.key(m.name()), m.name() + "\t" + names.get(other));
          }
        }
        if (makers.size() == 1) {
          String[] m = makers.values().iterator().next().split("\t");
          bySlug.put(slug, new Maker(m[0], Rule.SHARED_DOMAIN, "website registrable domain " + dm
              + " shared with " + m[1] + " (maker " + m[0] + ")"));
          return;
        }
        if (makers.size() > 1) {
          missing.put(slug, "website domain " + dm + " shared by trackers of several makers: "
              + String.join(", ", makers.values().stream().map(v -> v.split("\t")[0]).toList()));
          return;
        }
      }
      String dm = own.iterator().next();
      if (own.size() == 1 && trackersByDomain.get(dm).size() == 1) {
        bySlug.put(slug, new Maker(ds.get(0).name(), Rule.OWN_DOMAIN, "website registrable domain " + dm
            + " is used by no other tracker: the tracker's own name as its maker"));
      } else {
        missing.put(slug, "website domains " + own + " shared with other trackers of no known maker");
      }
    });
  }

  private static String statedEvidence(Dossier s) {
    String doc = s.exodusId() != null ? "εxodus record " + s.exodusId() : "profile " + s.name();
    if (!s.owners().isEmpty()) {
      return doc + ": ## Ownership section";
    }
    if (!s.ownerHints().isEmpty()) {
      return doc + ": owner in the name's parenthetical";
    }
    return doc + ": named as an organisation by another document";
  }

  /** The longest first words of a name that name a company known by a website's domain. */
  private static Maker prefix(List<Dossier> ds, Map<String, String> domainByLabel,
      Map<String, Set<String>> trackersByDomain) {
    for (Dossier d : ds) {
      String[] words = d.name().strip().split("\\s+");
      for (int k = words.length - 1; k >= 1; k--) {
        String p = String.join(" ", java.util.Arrays.copyOf(words, k));
        String key = OrgNames.key(p);
        String dm = domainByLabel.get(key);
        if (key.length() >= 3 && dm != null) {
          String src = d.exodusId() != null ? "εxodus name prefix" : "name prefix";
          return new Maker(p, Rule.NAME_PREFIX, src + " '" + p + "' of '" + d.name() + "', a company known by the"
              + " website domain " + dm + " (" + String.join(", ", trackersByDomain.get(dm)) + ")");
        }
      }
    }
    return null;
  }

  /** The maker of a tracker (by slug), or null. */
  public Maker of(String trackerSlug) {
    return bySlug.get(trackerSlug);
  }

  /**
   * The owner inferred for a stated company named after a company known by a domain ("Google Analytics", named as
   * a company by another document, is owned by Google), by tracker slug; null when none.
   */
  public Maker ownerOf(String trackerSlug) {
    return owners.get(trackerSlug);
  }

  /** Every tracker's maker, by tracker slug. */
  public Map<String, Maker> all() {
    return java.util.Collections.unmodifiableMap(bySlug);
  }

  /** Trackers without a maker and why, by tracker slug. */
  public Map<String, String> missing() {
    return java.util.Collections.unmodifiableMap(missing);
  }

  public List<Conflict> conflicts() {
    return List.copyOf(conflicts);
  }

  /** Whether the maker inferred for a tracker must be mapped (it states none itself). */
  static boolean inferred(Maker m) {
    return m != null && m.rule() != Rule.STATED;
  }
}
