package org.trackerkg.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.trackerkg.vocab.TKG;

/** The ontology and the shapes, read from the classpath (the build copies them there from {@code ontology/}). */
public final class Ontology {
  public static final String TRACKER_TTL = "/org/trackerkg/ontology/tracker.ttl";
  public static final String SHAPES_TTL = "/org/trackerkg/ontology/shapes.ttl";

  private static volatile Graph ontology;
  private static volatile Graph shapes;

  private Ontology() {}

  public static Graph graph() {
    if (ontology == null) {
      ontology = load(TRACKER_TTL);
    }
    return ontology;
  }

  public static Graph shapesGraph() {
    if (shapes == null) {
      shapes = load(SHAPES_TTL);
    }
    return shapes;
  }

  public static byte[] bytes(String resource) {
    try (InputStream in = Ontology.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " (was the project built?)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Graph load(String resource) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.create().fromString(new String(bytes(resource), java.nio.charset.StandardCharsets.UTF_8))
        .lang(Lang.TURTLE).base(TKG.NS).parse(g);
    return g;
  }
}
