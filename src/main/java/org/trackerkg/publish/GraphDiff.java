package org.trackerkg.publish;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.trackerkg.vocab.Vocab;

/**
 * The difference between two versions of the data: the quads removed from OLD and added in NEW, sorted, grouped by
 * the tracker they are about, and as an RDF Patch that turns OLD into NEW. When either side has no named graphs
 * (a triple format such as N-Triples or Turtle), both are compared as their union graphs in the default graph.
 */
public final class GraphDiff {
  /** The tracker an IRI is, or is under: {@code …/id/tracker/{slug}}, whatever the base. */
  private static final Pattern TRACKER = Pattern.compile("^(.*/id/tracker/[^/#?]+)");
  public static final String OTHER = "(not about one tracker)";

  private final List<Quad> removed;
  private final List<Quad> added;
  private final Map<Node, String> graphTopics;
  private final boolean triplesOnly;

  private GraphDiff(List<Quad> removed, List<Quad> added, Map<Node, String> graphTopics, boolean triplesOnly) {
    this.removed = List.copyOf(removed);
    this.added = List.copyOf(added);
    this.graphTopics = graphTopics;
    this.triplesOnly = triplesOnly;
  }

  public static GraphDiff compute(DatasetGraph oldData, DatasetGraph newData) {
    return compute(oldData, newData, !hasNamedGraphs(oldData) || !hasNamedGraphs(newData));
  }

  /** The difference of the quads as they are, named graphs and all, even when one side is empty (a snapshot). */
  public static GraphDiff computeQuads(DatasetGraph oldData, DatasetGraph newData) {
    return compute(oldData, newData, false);
  }

  private static GraphDiff compute(DatasetGraph oldData, DatasetGraph newData, boolean triplesOnly) {
    DatasetGraph a = triplesOnly ? asDefaultGraph(oldData) : oldData;
    DatasetGraph b = triplesOnly ? asDefaultGraph(newData) : newData;
    List<Quad> removed = new ArrayList<>();
    List<Quad> added = new ArrayList<>();
    a.find().forEachRemaining(q -> {
      if (!b.contains(q)) {
        removed.add(q);
      }
    });
    b.find().forEachRemaining(q -> {
      if (!a.contains(q)) {
        added.add(q);
      }
    });
    Comparator<Quad> order = Comparator.comparing(RdfOutput::nqLine, RdfOutput::compareCodePoints);
    removed.sort(order);
    added.sort(order);
    Map<Node, String> topics = new HashMap<>();
    topics(oldData, topics);
    topics(newData, topics);
    return new GraphDiff(removed, added, topics, triplesOnly);
  }

  public List<Quad> removed() {
    return removed;
  }

  public List<Quad> added() {
    return added;
  }

  public boolean isEmpty() {
    return removed.isEmpty() && added.isEmpty();
  }

  /** Whether the comparison was of union graphs (one side had no named graphs). */
  public boolean triplesOnly() {
    return triplesOnly;
  }

  /** The changes of one tracker (or of {@link #OTHER}). */
  public record Group(String key, List<Quad> removed, List<Quad> added) {}

  /** The changes grouped by tracker IRI, trackers in IRI order, {@link #OTHER} last. */
  public List<Group> byTracker() {
    Map<String, List<Quad>> rem = new TreeMap<>(GraphDiff::compareKeys);
    Map<String, List<Quad>> add = new TreeMap<>(GraphDiff::compareKeys);
    removed.forEach(q -> rem.computeIfAbsent(trackerOf(q), k -> new ArrayList<>()).add(q));
    added.forEach(q -> add.computeIfAbsent(trackerOf(q), k -> new ArrayList<>()).add(q));
    Map<String, Group> groups = new TreeMap<>(GraphDiff::compareKeys);
    for (String k : rem.keySet()) {
      groups.put(k, new Group(k, rem.get(k), add.getOrDefault(k, List.of())));
    }
    for (String k : add.keySet()) {
      groups.putIfAbsent(k, new Group(k, List.of(), add.get(k)));
    }
    return List.copyOf(groups.values());
  }

  private static int compareKeys(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.equals(OTHER)) {
      return 1;
    }
    if (b.equals(OTHER)) {
      return -1;
    }
    return RdfOutput.compareCodePoints(a, b);
  }

  /** The tracker a quad is about: its subject's tracker, else the topic of its named graph, else {@link #OTHER}. */
  String trackerOf(Quad q) {
    String t = tracker(q.getSubject());
    if (t == null && !q.isDefaultGraph()) {
      t = graphTopics.get(q.getGraph());
    }
    return t == null ? OTHER : t;
  }

  private static String tracker(Node n) {
    if (n == null || !n.isURI()) {
      return null;
    }
    Matcher m = TRACKER.matcher(n.getURI());
    return m.find() ? m.group(1) : null;
  }

  private static void topics(DatasetGraph dsg, Map<Node, String> out) {
    var it = dsg.find(Node.ANY, Node.ANY, Vocab.foafPrimaryTopic, Node.ANY);
    while (it.hasNext()) {
      Quad q = it.next();
      String t = tracker(q.getObject());
      if (t != null && q.getSubject().isURI()) {
        out.putIfAbsent(q.getSubject(), t);
      }
    }
  }

  /** A readable report: per tracker, {@code -} removed and {@code +} added statements, then a summary line. */
  public void writeText(PrintWriter out) {
    PrefixMap pm = PrefixMapFactory.create(Vocab.prefixes(guessBase()));
    List<Group> groups = byTracker();
    int trackers = 0;
    for (Group g : groups) {
      if (!g.key().equals(OTHER)) {
        trackers++;
      }
      String name = g.key().equals(OTHER) ? OTHER : NodeFmtLib.str(Vocab.uri(g.key()), pm);
      out.printf("%s  (-%d +%d)%n", name, g.removed().size(), g.added().size());
      for (Quad q : g.removed()) {
        out.println("  - " + line(q, pm));
      }
      for (Quad q : g.added()) {
        out.println("  + " + line(q, pm));
      }
    }
    out.printf("%d removed, %d added; %d tracker%s changed%s%s%n", removed.size(), added.size(), trackers,
        trackers == 1 ? "" : "s",
        groups.stream().anyMatch(g -> g.key().equals(OTHER)) ? ", and statements about no one tracker" : "",
        triplesOnly ? " (compared as triples: one side has no named graphs)" : "");
    out.flush();
  }

  private static String line(Quad q, PrefixMap pm) {
    String s = NodeFmtLib.str(q.getSubject(), pm) + " " + NodeFmtLib.str(q.getPredicate(), pm) + " "
        + NodeFmtLib.str(q.getObject(), pm);
    return q.isDefaultGraph() ? s : s + "  [" + NodeFmtLib.str(q.getGraph(), pm) + "]";
  }

  private String guessBase() {
    for (List<Quad> l : List.of(added, removed)) {
      for (Quad q : l) {
        String t = tracker(q.getSubject());
        if (t != null) {
          return t.substring(0, t.lastIndexOf("id/tracker/"));
        }
      }
    }
    return org.trackerkg.vocab.Iris.DEFAULT_BASE;
  }

  /**
   * Writes the RDF Patch (text form, one transaction) that turns OLD into NEW: the deletions ({@code D}), then the
   * additions ({@code A}), each sorted. Apply it with {@code RDFPatchOps.applyChange(dsg, patch)}.
   */
  public void writePatch(OutputStream out) {
    RDFChangesWriterText w = RDFPatchOps.textWriter(out);
    w.start();
    w.txnBegin();
    for (Quad q : removed) {
      w.delete(q.isDefaultGraph() ? null : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }
    for (Quad q : added) {
      w.add(q.isDefaultGraph() ? null : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }
    w.txnCommit();
    w.finish();
    try {
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The patch split into chunks of about {@code maxBytes} each (cut after the quad line that reaches it), each an
   * RDF Patch of its own ({@code TX … TC}); one chunk, the same bytes as {@link #writePatch}, when it fits.
   */
  public List<byte[]> patchChunks(int maxBytes) {
    List<byte[]> chunks = new ArrayList<>();
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    int total = removed.size() + added.size();
    int i = 0;
    do {
      // the writer buffers: flushed every CHECK_EVERY quads to see the chunk's size
      org.apache.jena.rdfpatch.text.TokenWriter tokens = org.apache.jena.rdfpatch.text.TokenWriterText.create(buf);
      RDFChangesWriterText w = new RDFChangesWriterText(tokens);
      w.start();
      w.txnBegin();
      for (int n = 1; i < total; i++, n++) {
        Quad q = i < removed.size() ? removed.get(i) : added.get(i - removed.size());
        Node g = q.isDefaultGraph() ? null : q.getGraph();
        if (i < removed.size()) {
          w.delete(g, q.getSubject(), q.getPredicate(), q.getObject());
        } else {
          w.add(g, q.getSubject(), q.getPredicate(), q.getObject());
        }
        if (n % CHECK_EVERY == 0) {
          tokens.flush();
          if (buf.size() >= maxBytes) {
            i++;
            break;
          }
        }
      }
      w.txnCommit();
      w.finish();
      tokens.flush();
      chunks.add(buf.toByteArray());
      buf.reset();
    } while (i < total);
    return chunks;
  }

  /** How many quads {@link #patchChunks} writes between looks at the chunk's size (a chunk passes it by fewer). */
  static final int CHECK_EVERY = 64;

  private static boolean hasNamedGraphs(DatasetGraph dsg) {
    Iterator<Node> it = dsg.listGraphNodes();
    while (it.hasNext()) {
      if (!dsg.getGraph(it.next()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The union of all graphs (named and default) as the default graph of a new dataset. */
  private static DatasetGraph asDefaultGraph(DatasetGraph dsg) {
    Graph g = DumpVerifier.unionOf(dsg);
    return org.apache.jena.sparql.core.DatasetGraphFactory.wrap(g);
  }
}
