package org.trackerkg.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Aho–Corasick over a fixed set of strings: one pass over a text reports every occurrence of every key, whatever
 * the number of keys. Children are sorted char arrays (binary search), so the automaton is compact and has no boxing
 * on the hot path. Immutable once built; safe to share between threads.
 */
final class LiteralIndex {
  private final char[][] labels;
  private final int[][] next;
  private final int[] fail;
  /** Per state: the ids of the keys that end here or at a state along its failure chain. */
  private final int[][] out;

  /** Builds the automaton; {@code keys.get(i)} is reported as id {@code i}. Empty keys are ignored. */
  LiteralIndex(List<String> keys) {
    List<TreeMap<Character, Integer>> edges = new ArrayList<>();
    List<List<Integer>> outs = new ArrayList<>();
    edges.add(new TreeMap<>());
    outs.add(new ArrayList<>());
    for (int id = 0; id < keys.size(); id++) {
      String k = keys.get(id);
      if (k == null || k.isEmpty()) {
        continue;
      }
      int s = 0;
      for (int i = 0; i < k.length(); i++) {
        Integer t = edges.get(s).get(k.charAt(i));
        if (t == null) {
          t = edges.size();
          edges.add(new TreeMap<>());
          outs.add(new ArrayList<>());
          edges.get(s).put(k.charAt(i), t);
        }
        s = t;
      }
      outs.get(s).add(id);
    }
    int n = edges.size();
    labels = new char[n][];
    next = new int[n][];
    for (int s = 0; s < n; s++) {
      TreeMap<Character, Integer> e = edges.get(s);
      labels[s] = new char[e.size()];
      next[s] = new int[e.size()];
      int j = 0;
      for (Map.Entry<Character, Integer> en : e.entrySet()) {
        labels[s][j] = en.getKey();
        next[s][j] = en.getValue();
        j++;
      }
    }
    fail = new int[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int t : next[0]) {
      fail[t] = 0;
      queue.add(t);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int j = 0; j < labels[s].length; j++) {
        char c = labels[s][j];
        int t = next[s][j];
        int f = fail[s];
        while (f != 0 && step(f, c) < 0) {
          f = fail[f];
        }
        int g = step(f, c);
        fail[t] = g < 0 || g == t ? 0 : g;
        outs.get(t).addAll(outs.get(fail[t]));
        queue.add(t);
      }
    }
    out = new int[n][];
    for (int s = 0; s < n; s++) {
      out[s] = outs.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
    }
  }

  private int step(int s, char c) {
    int j = Arrays.binarySearch(labels[s], c);
    return j < 0 ? -1 : next[s][j];
  }

  /** Calls {@code found} with the id of every key occurring in {@code text} (ids may repeat). */
  void scan(CharSequence text, IntConsumer found) {
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int t;
      while ((t = step(s, c)) < 0 && s != 0) {
        s = fail[s];
      }
      s = t < 0 ? 0 : t;
      for (int id : out[s]) {
        found.accept(id);
      }
    }
  }

  /** Like {@link #scan}, with the end offset (exclusive) of each occurrence. */
  void scanWithEnds(CharSequence text, EndConsumer found) {
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int t;
      while ((t = step(s, c)) < 0 && s != 0) {
        s = fail[s];
      }
      s = t < 0 ? 0 : t;
      for (int id : out[s]) {
        found.accept(id, i + 1);
      }
    }
  }

  interface EndConsumer {
    void accept(int id, int end);
  }
}
