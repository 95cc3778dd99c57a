package org.trackerkg.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
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
 *   <li>{@code tracker-tdb FILE.nq TDB_DIR}: our TrackerServer over TDB2 ({@code serve --tdb}), result cache off.</li>
 *   <li>{@code fuseki-tdb TDB2_DATABASE}: a bare FusekiServer over that TDB2 database (union default graph).</li>
 *   <li>{@code floor STATIC_DIR}: the HTTP floor, a bare Jetty (the same version, one connector, no servlets, no
 *       filters) whose one handler answers {@code /NAME} with the bytes of {@code STATIC_DIR/NAME} held in memory
 *       (Content-Type by suffix, Content-Length set): what any server on this Jetty can at best do per request.</li>
 * </ul>
 */
public final class ServeChild {
  private ServeChild() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path file = Path.of(args[1]);
    long t0 = System.nanoTime();
    if (mode.equals("tracker-tdb")) {
      // FILE.nq TDB_DIR: what `tkg serve --tdb` builds (the store loaded, or reused when it holds this input)
      DatasetGraph dsg = DatasetGraphFactory.create();
      RDFParser.source(file).parse(dsg);
      TrackerServer s = TrackerServer.create().dataset(dsg).base(Iris.DEFAULT_BASE).port(0).tdb(Path.of(args[2]))
          .resultCache(0).requestLog(null).build().start();
      dsg = null;
      System.out.printf("READY %d %.3f%n", s.port(), (System.nanoTime() - t0) / 1e9);
      System.out.flush();
      s.fuseki().join();
    } else if (mode.equals("fuseki-tdb")) {
      // TDB2_DATABASE: a bare Fuseki over that very database, the union of the named graphs as default graph
      DatasetGraph dsg = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(file.toString());
      dsg.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
      FusekiServer f = FusekiServer.create().port(0).loopback(true).enablePing(true).add("/sparql", dsg).build();
      fixOutputBuffer(f);
      f.start();
      System.out.printf("READY %d %.3f%n", f.getHttpPort(), (System.nanoTime() - t0) / 1e9);
      System.out.flush();
      f.join();
    } else if (mode.startsWith("tracker")) {
      DatasetGraph dsg = DatasetGraphFactory.create();
      RDFParser.source(file).parse(dsg);
      TrackerServer s = TrackerServer.create().dataset(dsg).base(Iris.DEFAULT_BASE).port(0)
          .resultCache(mode.equals("tracker-uncached") ? 0 : TrackerServer.DEFAULT_RESULT_CACHE_BYTES)
          .build().start();
      System.out.printf("READY %d %.3f%n", s.port(), (System.nanoTime() - t0) / 1e9);
      System.out.flush();
      s.fuseki().join();
    } else if (mode.equals("floor")) {
      Server jetty = floor(file);
      System.out.printf("READY %d %.3f%n", ((ServerConnector) jetty.getConnectors()[0]).getLocalPort(),
          (System.nanoTime() - t0) / 1e9);
      System.out.flush();
      jetty.join();
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

  /** A Jetty whose only handler answers each file of {@code dir} from memory. */
  static Server floor(Path dir) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put("/" + p.getFileName(), Files.readAllBytes(p));
      }
    }
    Server server = new Server();
    ServerConnector c = new ServerConnector(server);
    c.setHost("127.0.0.1");
    c.setPort(0);
    server.addConnector(c);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        byte[] body = files.get(path);
        if (body == null) {
          Response.writeError(request, response, callback, 404);
          return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, path.endsWith(".ttl") ? "text/turtle; charset=utf-8"
            : path.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
      }
    });
    server.start();
    return server;
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
