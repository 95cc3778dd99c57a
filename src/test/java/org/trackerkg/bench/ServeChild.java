package org.trackerkg.bench;

import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.vocab.Iris;

/**
 * Not a test: one server in a fresh JVM, run by {@link BenchHarness}; prints {@code READY <port>} when it answers,
 * then serves until killed.
 * <ul>
 *   <li>{@code tracker FILE.nq}: our TrackerServer over the N-Quads dump (named graphs, as the pipeline builds them),
 *       configured as {@code tkg serve} configures it (request log on: to this JVM's stderr).</li>
 *   <li>{@code fuseki FILE.nt STATIC_DIR}: a bare embedded FusekiServer, the N-Triples dump in an in-memory
 *       transactional dataset at {@code /sparql}, output buffer fixed at 32 KiB (after build(), before start()),
 *       and {@code STATIC_DIR} as its static file base (the static-file baseline through the same Jetty).</li>
 * </ul>
 */
public final class ServeChild {
  private ServeChild() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path file = Path.of(args[1]);
    long t0 = System.nanoTime();
    if (mode.startsWith("tracker")) {
      DatasetGraph dsg = DatasetGraphFactory.create();
      RDFParser.source(file).parse(dsg);
      TrackerServer s = TrackerServer.create().dataset(dsg).base(Iris.DEFAULT_BASE).port(0)
          .resultCache(mode.equals("tracker-uncached") ? 0 : TrackerServer.DEFAULT_RESULT_CACHE_BYTES)
          .build().start();
      System.out.printf("READY %d %.3f%n", s.port(), (System.nanoTime() - t0) / 1e9);
      System.out.flush();
      s.fuseki().join();
    } else {
      DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
      RDFParser.source(file).parse(dsg);
      FusekiServer.Builder b = FusekiServer.create().port(0).loopback(true).enablePing(true).add("/sparql", dsg);
      if (args.length > 2) {
        b.staticFileBase(args[2]);
      }
      FusekiServer f = b.build();
      fixOutputBuffer(f);
      f.start();
      System.out.printf("READY %d %.3f%n", f.getHttpPort(), (System.nanoTime() - t0) / 1e9);
      System.out.flush();
      f.join();
    }
  }

  static void fixOutputBuffer(FusekiServer f) {
    for (Connector c : f.getJettyServer().getConnectors()) {
      HttpConnectionFactory h = c.getConnectionFactory(HttpConnectionFactory.class);
      if (h != null) {
        h.getHttpConfiguration().setOutputBufferSize(32768);
      }
    }
  }
}
