package org.trackerkg.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.graph.GraphBuilder;
import org.trackerkg.link.WikidataLinks;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/** Inputs → dossiers → dataset: the first stages of the data flow, shared by every command and the server. */
public final class Pipeline {
  private Pipeline() {}

  /** The dataset built from the inputs, with every diagnostic of reading and mapping. */
  public record Loaded(DatasetGraph dataset, GraphBuilder.Result graph, ReadResult read,
      List<Diagnostic> diagnostics) {
    /** Whether some input could not be read (the rest was still loaded). */
    public boolean hasInputErrors() {
      return read.hasErrors();
    }

    public int dossierCount() {
      return read.dossiers().size();
    }
  }

  /** Loads the inputs, with {@code links/wikidata.tsv} of an input folder when there is one. */
  public static Loaded load(List<Path> inputs, String base) {
    return load(inputs, base, WikidataLinks.find(inputs));
  }

  /** Loads the inputs and the Wikidata links file {@code links} (none when null). */
  public static Loaded load(List<Path> inputs, String base, Path links) {
    ReadResult read = DossierReader.read(inputs);
    GraphBuilder.Result g = GraphBuilder.create().base(base).build(read.dossiers());
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    all.addAll(g.diagnostics());
    if (links != null) {
      try {
        WikidataLinks.Outcome o = WikidataLinks.apply(WikidataLinks.read(links), g.dataset(), g.iris());
        all.addAll(o.diagnostics());
        Map<String, String> files = new TreeMap<>(g.sourceFiles());
        files.put(o.graph(), links.toString());
        g = new GraphBuilder.Result(g.dataset(), g.diagnostics(), g.iris(), Collections.unmodifiableMap(files));
      } catch (IOException e) {
        List<Diagnostic> errors = new ArrayList<>(read.diagnostics());
        errors.add(Diagnostic.error(links.toString(), 0, "cannot read: " + e.getMessage()));
        read = new ReadResult(read.dossiers(), errors);
        all.add(errors.get(errors.size() - 1));
      }
    }
    return new Loaded(g.dataset(), g, read, all);
  }

  /** What {@link #stream} read and mapped: the dossier count, every diagnostic, and the source of each graph. */
  public record Streamed(int dossiers, List<Diagnostic> diagnostics, boolean hasInputErrors,
      Map<String, String> sourceFiles, long firstPassNanos, long secondPassNanos) {}

  /**
   * The quads of {@link #load} for a corpus larger than memory, each sent to {@code sink} (in no particular order,
   * possibly more than once) instead of kept. Two passes over the files: the first keeps each dossier without its
   * text, to resolve trackers and organisations across the corpus; the second reads each file again and maps its
   * dossiers one at a time. Memory grows with the number of dossiers and organisations, not with their text.
   */
  public static Streamed stream(List<Path> inputs, String base, Consumer<Quad> sink) {
    return stream(inputs, base, WikidataLinks.find(inputs), sink);
  }

  public static Streamed stream(List<Path> inputs, String base, Path links, Consumer<Quad> sink) {
    long t0 = System.nanoTime();
    List<Diagnostic> all = new ArrayList<>();
    List<Dossier> outlines = new ArrayList<>();
    boolean inputErrors = false;
    List<String> files = DossierReader.files(inputs, all);
    for (String f : files) {
      ReadResult r = DossierReader.readFile(f);
      all.addAll(r.diagnostics());
      r.dossiers().forEach(d -> outlines.add(d.withoutText()));
    }
    inputErrors = all.stream().anyMatch(Diagnostic::isError);

    // what applying the Wikidata links needs of the data: the organisations and their labels
    Iris iris = new Iris(base);
    String orgBase = iris.org("");
    DatasetGraph orgs = DatasetGraphFactory.create();
    Node orgType = TKG.Organization.asNode();
    Consumer<Quad> tee = links == null ? sink : q -> {
      if ((q.getPredicate().equals(Vocab.type) && q.getObject().equals(orgType))
          || (q.getPredicate().equals(Vocab.label) && q.getSubject().isURI()
              && q.getSubject().getURI().startsWith(orgBase))) {
        orgs.add(q);
      }
      sink.accept(q);
    };
    long t1 = System.nanoTime();
    GraphBuilder.Streamed g = GraphBuilder.create().base(base).stream(outlines, new Rereader(), tee);
    all.addAll(g.diagnostics());
    Map<String, String> sourceFiles = new TreeMap<>(g.sourceFiles());
    if (links != null) {
      try {
        WikidataLinks.Outcome o = WikidataLinks.apply(WikidataLinks.read(links), orgs, g.iris());
        all.addAll(o.diagnostics());
        orgs.find(NodeFactory.createURI(o.graph()), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink);
        sourceFiles.put(o.graph(), links.toString());
      } catch (IOException e) {
        all.add(Diagnostic.error(links.toString(), 0, "cannot read: " + e.getMessage()));
        inputErrors = true;
      }
    }
    return new Streamed(outlines.size(), all, inputErrors, Collections.unmodifiableMap(sourceFiles), t1 - t0,
        System.nanoTime() - t1);
  }

  /** Gives a dossier whole again from its outline, reading its file anew (one file at a time is kept). */
  private static final class Rereader implements Function<Dossier, Dossier> {
    private String file;
    private Map<Dossier, Dossier> byOutline = Map.of();

    @Override
    public Dossier apply(Dossier outline) {
      if (!outline.source().file().equals(file)) {
        file = outline.source().file();
        byOutline = new HashMap<>();
        for (Dossier d : DossierReader.readFile(file).dossiers()) {
          byOutline.put(d.withoutText(), d);
        }
      }
      return byOutline.get(outline);
    }
  }
}
