package org.trackerkg.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.base.Deadline;
import org.trackerkg.base.Domains;
import org.trackerkg.dossier.Signature;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * Which trackers a host name or a Java class name belongs to, by the trackers' εxodus signatures.
 * <ul>
 *   <li>Network signatures are regular expressions found anywhere in the host ({@code Matcher.find()}, case-blind,
 *       as εxodus does). Each regex's longest required literal goes into one Aho–Corasick automaton: a host is
 *       scanned once, and only the regexes whose literal occurs in it are run.</li>
 *   <li>Code signatures are package or class-name prefixes, walked once along a sorted prefix trie. A prefix matches
 *       at a name boundary: {@code com.tune} matches {@code com.tune.Tune} but not {@code com.tunein.Player}
 *       (εxodus's unanchored regex would). A signature that starts with a dot ({@code .tealium.},
 *       {@code .kochavaccpa.}) matches anywhere in the name, through a second automaton.</li>
 * </ul>
 * Signatures longer than {@link Signature#MAX_PATTERN_CHARS} are left out (the reader refuses them too), and a regex
 * stops after {@link #MAX_REGEX_READS} reads of the name. Build with {@link #builder()} or {@link #fromDataset};
 * immutable and thread-safe once built.
 */
public final class SignatureMatcher {
  /**
   * Character reads one network regex may make over one name before it counts as not matching: a signature such as
   * {@code (.*a){25}$} backtracks for hours over a short host. Counted in steps, not time, so the answer is the same
   * on every machine; an εxodus regex over a host needs a few thousand.
   */
  public static final long MAX_REGEX_READS = 1_000_000;

  /** A tracker: its IRI, slug and display name. */
  public record Tracker(String iri, String slug, String name) {}

  /** One signature of one tracker that matched. */
  public record Hit(Tracker tracker, Signature.Kind kind, String pattern) {}

  /** What a name was taken for. */
  public enum As { HOST, CLASS, AUTO }

  // network
  private final Pattern[] netPatterns;
  private final Tracker[] netTrackers;
  private final String[] netSources;
  private final LiteralIndex netIndex;
  /** Per automaton key: the network regexes requiring it. */
  private final int[][] netByLiteral;
  /** Regexes without a usable literal: run on every host. */
  private final int[] netAlways;

  // code
  private final PrefixTrie prefixes;
  private final LiteralIndex infixIndex;
  private final String[] infixes;
  private final Hit[][] infixHits;
  private final int trackerCount;
  private final int signatureCount;

  private SignatureMatcher(Builder b) {
    List<Tracker> trackers = new ArrayList<>(new TreeSet<>(b.trackers.keySet()).stream().map(b.trackers::get)
        .toList());
    trackerCount = trackers.size();
    // network: one entry per (tracker, regex)
    List<Pattern> pats = new ArrayList<>();
    List<Tracker> pt = new ArrayList<>();
    List<String> src = new ArrayList<>();
    Map<String, List<Integer>> byLiteral = new TreeMap<>();
    List<Integer> always = new ArrayList<>();
    for (String[] e : b.network) {
      Pattern p;
      try {
        p = Pattern.compile(e[1], Pattern.CASE_INSENSITIVE);
      } catch (PatternSyntaxException ex) {
        p = Pattern.compile(Pattern.quote(e[1]), Pattern.CASE_INSENSITIVE); // kept as written: a literal
      }
      int id = pats.size();
      pats.add(p);
      pt.add(b.trackers.get(e[0]));
      src.add(e[1]);
      String lit = requiredLiteral(e[1]);
      if (lit.length() >= 3) {
        byLiteral.computeIfAbsent(lit, k -> new ArrayList<>()).add(id);
      } else {
        always.add(id);
      }
    }
    netPatterns = pats.toArray(Pattern[]::new);
    netTrackers = pt.toArray(Tracker[]::new);
    netSources = src.toArray(String[]::new);
    List<String> lits = new ArrayList<>(byLiteral.keySet());
    netIndex = new LiteralIndex(lits);
    netByLiteral = lits.stream().map(l -> byLiteral.get(l).stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    netAlways = always.stream().mapToInt(Integer::intValue).toArray();

    // code: prefixes in a trie, ".infix." ones in an automaton
    Map<String, List<Hit>> prefixHits = new TreeMap<>();
    Map<String, List<Hit>> infixMap = new TreeMap<>();
    for (String[] e : b.code) {
      String pattern = e[1].strip();
      Hit h = new Hit(b.trackers.get(e[0]), Signature.Kind.CODE, e[1]);
      (pattern.startsWith(".") ? infixMap : prefixHits).computeIfAbsent(pattern, k -> new ArrayList<>()).add(h);
    }
    prefixes = new PrefixTrie(prefixHits);
    infixes = infixMap.keySet().toArray(String[]::new);
    infixIndex = new LiteralIndex(Arrays.asList(infixes));
    infixHits = Arrays.stream(infixes).map(k -> infixMap.get(k).toArray(Hit[]::new)).toArray(Hit[][]::new);
    signatureCount = b.network.size() + b.code.size();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every tracker of the dataset with its network and code signatures. A tracker's detection rules come from its
   * εxodus record ({@code {base}graph/exodus/…}) when it has one — εxodus is the authority for them; the rules a
   * profile copies count only for trackers εxodus does not know (the Krux profile lists mParticle's
   * {@code mparticle\.com}, a copying slip that must not make every mParticle host a Krux one).
   */
  public static SignatureMatcher fromDataset(DatasetGraph dsg, String base) {
    return fromDataset(dsg, dsg.getUnionGraph(), base);
  }

  /** The same, with the union of the named graphs at hand (a materialised copy answers far faster than a view). */
  public static SignatureMatcher fromDataset(DatasetGraph dsg, Graph union, String base) {
    Iris iris = new Iris(base);
    String trackerBase = iris.tracker("");
    String exodusGraphs = iris.graph("exodus", "");
    Map<String, Tracker> trackers = new TreeMap<>();
    Map<String, List<String[]>> fromExodus = new TreeMap<>();
    Map<String, List<String[]>> fromProfiles = new TreeMap<>();
    dsg.find(Node.ANY, Node.ANY, TKG.signature.asNode(), Node.ANY).forEachRemaining(q -> {
      String t = q.getSubject().getURI();
      if (t == null || !t.startsWith(trackerBase)) {
        return;
      }
      trackers.computeIfAbsent(t, iri -> {
        String slug = iri.substring(trackerBase.length());
        return new Tracker(iri, slug, displayName(union, q.getSubject(), slug));
      });
      Node sig = q.getObject();
      boolean network = union.contains(sig, Vocab.type, TKG.NetworkSignature.asNode());
      boolean exodus = q.getGraph().isURI() && q.getGraph().getURI().startsWith(exodusGraphs);
      dsg.find(q.getGraph(), sig, TKG.pattern.asNode(), Node.ANY).forEachRemaining(p -> {
        if (p.getObject().isLiteral()) {
          (exodus ? fromExodus : fromProfiles).computeIfAbsent(t, k -> new ArrayList<>())
              .add(new String[] {network ? "N" : "C", p.getObject().getLiteralLexicalForm()});
        }
      });
    });
    Builder b = builder();
    trackers.forEach((iri, tracker) -> {
      List<String[]> sigs = fromExodus.containsKey(iri) ? fromExodus.get(iri) : fromProfiles.getOrDefault(iri,
          List.of());
      for (String[] s : sigs) {
        b.add(tracker, s[0].equals("N") ? Signature.Kind.NETWORK : Signature.Kind.CODE, s[1]);
      }
    });
    return b.build();
  }

  /** The tracker's name: {@link Labels#label}, the one display-name rule of every page and API. */
  static String displayName(Graph union, Node tracker, String slug) {
    return Labels.label(union, tracker);
  }

  public int trackers() {
    return trackerCount;
  }

  public int signatures() {
    return signatureCount;
  }

  /** Collects trackers and signatures; the same signature of the same tracker is kept once. */
  public static final class Builder {
    private final Map<String, Tracker> trackers = new TreeMap<>();
    private final Set<String[]> network = new TreeSet<>(Comparator.<String[], String>comparing(a -> a[0])
        .thenComparing(a -> a[1]));
    private final Set<String[]> code = new TreeSet<>(Comparator.<String[], String>comparing(a -> a[0])
        .thenComparing(a -> a[1]));

    private Builder() {}

    public Builder add(Tracker tracker, Signature.Kind kind, String pattern) {
      Objects.requireNonNull(tracker, "tracker");
      if (pattern == null || pattern.isBlank() || pattern.length() > Signature.MAX_PATTERN_CHARS) {
        return this;
      }
      trackers.putIfAbsent(tracker.iri(), tracker);
      (kind == Signature.Kind.NETWORK ? network : code).add(new String[] {tracker.iri(), pattern.strip()});
      return this;
    }

    public SignatureMatcher build() {
      return new SignatureMatcher(this);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The hits for a name, taken as a host, a class, or (AUTO) whichever it looks like — both when unsure. */
  public List<Hit> match(String name, As as) {
    String n = name.strip();
    As kind = as == As.AUTO ? guess(n) : as;
    List<Hit> hits = new ArrayList<>();
    if (kind == As.HOST || kind == As.AUTO) {
      matchHost(n, hits);
    }
    if (kind == As.CLASS || kind == As.AUTO) {
      matchClass(n, hits);
    }
    return hits;
  }

  public List<Hit> match(String name) {
    return match(name, As.AUTO);
  }

  /** The trackers a name belongs to, sorted by slug, each once. */
  public List<Tracker> trackersOf(String name, As as) {
    Map<String, Tracker> out = new TreeMap<>();
    for (Hit h : match(name, as)) {
      out.putIfAbsent(h.tracker().slug(), h.tracker());
    }
    return List.copyOf(out.values());
  }

  public List<Tracker> trackersOf(String name) {
    return trackersOf(name, As.AUTO);
  }

  /**
   * Host or class? {@code api.mparticle.com} ends with a top-level domain; {@code com.appsflyer.AppsFlyerLib}
   * starts with one (a reversed domain), has a slash, a {@code $} or an upper-case letter. Unsure: AUTO (both).
   */
  public static As guess(String n) {
    if (n.indexOf('/') >= 0 || n.indexOf('$') >= 0 || n.endsWith(";")) {
      return As.CLASS;
    }
    int firstDot = n.indexOf('.');
    int lastDot = n.lastIndexOf('.');
    if (firstDot < 0) {
      return As.CLASS;
    }
    String first = n.substring(0, firstDot).toLowerCase(Locale.ROOT);
    String last = n.substring(lastDot + 1);
    boolean lastTld = Domains.isHostEnding(last) || n.contains("-");
    boolean firstTld = Domains.isHostEnding(first);
    if (lastTld && !firstTld) {
      return As.HOST;
    }
    if (firstTld && !lastTld) {
      return As.CLASS;
    }
    if (!last.equals(last.toLowerCase(Locale.ROOT))) {
      return As.CLASS;
    }
    return As.AUTO;
  }

  private void matchHost(String host, List<Hit> hits) {
    String h = host.toLowerCase(Locale.ROOT);
    BitSet run = new BitSet(netPatterns.length);
    netIndex.scan(h, lit -> {
      for (int id : netByLiteral[lit]) {
        run.set(id);
      }
    });
    for (int id : netAlways) {
      run.set(id);
    }
    Matcher m = null;
    for (int id = run.nextSetBit(0); id >= 0; id = run.nextSetBit(id + 1)) {
      m = netPatterns[id].matcher(Deadline.reads(h, MAX_REGEX_READS));
      try {
        if (m.find()) {
          hits.add(new Hit(netTrackers[id], Signature.Kind.NETWORK, netSources[id]));
        }
      } catch (Deadline.Expired e) {
        // a backtracking regex out of steps: no match, whatever other names or requests do
      }
    }
  }

  private void matchClass(String name, List<Hit> hits) {
    String c = className(name);
    prefixes.walk(c, hits);
    if (infixes.length > 0) {
      infixIndex.scanWithEnds(c, (id, end) -> {
        String k = infixes[id];
        if (k.endsWith(".") || end == c.length() || c.charAt(end) == '.' || c.charAt(end) == '$') {
          for (Hit hit : infixHits[id]) {
            if (!hits.contains(hit)) {
              hits.add(hit);
            }
          }
        }
      });
    }
  }

  /** {@code Lcom/foo/Bar;}, {@code com/foo/Bar.class} and {@code com.foo.Bar} all as {@code com.foo.Bar}. */
  static String className(String name) {
    String c = name.strip();
    if (c.startsWith("L") && c.endsWith(";")) {
      c = c.substring(1, c.length() - 1);
    }
    if (c.endsWith(".class")) {
      c = c.substring(0, c.length() - 6);
    } else if (c.endsWith(".smali")) {
      c = c.substring(0, c.length() - 6);
    }
    return c.replace('/', '.');
  }

  /**
   * The longest run of characters every match of the regex must contain, lower case: literal characters and
   * escaped dots or dashes, cut at any operator; a character made optional by {@code ?}, {@code *} or {@code {}
   * is dropped. A regex with a top-level {@code |} has no single required literal ("").
   */
  static String requiredLiteral(String regex) {
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return "";
      }
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      String lit = null;
      int len = 1;
      if (c == '\\' && i + 1 < regex.length()) {
        char e = regex.charAt(i + 1);
        len = 2;
        if (".-/_:@".indexOf(e) >= 0) {
          lit = String.valueOf(e);
        }
      } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        lit = String.valueOf(c);
      } else if (c == '[' || c == '(') {
        // skip the class or group entirely: it is not a literal
        int close = skipGroup(regex, i);
        len = close - i;
      }
      char after = i + len < regex.length() ? regex.charAt(i + len) : 0;
      boolean optional = after == '?' || after == '*' || after == '{';
      if (lit != null && !optional) {
        run.append(lit);
      } else {
        if (run.length() > best.length()) {
          best = run.toString();
        }
        run.setLength(0);
      }
      i += len;
    }
    if (run.length() > best.length()) {
      best = run.toString();
    }
    return best.toLowerCase(Locale.ROOT);
  }

  private static int skipGroup(String regex, int start) {
    char open = regex.charAt(start);
    char close = open == '[' ? ']' : ')';
    int depth = 0;
    for (int i = start; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return i + 1;
      }
    }
    return regex.length();
  }

  /** Package prefixes in a sorted trie: one walk along the class name finds every prefix that matches. */
  private static final class PrefixTrie {
    private char[][] labels = new char[16][];
    private int[][] next = new int[16][];
    private Hit[][] terminal = new Hit[16][];
    private boolean[] dotEnded = new boolean[16];
    private int size = 1;

    PrefixTrie(Map<String, List<Hit>> prefixes) {
      labels[0] = new char[0];
      next[0] = new int[0];
      for (Map.Entry<String, List<Hit>> e : prefixes.entrySet()) {
        int s = 0;
        String k = e.getKey();
        for (int i = 0; i < k.length(); i++) {
          s = child(s, k.charAt(i), true);
        }
        terminal[s] = e.getValue().toArray(Hit[]::new);
        dotEnded[s] = k.endsWith(".");
      }
    }

    private int child(int s, char c, boolean create) {
      int j = Arrays.binarySearch(labels[s], c);
      if (j >= 0) {
        return next[s][j];
      }
      if (!create) {
        return -1;
      }
      if (size == labels.length) {
        int n = size * 2;
        labels = Arrays.copyOf(labels, n);
        next = Arrays.copyOf(next, n);
        terminal = Arrays.copyOf(terminal, n);
        dotEnded = Arrays.copyOf(dotEnded, n);
      }
      int t = size++;
      labels[t] = new char[0];
      next[t] = new int[0];
      int at = -j - 1;
      char[] l = new char[labels[s].length + 1];
      int[] x = new int[l.length];
      System.arraycopy(labels[s], 0, l, 0, at);
      System.arraycopy(next[s], 0, x, 0, at);
      l[at] = c;
      x[at] = t;
      System.arraycopy(labels[s], at, l, at + 1, labels[s].length - at);
      System.arraycopy(next[s], at, x, at + 1, next[s].length - at);
      labels[s] = l;
      next[s] = x;
      return t;
    }

    void walk(String name, List<Hit> hits) {
      int s = 0;
      for (int i = 0; i < name.length(); i++) {
        s = child(s, name.charAt(i), false);
        if (s < 0) {
          return;
        }
        if (terminal[s] != null) {
          int end = i + 1;
          if (dotEnded[s] || end == name.length() || name.charAt(end) == '.' || name.charAt(end) == '$') {
            hits.addAll(Arrays.asList(terminal[s]));
          }
        }
      }
    }
  }
}
