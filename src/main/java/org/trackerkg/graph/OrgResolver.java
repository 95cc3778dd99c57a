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

  /** Closes registration and gives each organisation its slug. */
  public void resolve() {
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
      return p;
    }
    return names.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(en -> en.getKey().length())
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).findFirst().orElse(key);
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
