package org.trackerkg.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The rows of {@code /trackers} and {@code /organisations}, read once from the union graph: each row's cells as
 * links to our pages, each column sortable and, when it is a facet, filterable by the exact text of a value.
 * {@link ListingServlet} filters, sorts and pages them per request.
 */
final class Listings {
  /** A column: its parameter name, heading, whether it is a facet (filter), whether it sorts as a number. */
  record Column(String key, String title, boolean facet, boolean numeric) {}

  /** One tracker or organisation: its page and, per column key, the values shown. */
  record Row(String iri, Map<String, List<Views.Link>> cells) {
    List<Views.Link> cell(String key) {
      return cells.getOrDefault(key, List.of());
    }

    /** The values of a column as text, joined: what sorts and what the CSV holds. */
    String text(String key) {
      return String.join("; ", cell(key).stream().map(Views.Link::text).toList());
    }

    /** Whether a column holds this value (case aside). */
    boolean has(String key, String value) {
      return cell(key).stream().anyMatch(l -> l.text().equalsIgnoreCase(value));
    }
  }

  /** One listing: its columns and every row, sorted by name. */
  record Table(String title, String path, List<Column> columns, List<Row> rows) {
    Column column(String key) {
      return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** A facet's values with how many rows hold each, most frequent first. */
    Map<String, Integer> values(String key) {
      Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Row r : rows) {
        new LinkedHashSet<>(r.cell(key).stream().map(Views.Link::text).toList())
            .forEach(v -> counts.merge(v, 1, Integer::sum));
      }
      Map<String, Integer> out = new LinkedHashMap<>();
      counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
          .thenComparing(Map.Entry::getKey, String.CASE_INSENSITIVE_ORDER)).forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
  }

  static final List<Column> TRACKER_COLUMNS = List.of(
      new Column("name", "Tracker", false, false),
      new Column("maker", "Maker", true, false),
      new Column("owner", "Ultimate owner", true, false),
      new Column("country", "Country", true, false),
      new Column("category", "Categories", true, false),
      new Column("exodus", "In εxodus", true, false),
      new Column("policy", "Has a policy", true, false));

  static final List<Column> ORGANISATION_COLUMNS = List.of(
      new Column("name", "Organisation", false, false),
      new Column("owner", "Owned by", true, false),
      new Column("ultimate", "Ultimate owner", true, false),
      new Column("country", "Country", true, false),
      new Column("makes", "Trackers made", false, true),
      new Column("trackers", "Trackers made or owned", false, true),
      new Column("maker", "Makes trackers", true, false),
      new Column("founded", "Founded", false, true),
      new Column("wikidata", "Wikidata", true, false));

  final Table trackers;
  final Table organisations;

  private Listings(Table trackers, Table organisations) {
    this.trackers = trackers;
    this.organisations = organisations;
  }

  /** Reads both listings from the union graph. Call inside a read transaction. */
  static Listings read(Graph g, String base) {
    ViewBuilder v = new ViewBuilder(g, base);
    Ownership own = new Ownership(g);
    List<Row> ts = new ArrayList<>();
    Map<Node, Set<String>> countriesOfMaker = new LinkedHashMap<>();
    for (Node t : subjectsOfType(g, TKG.Tracker.asNode(), base + "id/tracker/")) {
      Map<String, List<Views.Link>> cells = new LinkedHashMap<>();
      cells.put("name", List.of(v.link(t)));
      List<Node> makers = v.objects(t, TKG.company.asNode());
      cells.put("maker", links(v, makers));
      Set<Node> tops = new LinkedHashSet<>();
      makers.forEach(m -> tops.addAll(own.ultimate(m)));
      cells.put("owner", links(v, new ArrayList<>(tops)));
      Set<String> countries = new TreeSet<>();
      for (Node a : v.objects(t, Vocab.schemaAddress)) {
        String cc = Labels.literal(g, a, Vocab.schemaAddressCountry);
        if (cc != null) {
          countries.add(cc);
        }
      }
      makers.forEach(m -> countriesOfMaker.computeIfAbsent(m, k -> new TreeSet<>()).addAll(countries));
      cells.put("country", countries.stream().map(Views.Link::text).toList());
      cells.put("category", v.objects(t, TKG.category.asNode()).stream()
          .map(c -> new Views.Link(v.href(c.getURI()), v.conceptLabel(c))).distinct()
          .sorted(Comparator.comparing(Views.Link::text)).toList());
      cells.put("exodus", List.of(Views.Link.text(yes("true".equals(Labels.literal(g, t, TKG.inExodus.asNode()))))));
      cells.put("policy", List.of(Views.Link.text(yes(g.find(t, TKG.clause.asNode(), Node.ANY).hasNext()))));
      ts.add(new Row(t.getURI(), cells));
    }
    List<Row> os = new ArrayList<>();
    for (Node o : subjectsOfType(g, TKG.Organization.asNode(), base + "id/org/")) {
      Map<String, List<Views.Link>> cells = new LinkedHashMap<>();
      cells.put("name", List.of(v.link(o)));
      cells.put("owner", links(v, v.objects(o, TKG.owner.asNode())));
      List<Node> ult = own.ultimate(o).stream().filter(u -> !u.equals(o)).toList();
      cells.put("ultimate", links(v, ult));
      Set<String> countries = new TreeSet<>();
      for (Node sub : own.subsidiariesAndSelf(o)) {
        countries.addAll(countriesOfMaker.getOrDefault(sub, Set.of()));
      }
      cells.put("country", countries.stream().map(Views.Link::text).toList());
      int makes = v.subjects(TKG.company.asNode(), o).size();
      cells.put("makes", List.of(Views.Link.text(Integer.toString(makes))));
      cells.put("trackers", List.of(Views.Link.text(Integer.toString(own.trackers(o).size()))));
      cells.put("maker", List.of(Views.Link.text(yes(makes > 0))));
      String founded = Labels.literal(g, o, Vocab.schemaFoundingDate);
      cells.put("founded", founded == null ? List.of() : List.of(Views.Link.text(founded)));
      Node wd = wikidata(g, o);
      cells.put("wikidata", List.of(wd == null ? Views.Link.text("no") : new Views.Link(wd.getURI(), "yes")));
      os.add(new Row(o.getURI(), cells));
    }
    Comparator<Row> byName = Comparator.comparing((Row r) -> r.text("name").toLowerCase(Locale.ROOT))
        .thenComparing(Row::iri);
    ts.sort(byName);
    os.sort(byName);
    return new Listings(new Table("Trackers", "/trackers", TRACKER_COLUMNS, List.copyOf(ts)),
        new Table("Organisations", "/organisations", ORGANISATION_COLUMNS, List.copyOf(os)));
  }

  static String yes(boolean b) {
    return b ? "yes" : "no";
  }

  /** The organisation's Wikidata item (owl:sameAs to www.wikidata.org), or null. */
  static Node wikidata(Graph g, Node o) {
    for (Node p : List.of(Vocab.sameAs, Vocab.schemaSameAs)) {
      for (var it = g.find(o, p, Node.ANY); it.hasNext(); ) {
        Node x = it.next().getObject();
        if (x.isURI() && x.getURI().startsWith("http://www.wikidata.org/entity/")) {
          return x;
        }
      }
    }
    return null;
  }

  private static List<Views.Link> links(ViewBuilder v, List<Node> nodes) {
    return nodes.stream().map(v::link).sorted(Comparator.comparing(Views.Link::text)).toList();
  }

  private static List<Node> subjectsOfType(Graph g, Node type, String prefix) {
    Set<String> iris = new TreeSet<>();
    g.find(Node.ANY, Vocab.type, type).forEachRemaining(t -> {
      Node s = t.getSubject();
      if (s.isURI() && s.getURI().startsWith(prefix) && s.getURI().indexOf('/', prefix.length()) < 0) {
        iris.add(s.getURI());
      }
    });
    return iris.stream().map(ViewBuilder::uri).toList();
  }

  /**
   * Who owns whom ({@code tkg:owner}, transitively, cycles cut): an organisation's ultimate owners, its
   * subsidiaries, and the trackers it makes or owns through them.
   */
  static final class Ownership {
    private final Graph g;

    Ownership(Graph g) {
      this.g = g;
    }

    /** The owners with no owner above them, reached through {@code tkg:owner*}; the organisation itself if none. */
    List<Node> ultimate(Node o) {
      Set<Node> seen = new LinkedHashSet<>();
      List<Node> tops = new ArrayList<>();
      walkUp(o, seen, tops);
      if (tops.isEmpty()) {
        tops.add(o); // owners in a cycle: none is above the others
      }
      tops.sort(Comparator.comparing(Node::getURI));
      return tops;
    }

    private void walkUp(Node o, Set<Node> seen, List<Node> tops) {
      if (!seen.add(o)) {
        return;
      }
      List<Node> owners = new ArrayList<>();
      g.find(o, TKG.owner.asNode(), Node.ANY).forEachRemaining(t -> {
        if (t.getObject().isURI()) {
          owners.add(t.getObject());
        }
      });
      if (owners.isEmpty()) {
        tops.add(o);
      }
      for (Node x : owners) {
        walkUp(x, seen, tops);
      }
    }

    /** The organisation and everything it owns, directly or through subsidiaries. */
    Set<Node> subsidiariesAndSelf(Node o) {
      Set<Node> out = new LinkedHashSet<>();
      List<Node> todo = new ArrayList<>(List.of(o));
      while (!todo.isEmpty()) {
        Node x = todo.remove(todo.size() - 1);
        if (out.add(x)) {
          g.find(Node.ANY, TKG.owner.asNode(), x).forEachRemaining(t -> todo.add(t.getSubject()));
        }
      }
      return out;
    }

    /** The trackers made by the organisation or by anything it owns. */
    Set<Node> trackers(Node o) {
      Set<Node> out = new TreeSet<>(Comparator.comparing(Node::getURI));
      for (Node x : subsidiariesAndSelf(o)) {
        g.find(Node.ANY, TKG.company.asNode(), x).forEachRemaining(t -> out.add(t.getSubject()));
      }
      return out;
    }
  }
}
