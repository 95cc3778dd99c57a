package org.trackerkg.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.dossier.Diagnostic;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.graph.GraphBuilder;
import org.trackerkg.link.WikidataLinks;

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
}
