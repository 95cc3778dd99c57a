package org.trackerkg.server;

import java.nio.file.Path;
import java.util.List;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/**
 * One server over the whole published data set (data/), started once for the page tests that need the real corpus
 * (loading it takes most of a test's time); read-only, so the tests can share it. Stopped when the JVM ends.
 */
final class CorpusServer {
  private static TrackerServer server;

  private CorpusServer() {}

  static synchronized TrackerServer get() {
    if (server == null) {
      server = Fixture.server(Pipeline.load(List.of(Path.of("data")), Iris.DEFAULT_BASE).dataset()).build().start();
      TrackerServer s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
    }
    return server;
  }
}
