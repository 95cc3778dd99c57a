package org.trackerkg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.trackerkg.base.UnionGraph;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Vocab;

/**
 * The dataset being served and what the pages need to know about it, computed once: the data is read-only
 * between loads. The default graph answers as the union of the named graphs.
 */
public class ServedData {
  /** A tracker or organisation for the lists: its IRI and name. */
  public record Entry(String iri, String name) {}

  /** One source document (named graph): IRI, title, licence, triple count. */
  public record Source(String iri, String title, String license, long triples) {}

  private final DatasetGraph dataset;
  private final String base;
  private final boolean loadedFromScratch;
  private final Runnable onClose;
  private final Instant loaded = Instant.now();
  private final boolean defaultIsUnion;

  /** What the pages know of the data, replaced whole when the data changes (a replica applied a patch). */
  private record Summary(long triples, NavigableSet<String> subjects, List<Entry> trackers,
      List<Entry> organisations, Map<String, Long> classes, Map<String, Long> properties, List<Source> sources,
      long distinctObjects) {}

  private volatile Summary summary;

  public ServedData(DatasetGraph dataset, String base, boolean loadedFromScratch, Runnable onClose) {
    this(dataset, base, loadedFromScratch, onClose, false);
  }

  /** With {@code defaultIsUnion}, the default graph holds a copy of the union (walked instead of the union view). */
  public ServedData(DatasetGraph dataset, String base, boolean loadedFromScratch, Runnable onClose, boolean defaultIsUnion) {
    this(dataset, base, loadedFromScratch, onClose, defaultIsUnion, null);
  }

  /**
   * With {@code sameData}, an in-memory dataset holding the very quads of {@code dataset}, the first summary is
   * computed from it: walking a TDB2 union decodes every node from disk, which took half of {@code serve --tdb}'s
   * own work after loading (bench/README.md, "TDB2 load").
   */
  public ServedData(DatasetGraph dataset, String base, boolean loadedFromScratch, Runnable onClose,
      boolean defaultIsUnion, DatasetGraph sameData) {
    this.dataset = dataset;
    this.defaultIsUnion = defaultIsUnion;
    this.base = base;
    this.loadedFromScratch = loadedFromScratch;
    this.onClose = onClose;
    if (sameData == null) {
      summarise();
    } else {
      // over a copy of the union: a live union view asks every named graph for each label looked up
      summary = summaryOf(new Index(sameData, UnionGraph.copyOf(sameData)));
    }
  }

  /** Computes again what the pages know of the data: after a change (a patch applied by a replica). */
  public void summarise() {
    summary = summaryOf(read(() -> new Index(dataset, union())));
  }

  private static Summary summaryOf(Index ix) {
    return new Summary(ix.triples, Collections.unmodifiableNavigableSet(ix.subjects), List.copyOf(ix.trackers),
        List.copyOf(ix.orgs), Collections.unmodifiableMap(ix.classes), Collections.unmodifiableMap(ix.properties),
        List.copyOf(ix.sources), ix.objects);
  }

  /** Whether the default graph is a copy of the union of the named graphs (kept in step by whoever writes). */
  public boolean defaultIsUnion() {
    return defaultIsUnion;
  }

  /**
   * An in-memory copy: the named graphs, and their union as the default graph. Read-only data goes into plain
   * in-memory graphs (GraphMem2, behind a multiple-reader lock), which load several times faster than the
   * transactional in-memory dataset and answer as fast; writable data (with an update password) needs the
   * transactional one, so that a failed update is rolled back.
   */
  public static ServedData inMemory(DatasetGraph built, String base, boolean writable) {
    DatasetGraph dsg = writable ? DatasetGraphFactory.createTxnMem() : DatasetGraphFactory.create();
    Txn.executeWrite(dsg, () -> {
      Graph union = dsg.getDefaultGraph();
      Iris iris = new Iris(base);
      // one object per distinct term: the parser and the mapper make a new Node (and String) for many repeats of
      // the same IRI or literal; sharing them saves ~50 heap bytes per triple (bench/README.md, "Memory")
      Map<Node, Node> terms = new HashMap<>();
      Function<Node, Node> one = n -> terms.computeIfAbsent(n, Function.identity());
      built.find().forEachRemaining(b -> {
        if (!b.isDefaultGraph()) {
          Quad q = Quad.create(one.apply(b.getGraph()), one.apply(b.getSubject()), one.apply(b.getPredicate()),
              one.apply(b.getObject()));
          dsg.add(q);
          // past versions (tkg history) are served as named graphs, outside the union of the current data
          if (!q.getGraph().isURI() || !iris.isVersionGraph(q.getGraph().getURI())) {
            union.add(q.asTriple());  // a set: a triple in several graphs is kept once
          }
        }
      });
      dsg.prefixes().putAll(Vocab.prefixes(base));
    });
    return new ServedData(dsg, base, true, () -> {}, true);
  }

  public <T> T read(Supplier<T> action) {
    return Txn.calculateRead(dataset, action);
  }

  /** The union of the named graphs: the default graph when it holds a copy of it, else the union view. */
  public Graph union() {
    return defaultIsUnion ? dataset.getDefaultGraph() : dataset.getUnionGraph();
  }

  public DatasetGraph dataset() {
    return dataset;
  }

  /** The data's base IRI, ending in {@code /}. */
  public String base() {
    return base;
  }

  public boolean loadedFromScratch() {
    return loadedFromScratch;
  }

  public Instant loaded() {
    return loaded;
  }

  public void close() {
    onClose.run();
  }

  public long triples() {
    return summary.triples();
  }

  /** Every IRI that is a subject, sorted: owned nodes of {@code x} are the range {@code x/ … x0}. */
  public NavigableSet<String> subjects() {
    return summary.subjects();
  }

  public long entities() {
    return summary.subjects().size();
  }

  public long distinctObjects() {
    return summary.distinctObjects();
  }

  public List<Entry> trackers() {
    return summary.trackers();
  }

  public List<Entry> organisations() {
    return summary.organisations();
  }

  public Map<String, Long> classes() {
    return summary.classes();
  }

  public Map<String, Long> properties() {
    return summary.properties();
  }

  public List<Source> sources() {
    return summary.sources();
  }

  /** The IRIs {@code iri/…} names: the nodes a thing owns, recursively. */
  public NavigableSet<String> owned(String iri) {
    return summary.subjects().subSet(iri + "/", true, iri + "0", false);
  }

  private static final class Index {
    long triples;
    long objects;
    final NavigableSet<String> subjects = new TreeSet<>();
    final List<Entry> trackers = new ArrayList<>();
    final List<Entry> orgs = new ArrayList<>();
    final Map<String, Long> classes = new TreeMap<>();
    final Map<String, Long> properties = new TreeMap<>();
    final List<Source> sources = new ArrayList<>();

    Index(DatasetGraph dsg, Graph g) {
      Set<Node> objs = new HashSet<>();
      g.find().forEachRemaining(t -> {
        triples++;
        if (t.getSubject().isURI()) {
          subjects.add(t.getSubject().getURI());
        }
        objs.add(t.getObject());
        properties.merge(t.getPredicate().getURI(), 1L, Long::sum);
        if (t.getPredicate().equals(Vocab.type) && t.getObject().isURI()) {
          classes.merge(t.getObject().getURI(), 1L, Long::sum);
        }
      });
      objects = objs.size();
      g.find(Node.ANY, Vocab.type, TKG.Tracker.asNode())
          .forEachRemaining(t -> trackers.add(new Entry(t.getSubject().getURI(), Labels.label(g, t.getSubject()))));
      g.find(Node.ANY, Vocab.type, TKG.Organization.asNode())
          .forEachRemaining(t -> orgs.add(new Entry(t.getSubject().getURI(), Labels.label(g, t.getSubject()))));
      Comparator<Entry> byName = Comparator.comparing((Entry e) -> e.name().toLowerCase(java.util.Locale.ROOT))
          .thenComparing(Entry::iri);
      trackers.sort(byName);
      orgs.sort(byName);
      List<Node> graphs = new ArrayList<>();
      dsg.listGraphNodes().forEachRemaining(graphs::add);
      graphs.sort(Comparator.comparing(Node::toString));
      for (Node gn : graphs) {
        Graph named = dsg.getGraph(gn);
        String title = Labels.literal(named, gn, Vocab.dctTitle);
        Node lic = Labels.object(named, gn, Vocab.dctLicense);
        sources.add(new Source(gn.getURI(), title, lic == null ? null : lic.getURI(), named.size()));
      }
    }
  }
}
