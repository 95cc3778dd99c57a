package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackerkg.publish.DumpWriter;

/**
 * Hostile clients: traversal, oversized URLs, headers and bodies, malformed headers and encodings, bad and
 * explosive SPARQL, writes, slow clients. Each gets a short 4xx/5xx without a stack trace, and the server stays up.
 */
class HostileHttpTest {
  static final Duration IDLE = Duration.ofSeconds(2);
  /** For the trickling clients: headers within 1 s, and the default 30 s idle timeout, which they never reach. */
  static final Duration HEADERS = Duration.ofSeconds(1);
  static TrackerServer server;
  static TrackerServer strict;
  static Path dumps;
  static Path secret;

  @BeforeAll
  static void start() throws IOException {
    Path root = Files.createTempDirectory("tkg-hostile-");
    dumps = Files.createDirectories(root.resolve("dumps"));
    secret = Files.writeString(root.resolve("secret.txt"), "top secret\n");
    var dsg = Fixture.seed();
    DumpWriter.create().write(dsg, dumps);
    server = Fixture.server(dsg).timeout(Duration.ofSeconds(1)).idleTimeout(IDLE).dumpsDir(dumps).build().start();
    strict = Fixture.server(dsg).headerTimeout(HEADERS).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    strict.stop();
  }

  @AfterEach
  void stillUp() throws Exception {
    assertEquals(200, Fixture.get(server, "/$/ping").statusCode(), "/$/ping after the case");
  }

  /** A response read off a raw socket: the status code and the whole text. */
  record Raw(int status, String text) {
    String body() {
      int i = text.indexOf("\r\n\r\n");
      return i < 0 ? "" : text.substring(i + 4);
    }

    String header(String name) {
      for (String line : text.split("\r\n")) {
        if (line.isEmpty()) {
          break;
        }
        int c = line.indexOf(':');
        if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase(name)) {
          return line.substring(c + 1).trim();
        }
      }
      return null;
    }
  }

  /** Sends the bytes as they are (no client-side normalisation of the path) and reads the response. */
  static Raw raw(byte[] request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException e) {
        // the server answered (413) and closed before the whole of a large request was written: read the answer
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      byte[] b = new byte[8192];
      try {
        for (int n; (n = in.read(b)) > 0 && buf.size() < 4 << 20; ) {
          buf.write(b, 0, n);
        }
      } catch (SocketException e) {
        // the server may reset after answering a request it will not read: keep what came
      }
      String text = buf.toString(StandardCharsets.ISO_8859_1);
      int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new Raw(status, text);
    }
  }

  static Raw rawGet(String target, String... headers) throws IOException {
    StringBuilder sb = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    sb.append("\r\n");
    return raw(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  static void assertShortError(int status, String body, String what) {
    assertTrue(status >= 400 && status < 600, what + ": status " + status + "\n" + body);
    assertNoTrace(body, what);
  }

  static void assertNoTrace(String body, String what) {
    assertFalse(body.contains("\tat ") || body.contains("at org.") || body.contains("at java.")
        || body.contains("Exception:") || body.contains("at jakarta."), what + ": stack trace in body\n" + body);
    assertTrue(body.length() < 64 * 1024, what + ": body of " + body.length() + " chars");
  }

  // ------------------------------------------------------------------ traversal

  @ParameterizedTest
  @ValueSource(strings = {"/dumps/../secret.txt", "/dumps/%2e%2e/secret.txt", "/dumps/%2E%2E%2Fsecret.txt",
      "/dumps/..%2fsecret.txt", "/dumps/%2fetc%2fpasswd", "/dumps//etc/passwd", "/dumps/..%5csecret.txt",
      "/dumps/....//secret.txt", "/dumps/%252e%252e%252fsecret.txt", "/dumps/.%2e/secret.txt",
      "/dumps/%00", "/dumps/SHA256SUMS%00.txt", "/dumps/../../../../../../etc/passwd",
      "/doc/../../../../etc/passwd", "/doc/%2e%2e/%2e%2e/etc/passwd", "/doc/tracker%2f..%2f..%2fsecret.txt",
      "/doc//etc/passwd", "/doc/tracker/..%2f..%2f..%2fdumps%2fSHA256SUMS", "/static/../secret.txt",
      "/static/%2e%2e/%2e%2e/pom.xml", "/static/..%2f..%2fpom.xml"})
  void traversalIsRefused(String target) throws Exception {
    Raw r = rawGet(target);
    assertShortError(r.status(), r.text(), target);
    assertFalse(r.text().contains("top secret"), target);
    assertFalse(r.text().contains("root:x:0:0"), target);
    assertFalse(r.text().contains("<artifactId>"), target);
  }

  @Test
  void absoluteUriInRequestLine() throws Exception {
    Raw r = rawGet("file:///etc/passwd");
    assertShortError(r.status(), r.text(), "file: URI");
    assertFalse(r.text().contains("root:x:0:0"));
    Raw r2 = rawGet("http://127.0.0.1:" + server.port() + "/dumps/../secret.txt");
    assertFalse(r2.text().contains("top secret"));
  }

  @Test
  void dumpsStillServed() throws Exception {
    Raw r = rawGet("/dumps/SHA256SUMS");
    assertEquals(200, r.status(), r.text());
  }

  // ------------------------------------------------------------------ sizes

  @Test
  void urlOver64KbIs414() throws Exception {
    String q = "/sparql?query=" + "a".repeat(70 * 1024);
    Raw r = rawGet(q);
    assertEquals(414, r.status(), r.text().substring(0, Math.min(500, r.text().length())));
    assertNoTrace(r.body(), "long URL");
  }

  @Test
  void longButReasonableGetQueryWorks() throws Exception {
    // a 20 KB query string (a long VALUES list) is still a valid GET
    StringBuilder values = new StringBuilder();
    for (int i = 0; values.length() < 20_000; i++) {
      values.append("<urn:x:").append(i).append("> ");
    }
    String q = "SELECT ?x { VALUES ?x { " + values + "} } LIMIT 1";
    HttpResponse<String> r = Fixture.get(server, "/sparql?query=" + Fixture.enc(q), "Accept",
        "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void hugeHeaderIsRefused() throws Exception {
    Raw r = rawGet("/", "X-Junk: " + "b".repeat(100 * 1024));
    assertTrue(r.status() == 431 || r.status() == 400 || r.status() == 413, "status " + r.status());
    assertNoTrace(r.body(), "huge header");
  }

  @Test
  void oversizedQueryBodyIs413() throws Exception {
    String big = "SELECT * { ?s ?p ?o } #" + "x".repeat(2 << 20);
    HttpResponse<String> r = Fixture.post(server, "/sparql", "application/sparql-query", big);
    assertEquals(413, r.statusCode());
    assertNoTrace(r.body(), "big body");
    HttpResponse<String> form = Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
        "query=" + Fixture.enc(big));
    assertEquals(413, form.statusCode());
    assertNoTrace(form.body(), "big form");
  }

  @Test
  void oversizedChunkedBodyIs413() throws Exception {
    for (String type : List.of("application/sparql-query", "application/x-www-form-urlencoded")) {
      byte[] chunk = ("query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20%23" + "x".repeat(60_000))
          .getBytes(StandardCharsets.ISO_8859_1);
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      req.writeBytes(("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type
          + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      for (int i = 0; i < 40; i++) { // 2.4 MB
        req.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        req.writeBytes(i == 0 ? chunk : "x".repeat(chunk.length).getBytes(StandardCharsets.ISO_8859_1));
        req.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      req.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      Raw r = raw(req.toByteArray());
      assertEquals(413, r.status(), type + ": " + r.text().substring(0, Math.min(600, r.text().length())));
      assertNoTrace(r.body(), type);
    }
  }

  @Test
  void smallPostQueryStillWorks() throws Exception {
    HttpResponse<String> r = Fixture.post(server, "/sparql", "application/sparql-query",
        "ASK { ?s ?p ?o }", "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    HttpResponse<String> f = Fixture.post(server, "/sparql", "application/x-www-form-urlencoded",
        "query=" + Fixture.enc("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
    assertEquals(200, f.statusCode(), f.body());
  }

  // ------------------------------------------------------------------ malformed headers and encodings

  @ParameterizedTest
  @ValueSource(strings = {";;;", ",,,", "text/html;q=abc", "text/html;q=2", "*/*;q=", "q=0.5", "/", "text/",
      "/html", "text/html;;;q=0.5;;", "text/html; q=-1", "\u00ff\u00fe", "*/*;q=0.000001", "text/*;q=NaN",
      "application/sparql-results+json;q=1e999"})
  void malformedAcceptHeaders(String accept) throws Exception {
    String longAccept = accept.repeat(10);
    for (String target : List.of("/", "/doc/tracker/mparticle", "/sparql?query=" + Fixture.enc("ASK {}"),
        "/void", "/ontology", "/dumps/")) {
      for (String a : List.of(accept, longAccept)) {
        Raw r = rawGet(target, "Accept: " + a);
        assertTrue(r.status() > 0 && r.status() < 600, target + " Accept " + a + ": " + r.text());
        if (r.status() >= 400) {
          assertNoTrace(r.body(), target + " Accept " + a);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/doc/tracker/a%20b", "/doc/tracker/%3Cscript%3E", "/doc/tracker/%00",
      "/doc/tracker/a%7B%7D%7C%5E%60", "/doc/%22%3E%3Cx%3E", "/doc/tracker/%ff%fe", "/id/tracker/%ff",
      "/doc/tracker/x.ttl%00", "/doc/tracker/" + "%e2%82" , "/doc/ tracker", "/doc/tracker/a#frag",
      "/graph/%0d%0aSet-Cookie:%20x=1", "/id/%0d%0aLocation:%20http://evil/"})
  void invalidIrisInDocPaths(String target) throws Exception {
    Raw r = rawGet(target, "Accept: text/turtle");
    assertShortError(r.status(), r.text(), target);
    assertFalse(r.text().toLowerCase(Locale.ROOT).contains("\r\nset-cookie"), target);
    assertFalse(r.text().contains("\r\nLocation: http://evil"), target);
    Raw h = rawGet(target, "Accept: text/html");
    assertShortError(h.status(), h.text(), target + " (html)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/sparql?query=%ff%fe", "/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20%23%ff",
      "/?q=%ff%fe", "/sparql?format=html&query=%ff%fe", "/doc/tracker/mparticle?format=%ff", "/?q=%",
      "/sparql?query=%", "/sparql?query=%zz", "/void?format=%c0%ae"})
  void nonUtf8QueryStrings(String target) throws Exception {
    Raw r = rawGet(target);
    assertTrue(r.status() > 0, target + ": no response");
    if (r.status() >= 400) {
      assertShortError(r.status(), r.text(), target);
    }
  }

  // ------------------------------------------------------------------ SPARQL

  @Test
  void syntaxErrorIs400WithTheParsersMessage() throws Exception {
    HttpResponse<String> r = Fixture.get(server, "/sparql?query=" + Fixture.enc("SELECT * WHERE { ?s ?p }"),
        "Accept", "application/sparql-results+json");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("line 1") || r.body().contains("Encountered"), r.body());
    assertNoTrace(r.body(), "syntax error");
    HttpResponse<String> html = Fixture.get(server, "/sparql?format=html&query="
        + Fixture.enc("SELECT * WHERE { ?s ?p }"));
    assertEquals(400, html.statusCode());
    assertTrue(html.body().contains("Encountered") || html.body().contains("line 1"));
    assertNoTrace(html.body().replace("at line", ""), "syntax error page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
      "SELECT * { SERVICE SILENT <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } }",
      "SELECT * { BIND(<http://127.0.0.1:1/> AS ?u) SERVICE ?u { ?s ?p ?o } }",
      "SELECT * FROM <http://127.0.0.1:1/x.ttl> { ?s ?p ?o }",
      "LOAD <http://127.0.0.1:1/x.ttl>", "DROP ALL", "CLEAR DEFAULT",
      "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"})
  void serviceAndUpdatesAreRefused(String q) throws Exception {
    HttpResponse<String> g = Fixture.get(server, "/sparql?query=" + Fixture.enc(q), "Accept",
        "application/sparql-results+json");
    assertNoTrace(g.body(), q);
    assertFalse(g.body().contains("\"bindings\": [ {") , q + ": " + g.body());
    for (String[] post : List.of(new String[] {"application/sparql-update", q},
        new String[] {"application/x-www-form-urlencoded", "update=" + Fixture.enc(q)})) {
      for (String path : List.of("/sparql", "/update", "/sparql/update", "/$/datasets", "/data")) {
        HttpResponse<String> p = Fixture.post(server, path, post[0], post[1]);
        assertShortError(p.statusCode(), p.body(), path + " " + post[0] + " " + q);
      }
    }
    HttpResponse<String> gu = Fixture.get(server, "/sparql?update=" + Fixture.enc(q));
    assertShortError(gu.statusCode(), gu.body(), "GET update");
    HttpResponse<String> ask = Fixture.get(server, "/sparql?query=" + Fixture.enc("ASK { ?s ?p ?o }"), "Accept",
        "application/sparql-results+json");
    assertTrue(ask.body().contains("true"), "data still there after " + q);
  }

  @Test
  void graphStoreWritesAreRefused() throws Exception {
    for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
      for (String target : List.of("/sparql?default", "/sparql?graph=urn:x:g", "/data?default", "/sparql/data",
          "/")) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url() + target.substring(1)))
            .method(method, HttpRequest.BodyPublishers.ofString("<urn:x:a> <urn:x:b> <urn:x:c> ."))
            .header("Content-Type", "application/n-triples").timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r = Fixture.send(req);
        assertShortError(r.statusCode(), r.body(), method + " " + target);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
      "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?e ?i",
      "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
      "PREFIX : <https://w3id.org/tracker-kg/ontology#> SELECT * { ?s (:p|!:p)* ?o }",
      "PREFIX : <https://w3id.org/tracker-kg/ontology#> SELECT (COUNT(*) AS ?n) { ?s (:p|!:p)* ?o . ?x ?y ?z }",
      "PREFIX : <https://w3id.org/tracker-kg/ontology#> SELECT DISTINCT ?s { ?s (:p|!:p)*/(:p|!:p)* ?o } "
          + "ORDER BY ?s",
      "CONSTRUCT { ?a ?b ?f } { ?a ?b ?c . ?d ?e ?f }",
      "SELECT (GROUP_CONCAT(STR(?c)) AS ?x) { ?a ?b ?c . ?d ?e ?f }"})
  void explosiveQueriesAreBounded(String q) throws Exception {
    Runtime rt = Runtime.getRuntime();
    long t0 = System.nanoTime();
    HttpResponse<String> r = Fixture.get(server, "/sparql?query=" + Fixture.enc(q), "Accept",
        "application/sparql-results+json");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 15_000, q + ": took " + ms + " ms");
    if (r.statusCode() != 200) {
      assertShortError(r.statusCode(), r.body(), q);
    } else if (!q.contains("GROUP_CONCAT")) {
      // rows are capped; one aggregated value is not (a documented limit): only its page is cut
      assertTrue(r.body().length() < 64 << 20, q + ": " + r.body().length() + " chars");
    }
    System.out.printf("explosive query: %d in %d ms: %s%n", r.statusCode(), ms, q);
    HttpResponse<String> page = Fixture.get(server, "/sparql?format=html&query=" + Fixture.enc(q));
    long ms2 = (System.nanoTime() - t0) / 1_000_000 - ms;
    assertTrue(ms2 < 15_000, q + " (page): took " + ms2 + " ms");
    if (page.statusCode() == 200) {
      assertTrue(page.body().length() < 64 << 20, q + " (page): " + page.body().length() + " chars");
    } else {
      assertShortError(page.statusCode(), page.body().replace("at line", ""), q + " (page)");
    }
    assertTrue(rt.totalMemory() - rt.freeMemory() < rt.maxMemory(), "memory");
  }

  // ------------------------------------------------------------------ slow clients

  @Test
  void clientThatStopsSendingHeadersIsDisconnected() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout((int) IDLE.toMillis() * 5);
      s.getOutputStream().write("GET /$/ping HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      long t0 = System.nanoTime();
      int got = readUntilClosed(s);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(got >= 0, "closed by the server, not by our read timeout (" + ms + " ms)");
      assertTrue(ms < IDLE.toMillis() * 4, "closed after " + ms + " ms");
    }
  }

  @Test
  void byteByByteSlowerThanIdleTimeoutIsDisconnected() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(200);
      byte[] req = "GET /$/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      long t0 = System.nanoTime();
      boolean closed = false;
      try {
        for (byte b : req) {
          s.getOutputStream().write(b);
          s.getOutputStream().flush();
          Thread.sleep(IDLE.toMillis() + 500);
          try {
            if (s.getInputStream().read() < 0) {
              closed = true;
              break;
            }
          } catch (SocketTimeoutException e) {
            // still open
          }
        }
      } catch (SocketException e) {
        closed = true;
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(closed, "still open after " + ms + " ms");
    }
  }

  @Test
  void clientThatNeverReadsIsDisconnected() throws Exception {
    // pipelined requests for the largest dump, and never a read: the server's writes block, then time out and
    // the server drops the connection, while other clients are served all along
    Path largest = Files.list(dumps).max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int k = 0; k < 4; k++) {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setReceiveBufferSize(4096);
        sockets.add(s);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
          sb.append("GET /dumps/").append(largest.getFileName()).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        try {
          s.getOutputStream().write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          // the server may already have given up on us
        }
      }
      assertEquals(200, Fixture.get(server, "/$/ping").statusCode());
      var connector = server.fuseki().getJettyServer().getConnectors()[0];
      long t0 = System.nanoTime();
      long deadline = t0 + IDLE.toNanos() * 10;
      while (!connector.getConnectedEndPoints().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("never-reading clients dropped after %d ms%n", ms);
      assertTrue(connector.getConnectedEndPoints().isEmpty(), connector.getConnectedEndPoints().size()
          + " connections still open after " + ms + " ms");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /**
   * Sends {@code request} to the strict server one byte every 100 ms (far inside its 30 s idle timeout) until
   * the server ends the connection; returns what the server sent, or null when the whole request went through
   * without it doing so. After the sixth byte, another client is served meanwhile.
   */
  static String trickle(byte[] request) throws Exception {
    return trickle(request, request.length);
  }

  /** As {@link #trickle(byte[])}, but null already when the first {@code upTo} bytes went through. */
  static String trickle(byte[] request, int upTo) throws Exception {
    try (Socket s = new Socket("127.0.0.1", strict.port())) {
      s.setSoTimeout(1);
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      for (int i = 0; i < upTo; i++) {
        try {
          s.getOutputStream().write(request[i]);
          s.getOutputStream().flush();
        } catch (SocketException e) {
          return got.toString(StandardCharsets.ISO_8859_1); // reset: it is gone
        }
        if (i == 5) {
          assertEquals(200, Fixture.get(strict, "/$/ping").statusCode(), "another client, meanwhile");
        }
        Thread.sleep(100);
        try {
          for (int b; (b = in.read()) >= 0; ) {
            got.write(b);
          }
          return got.toString(StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
          // still open
        } catch (SocketException e) {
          return got.toString(StandardCharsets.ISO_8859_1);
        }
      }
      return null;
    }
  }

  @Test
  @Timeout(120)
  void headersTrickledInsideTheIdleTimeoutAreCutOff() throws Exception {
    // 300 bytes at 10 a second: 30 s to send, each byte resetting the idle timeout; the header limit is 1 s
    byte[] req = ("GET /$/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "s".repeat(250) + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    String got = trickle(req);
    assertTrue(got != null, "the whole request was sent and the connection is still open");
    assertTrue(got.isEmpty() || got.startsWith("HTTP/1.1 408"), got);
    assertEquals(200, Fixture.get(strict, "/$/ping").statusCode(), "others are still served");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/sparql-query", "application/x-www-form-urlencoded"})
  @Timeout(120)
  void bodyTrickledInsideTheIdleTimeoutIs408(String type) throws Exception {
    // headers at once, then a 300-byte body at 10 bytes a second: under the 1 KiB/s minimum body rate
    String q = "SELECT * { ?s ?p ?o } LIMIT 1 #" + "x".repeat(269);
    String query = type.endsWith("form-urlencoded") ? "query=" + Fixture.enc(q) : q;
    String head = "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n"
        + "Content-Length: " + query.length() + "\r\n\r\n";
    try (Socket s = new Socket("127.0.0.1", strict.port())) {
      s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      s.setSoTimeout(1);
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      boolean ended = false;
      for (int i = 0; i < query.length() && !ended; i++) {
        try {
          s.getOutputStream().write(query.charAt(i));
          s.getOutputStream().flush();
          Thread.sleep(100);
          for (int b; (b = in.read()) >= 0; ) {
            got.write(b);
          }
          ended = true;
        } catch (SocketTimeoutException e) {
          // still open
        } catch (SocketException e) {
          ended = true;
        }
      }
      String text = got.toString(StandardCharsets.ISO_8859_1);
      assertTrue(ended, "the whole body was sent and the connection is still open: " + text);
      assertTrue(text.startsWith("HTTP/1.1 408"), text);
      assertNoTrace(text, "slow body");
    }
    assertEquals(200, Fixture.get(strict, "/$/ping").statusCode(), "others are still served");
  }

  @Test
  @Timeout(120)
  void blankLinesTrickledBeforeTheRequestLineAreCutOff() throws Exception {
    // Jetty skips blank lines before a request line without limit: 150 of them would take 30 s at this pace
    String got = trickle(("\r\n".repeat(150) + "GET /$/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1), 300);
    assertTrue(got != null, "the blank lines were all sent and the connection is still open");
    assertTrue(got.isEmpty() || got.startsWith("HTTP/1.1 408"), got);
  }

  @Test
  @Timeout(120)
  void keepAliveConnectionBetweenRequestsIsNotCutByTheHeaderLimit() throws Exception {
    // waiting for the next request is the idle timeout's business, not the header limit's
    try (Socket s = new Socket("127.0.0.1", strict.port())) {
      s.setSoTimeout(20_000);
      byte[] ping = "GET /$/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      s.getOutputStream().write(ping);
      s.getOutputStream().flush();
      assertTrue(readResponse(s.getInputStream()).startsWith("HTTP/1.1 200"));
      Thread.sleep(HEADERS.toMillis() * 3);
      s.getOutputStream().write(ping);
      s.getOutputStream().flush();
      assertTrue(readResponse(s.getInputStream()).startsWith("HTTP/1.1 200"), "same connection, second request");
    }
  }

  /** One response off a kept-alive connection: status line, headers, and a Content-Length or chunked body. */
  static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    while (!buf.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      buf.write(b);
    }
    String head = buf.toString(StandardCharsets.ISO_8859_1);
    String lower = head.toLowerCase(Locale.ROOT);
    int cl = lower.indexOf("\r\ncontent-length:");
    if (cl >= 0) {
      int n = Integer.parseInt(head.substring(cl + 17, head.indexOf("\r\n", cl + 2)).trim());
      buf.write(in.readNBytes(n));
    } else if (lower.contains("transfer-encoding: chunked")) {
      while (!buf.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        buf.write(b);
      }
    }
    return buf.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads until end of stream; the bytes read, or -1 when our own read timed out first. */
  static int readUntilClosed(Socket s) throws IOException {
    int total = 0;
    byte[] b = new byte[65536];
    try {
      for (int n; (n = s.getInputStream().read(b)) >= 0; ) {
        total += n;
      }
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (SocketException e) {
      return total; // reset by the server
    }
    return total;
  }

  @Test
  void idleTimeoutIsConfiguredOnEveryConnector() {
    for (var c : server.fuseki().getJettyServer().getConnectors()) {
      assertEquals(IDLE.toMillis(), c.getIdleTimeout());
    }
    assertEquals(TrackerServer.DEFAULT_IDLE_TIMEOUT, Duration.ofSeconds(30));
  }
}
