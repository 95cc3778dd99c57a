package org.trackerkg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.dossier.Diagnostic;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.graph.GraphBuilder;

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

  public static Loaded load(List<Path> inputs, String base) {
    ReadResult read = DossierReader.read(inputs);
    GraphBuilder.Result g = GraphBuilder.create().base(base).build(read.dossiers());
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    all.addAll(g.diagnostics());
    return new Loaded(g.dataset(), g, read, all);
  }
}
