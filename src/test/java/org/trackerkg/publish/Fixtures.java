package org.trackerkg.publish;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/** Test datasets parsed from the TriG fixtures beside these tests. */
final class Fixtures {
  static final String BASE = "https://w3id.org/tracker-kg/";

  private Fixtures() {}

  static DatasetGraph small() {
    return load("small.trig");
  }

  static DatasetGraph load(String name) {
    DatasetGraph dsg = DatasetGraphFactory.create();
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dsg;
  }

  /** The same quads added in reverse order (determinism must not depend on insertion order). */
  static DatasetGraph reversed(DatasetGraph dsg) {
    List<Quad> qs = new ArrayList<>();
    dsg.find().forEachRemaining(qs::add);
    Collections.reverse(qs);
    DatasetGraph out = DatasetGraphFactory.create();
    qs.forEach(out::add);
    return out;
  }
}
