package org.trackerkg.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The pictures of the pages, as SVG from the union graph ({@link Svg} draws them): trackers per country, what
 * policies collect against how long they keep it, the εxodus categories, an organisation's ownership tree and a
 * tracker's integration network. Call inside a read transaction.
 */
final class Pictures {
  static final int MAX_BARS = 20;
  static final int MAX_SIDE = 30;
  static final int MAX_TREE = 80;
  /** Retention columns: what a clause's dpv:hasDuration says, then "not stated". */
  static final List<String> RETENTION = List.of("forever", "fixed period", "until an event", "indeterminate",
      "not stated");

  private final Graph g;
  private final String base;
  private final ViewBuilder v;

  Pictures(Graph g, String base) {
    this.g = g;
    this.base = base;
    this.v = new ViewBuilder(g, base);
  }

  /** Trackers per country of their address (ISO code), most first. */
  String countries(Listings l) {
    Map<String, Integer> counts = l.trackers.values("country");
    List<Svg.Bar> bars = new ArrayList<>();
    counts.forEach((k, n) -> bars.add(new Svg.Bar(k, n)));
    int stated = l.trackers.rows().size() - (int) l.trackers.rows().stream()
        .filter(r -> r.cell("country").isEmpty()).count();
    return Svg.bars("Trackers per country", stated + " of " + l.trackers.rows().size()
        + " trackers state a country. " + describe(bars), bars.subList(0, Math.min(MAX_BARS, bars.size())));
  }

  /** Trackers listed in εxodus per category, most first. */
  String exodusCategories(Listings l) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Listings.Row r : l.trackers.rows()) {
      if (r.has("exodus", "yes")) {
        r.cell("category").forEach(c -> counts.merge(c.text(), 1, Integer::sum));
      }
    }
    List<Svg.Bar> bars = new ArrayList<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry::getKey)).forEach(e -> bars.add(new Svg.Bar(e.getKey(), e.getValue())));
    return Svg.bars("εxodus trackers per category", "Trackers listed in εxodus, by category. " + describe(bars),
        bars.subList(0, Math.min(MAX_BARS, bars.size())));
  }

  /**
   * Personal-data categories (rows: the most frequent DPV concepts the policies collect) against the retention
   * their policies state (columns): how many trackers do both.
   */
  String retention() {
    Map<Node, Set<String>> retentionOf = new LinkedHashMap<>();
    Map<Node, Set<Node>> collects = new LinkedHashMap<>();
    g.find(Node.ANY, Vocab.type, TKG.Tracker.asNode()).forEachRemaining(tr -> {
      Node t = tr.getSubject();
      for (Node c : v.objects(t, TKG.clause.asNode())) {
        for (Node d : v.objects(c, Vocab.dpvHasDuration)) {
          retentionOf.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(retentionClass(d));
        }
        for (Node pd : v.objects(c, Vocab.uri("https://w3id.org/dpv#hasPersonalData"))) {
          collects.computeIfAbsent(pd, k -> new LinkedHashSet<>()).add(t);
        }
      }
    });
    List<Node> rows = collects.keySet().stream()
        .sorted(Comparator.comparing((Node pd) -> -collects.get(pd).size()).thenComparing(Node::getURI))
        .limit(12).toList();
    long[][] counts = new long[rows.size()][RETENTION.size()];
    StringBuilder desc = new StringBuilder("Trackers whose policies collect each kind of personal data, by the "
        + "retention their policies state.");
    for (int i = 0; i < rows.size(); i++) {
      for (Node t : collects.get(rows.get(i))) {
        Set<String> rs = retentionOf.getOrDefault(t, Set.of("not stated"));
        for (String r : rs) {
          counts[i][RETENTION.indexOf(r)]++;
        }
      }
      desc.append(' ').append(Labels.shortIri(rows.get(i))).append(": ");
      for (int j = 0; j < RETENTION.size(); j++) {
        desc.append(j > 0 ? ", " : "").append(RETENTION.get(j)).append(' ').append(counts[i][j]);
      }
      desc.append('.');
    }
    return Svg.heatMap("Personal data collected × retention stated", desc.toString(),
        rows.stream().map(Labels::shortIri).toList(), RETENTION, counts);
  }

  static String retentionClass(Node d) {
    String u = d.isURI() ? d.getURI() : "";
    return u.endsWith("#EndlessDuration") ? "forever" : u.endsWith("#UntilEventDuration") ? "until an event"
        : u.endsWith("#IndeterminateDuration") ? "indeterminate" : "fixed period";
  }

  /** Who owns whom around an organisation: its ultimate owners and everything below them, with tracker counts. */
  String ownership(Node o) {
    Listings.Ownership own = new Listings.Ownership(g);
    List<Svg.TreeRow> rows = new ArrayList<>();
    Set<Node> seen = new LinkedHashSet<>();
    for (Node top : own.ultimate(o)) {
      tree(top, 0, o, own, rows, seen);
    }
    String name = Labels.label(g, o);
    StringBuilder desc = new StringBuilder("Ownership tree of " + name + ": ");
    for (Svg.TreeRow r : rows) {
      desc.append("  ".repeat(r.depth())).append(r.label()).append("; ");
    }
    return Svg.tree("Who owns " + name, desc.toString(), rows);
  }

  private void tree(Node n, int depth, Node current, Listings.Ownership own, List<Svg.TreeRow> rows, Set<Node> seen) {
    if (!seen.add(n) || rows.size() >= MAX_TREE) {
      return;
    }
    int trackers = own.trackers(n).size();
    rows.add(new Svg.TreeRow(depth, Labels.label(g, n) + " (" + trackers + (trackers == 1 ? " tracker)" : " trackers)"),
        n.equals(current)));
    List<Node> subs = v.subjects(TKG.owner.asNode(), n);
    subs.sort(Comparator.comparing((Node x) -> Labels.label(g, x).toLowerCase(java.util.Locale.ROOT)));
    for (Node s : subs) {
      tree(s, depth + 1, current, own, rows, seen);
    }
  }

  /** Whether an organisation has anything to draw: an owner or something it owns. */
  boolean hasOwnership(Node o) {
    return g.find(o, TKG.owner.asNode(), Node.ANY).hasNext() || g.find(Node.ANY, TKG.owner.asNode(), o).hasNext();
  }

  /** The trackers integrating with a tracker (through an organisation that makes it) and its own integrations. */
  String network(Node t) {
    List<String> right = v.objects(t, TKG.integratesWith.asNode()).stream().map(o -> Labels.label(g, o))
        .distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    List<String> left = integratedBy(t).stream().map(x -> Labels.label(g, x)).distinct()
        .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    String name = Labels.label(g, t);
    String desc = name + " integrates with " + (right.isEmpty() ? "nothing stated" : String.join(", ", right))
        + ". Integrated by " + (left.isEmpty() ? "no tracker in the data" : String.join(", ", left)) + ".";
    return Svg.network("Integration network of " + name, desc, name, "integrated by", cap(left),
        "integrates with", cap(right));
  }

  /** The trackers whose integrations name an organisation that makes this tracker (or bears its name). */
  List<Node> integratedBy(Node t) {
    Set<Node> makers = new LinkedHashSet<>(v.objects(t, TKG.company.asNode()));
    String slug = t.getURI().substring(t.getURI().lastIndexOf('/') + 1);
    makers.add(ViewBuilder.uri(base + "id/org/" + slug));
    Set<Node> out = new LinkedHashSet<>();
    for (Node m : makers) {
      out.addAll(v.subjects(TKG.integratesWith.asNode(), m));
    }
    out.remove(t);
    return new ArrayList<>(out);
  }

  boolean hasNetwork(Node t) {
    return g.find(t, TKG.integratesWith.asNode(), Node.ANY).hasNext() || !integratedBy(t).isEmpty();
  }

  private static List<String> cap(List<String> xs) {
    if (xs.size() <= MAX_SIDE) {
      return xs;
    }
    List<String> out = new ArrayList<>(xs.subList(0, MAX_SIDE - 1));
    out.add("+" + (xs.size() - MAX_SIDE + 1) + " more");
    return out;
  }

  private static String describe(List<Svg.Bar> bars) {
    StringBuilder sb = new StringBuilder();
    for (Svg.Bar b : bars) {
      sb.append(sb.length() > 0 ? ", " : "").append(b.label()).append(' ').append(b.value());
    }
    return sb.append('.').toString();
  }
}
