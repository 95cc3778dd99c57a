package org.trackerkg.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trackerkg.vocab.Iris;

/**
 * One node per real organisation across all documents of a run. Every mention is registered first; then each
 * resolution key gets one canonical name and slug. The outcome depends only on the set of mentions, never on
 * the order of files.
 */
public final class OrgResolver {
  /** Mentions per resolution key: spelling → how often, plus whether a tracker is named so. */
  private final Map<String, Map<String, Integer>> spellings = new TreeMap<>();
  private final Map<String, String> preferred = new TreeMap<>();
  private final Map<String, String> aliasOf = new TreeMap<>();
  private final Map<String, String> joinEvidence = new TreeMap<>();
  private Map<String, String> slugs;

  /** Registers a mention of an organisation. */
  public void mention(String name) {
    String key = OrgNames.key(name);
    if (key.isEmpty()) {
      return;
    }
    checkOpen();
    spellings.computeIfAbsent(key, k -> new TreeMap<>()).merge(name.strip(), 1, Integer::sum);
  }

  /** Registers the company behind a tracker: its name is preferred as the canonical spelling. */
  public void company(String name, List<String> aliases) {
    mention(name);
    String key = OrgNames.key(name);
    if (key.isEmpty()) {
      return;
    }
    preferred.merge(key, name.strip(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    for (String alias : aliases) {
      String ak = OrgNames.key(alias);
      if (!ak.isEmpty() && !ak.equals(key)) {
        // the smaller key wins, so the outcome does not depend on which dossier came first
        aliasOf.merge(ak, key, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
  }

  /**
   * Companies of one tracker named "Crashlytics" and "Google CrashLytics" (or "DoubleClick by Google"), where
   * "Google" is among its owners: one company, under the shorter name. The evidence is kept ({@link #joins}).
   */
  public void joinOwnerPrefixed(List<String> companies, List<String> owners) {
    checkOpen();
    java.util.Set<String> ownerKeys = new java.util.HashSet<>();
    owners.forEach(o -> ownerKeys.add(OrgNames.key(o)));
    for (String longer : companies) {
      for (String shorter : companies) {
        String lk = OrgNames.key(longer);
        String sk = OrgNames.key(shorter);
        if (lk.equals(sk) || sk.isEmpty()) {
          continue;
        }
        for (String ok : ownerKeys) {
          if (!ok.isEmpty() && (lk.equals(ok + sk) || lk.equals(sk + "by" + ok))) {
            aliasOf.merge(lk, sk, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            joinEvidence.put(lk, "'" + longer.strip() + "' is its owner's name with '" + shorter.strip()
                + "', both naming the company of one tracker");
          }
        }
      }
    }
  }

  /** Why spellings were joined into one organisation: slug → evidence lines, for reports and tests. */
  public Map<String, List<String>> joins() {
    if (slugs == null) {
      throw new IllegalStateException("call resolve() first");
    }
    Map<String, List<String>> out = new TreeMap<>();
    for (Map.Entry<String, String> e : slugs.entrySet()) {
      List<String> why = new ArrayList<>();
      String canonical = canonicalName(e.getKey(), spellings.get(e.getKey()));
      for (String sp : spellings.get(e.getKey()).keySet()) {
        String k = OrgNames.key(sp);
        if (!k.equals(e.getKey()) && joinEvidence.containsKey(k)) {
          why.add(sp + " → " + canonical + ": " + joinEvidence.get(k));
        } else if (!k.equals(e.getKey()) && aliasOf.containsKey(k)) {
          why.add(sp + " → " + canonical + ": alias of the tracker's company");
        } else if (!sp.equals(canonical)) {
          why.add(sp + " → " + canonical + ": " + OrgNames.whySame(sp, canonical));
        }
      }
      if (!why.isEmpty()) {
        out.put(e.getValue(), why);
      }
    }
    return out;
  }

  /** Whether any document mentions an organisation with this name. */
  public boolean isMentioned(String name) {
    String key = canonicalKey(OrgNames.key(name));
    return spellings.containsKey(key);
  }

  private String canonicalKey(String key) {
    String k = key;
    for (int i = 0; i < 8 && aliasOf.containsKey(k); i++) {
      k = aliasOf.get(k);
    }
    return k;
  }

  private void checkOpen() {
    if (slugs != null) {
      throw new IllegalStateException("organisations already resolved");
    }
  }

  private static final java.util.regex.Pattern BY = java.util.regex.Pattern.compile("^(.+?) by (.+)$");

  /** Closes registration and gives each organisation its slug. */
  public void resolve() {
    // "DoubleClick by Google": the company DoubleClick (a tracker's), named with its owner
    for (Map.Entry<String, Map<String, Integer>> e : new ArrayList<>(spellings.entrySet())) {
      for (String sp : e.getValue().keySet()) {
        java.util.regex.Matcher m = BY.matcher(sp);
        if (m.matches() && !aliasOf.containsKey(e.getKey())) {
          String company = canonicalKey(OrgNames.key(m.group(1)));
          String owner = canonicalKey(OrgNames.key(m.group(2)));
          if (preferred.containsKey(company) && spellings.containsKey(owner) && !company.equals(e.getKey())) {
            aliasOf.put(e.getKey(), company);
            joinEvidence.put(e.getKey(), "'" + sp + "' names the company " + m.group(1).strip()
                + " with its owner " + m.group(2).strip());
          }
        }
      }
    }
    // merge alias keys into their canonical key
    for (String alias : new ArrayList<>(aliasOf.keySet())) {
      String target = canonicalKey(alias);
      Map<String, Integer> from = spellings.remove(alias);
      if (from != null) {
        Map<String, Integer> into = spellings.computeIfAbsent(target, k -> new TreeMap<>());
        from.forEach((s, n) -> into.merge(s, n, Integer::sum));
      }
    }
    Map<String, String> bySlug = new HashMap<>();
    slugs = new TreeMap<>();
    for (Map.Entry<String, Map<String, Integer>> e : spellings.entrySet()) {
      String name = canonicalName(e.getKey(), e.getValue());
      String slug = Iris.slug(name);
      String candidate = slug;
      for (int n = 2; bySlug.containsKey(candidate); n++) {
        candidate = slug + "-" + n;
      }
      bySlug.put(candidate, e.getKey());
      slugs.put(e.getKey(), candidate);
    }
  }

  private String canonicalName(String key, Map<String, Integer> names) {
    String p = preferred.get(key);
    if (p != null) {
      return OrgNames.display(p);
    }
    return OrgNames.display(names.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(en -> en.getKey().length())
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).findFirst().orElse(key));
  }

  /** The slug of the organisation a name resolves to, or null for a name that normalises to nothing. */
  public String slug(String name) {
    if (slugs == null) {
      throw new IllegalStateException("call resolve() first");
    }
    String key = OrgNames.key(name);
    return key.isEmpty() ? null : slugs.get(canonicalKey(key));
  }

  /** Every spelling seen of the organisation with this slug, sorted. */
  public TreeSet<String> spellingsOf(String slug) {
    TreeSet<String> out = new TreeSet<>();
    slugs.forEach((k, s) -> {
      if (s.equals(slug)) {
        out.addAll(spellings.get(k).keySet());
      }
    });
    return out;
  }

  public int size() {
    return spellings.size();
  }
}
