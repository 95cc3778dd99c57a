package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21, items 5, 7, 11 and 12, with a raw client on a real server: malformed Accept and Authorization headers are
 * 4xx with the security headers, cross-origin writes are refused, CORS never allows credentials, and the update
 * password is compared byte for byte (no properties-file parsing, no temporary file).
 */
class HostileClientsTest {
  static final String PASSWORD = "back\\slash x\\u0041y";
  static TrackerServer server;

  @BeforeAll
  static void start() {
    DatasetGraph dsg = Fixture.seed();
    server = Fixture.server(dsg).updatePassword(PASSWORD).resultCache(0).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  record Raw(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int c = line.indexOf(':');
        if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase(name)) {
          return line.substring(c + 1).trim();
        }
      }
      return null;
    }
  }

  static Raw raw(String method, String target, String body, String... headers) throws IOException {
    return raw(server, method, target, body, headers);
  }

  static Raw raw(TrackerServer server, String method, String target, String body, String... headers)
      throws IOException {
    return raw(server, method, target, body, -1, headers);
  }

  /** Sends {@code sent} bytes of the body only when it is not negative (a body that stops arriving). */
  static Raw raw(TrackerServer server, String method, String target, String body, int sent, String... headers)
      throws IOException {
    StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
        + "\r\nConnection: close\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      sb.append("Content-Length: ").append(b.length).append("\r\n");
    }
    sb.append("\r\n");
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      SocketException writeFailed = null;
      try {
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(b, 0, sent < 0 ? b.length : sent);
        out.flush();
      } catch (SocketException e) {
        writeFailed = e; // the server answered (413, 400…) and closed before the whole body was sent: read its answer
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      try {
        for (int n; (n = in.read(chunk)) > 0; ) {
          buf.write(chunk, 0, n);
        }
      } catch (SocketException e) {
        // reset after the answer: keep what came
      }
      String text = buf.toString(StandardCharsets.UTF_8);
      if (text.length() < 12 && writeFailed != null) {
        throw writeFailed;
      }
      int i = text.indexOf("\r\n\r\n");
      return new Raw(Integer.parseInt(text.substring(9, 12)), i < 0 ? text : text.substring(0, i),
          i < 0 ? "" : text.substring(i + 4));
    }
  }

  static void assertSecurityHeaders(Raw r, String what) {
    assertTrue(r.header("Content-Security-Policy") != null, what + ": no CSP\n" + r.head());
    assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
    assertEquals("no-referrer", r.header("Referrer-Policy"), what);
  }

  static void assertShort4xx(Raw r, String what) {
    assertTrue(r.status() >= 400 && r.status() < 500, what + ": " + r.status() + "\n" + r.body());
    HostileHttpTest.assertNoTrace(r.body(), what);
    assertFalse(r.body().contains("Exception"), what + ": " + r.body());
    assertSecurityHeaders(r, what);
  }

  static String basic(String userPass) {
    return "Authorization: Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }

  static String update(String body) {
    return "update=" + Fixture.enc(body);
  }

  static long graphs() throws Exception {
    var r = Fixture.get(server, "/sparql?query=" + Fixture.enc("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g {} }"),
        "Accept", "text/csv");
    return Long.parseLong(r.body().split("\r?\n")[1].trim());
  }

  // item 5
  @ParameterizedTest
  @ValueSource(strings = {";", " ; ", ";;;,,,;q=", ",", "q=;"})
  void malformedAcceptIsNeverA500(String accept) throws Exception {
    for (String path : List.of("/", "/sparql", "/void", "/ontology", "/queries/", "/match?q=a.com", "/reconcile",
        "/sparql?query=" + Fixture.enc("ASK {}"))) {
      Raw r = raw("GET", path, null, "Accept: " + accept);
      assertTrue(r.status() < 500, path + " with Accept '" + accept + "': " + r.status() + "\n" + r.body());
      assertSecurityHeaders(r, path);
    }
  }

  // item 7
  @ParameterizedTest
  @ValueSource(strings = {"Basic !!!", "Basic =", "Basic YWRtaW46eA==junk!", "Basic  YWRtaW46eA==", "Basic",
      "Bearer x", "Basic YWRtaW4="})
  void malformedAuthorizationIs401WithTheHeaders(String auth) throws Exception {
    Raw u = raw("POST", "/update", update("INSERT DATA { <urn:x:a> <urn:x:b> 1 }"),
        "Content-Type: application/x-www-form-urlencoded", "Authorization: " + auth.substring(0, auth.length()));
    assertEquals(401, u.status(), auth + "\n" + u.body());
    assertShort4xx(u, "/update with " + auth);
    assertTrue(u.header("WWW-Authenticate").startsWith("Basic"), u.head());
    Raw d = raw("GET", "/data?default", null, "Authorization: " + auth);
    assertEquals(401, d.status(), auth);
    assertShort4xx(d, "/data with " + auth);
    Raw s = raw("GET", "/sparql?query=" + Fixture.enc("ASK {}"), null, "Authorization: " + auth,
        "Accept: application/sparql-results+json");
    assertEquals(200, s.status(), "/sparql ignores credentials: " + auth + "\n" + s.body());
  }

  // item 12
  @Test
  void thePasswordIsComparedByteForByte() throws Exception {
    long before = graphs();
    String ins = update("INSERT DATA { GRAPH <urn:x:pw> { <urn:x:a> <urn:x:b> 1 } }");
    String form = "Content-Type: application/x-www-form-urlencoded";
    for (String wrong : List.of("backslash xAy", "back\\slash xAy", "backslash x\\u0041y", "OBF:" + PASSWORD,
        PASSWORD + " ", "")) {
      assertEquals(401, raw("POST", "/update", ins, form, basic("admin:" + wrong)).status(), wrong);
    }
    assertEquals(401, raw("POST", "/update", ins, form, basic("root:" + PASSWORD)).status());
    assertEquals(before, graphs());
    Raw ok = raw("POST", "/update", ins, form, basic("admin:" + PASSWORD));
    assertTrue(ok.status() == 200 || ok.status() == 204, ok.status() + "\n" + ok.body());
    assertEquals(before + 1, graphs());
    try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertFalse(tmp.anyMatch(p -> p.getFileName().toString().startsWith("tkg-realm-")
          && readable(p).contains(PASSWORD)), "the password in a temporary file");
    }
  }

  static String readable(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }

  // item 6
  @Test
  void aStalledBodyIs408WithoutExceptionText() throws Exception {
    TrackerServer idle = Fixture.server(Fixture.seed()).idleTimeout(java.time.Duration.ofSeconds(2)).build().start();
    try {
      Raw r = raw(idle, "POST", "/sparql", "query=" + "x".repeat(95), 5,
          "Content-Type: application/x-www-form-urlencoded");
      assertEquals(408, r.status(), r.body());
      assertShort4xx(r, "stalled body");
      assertFalse(r.body().toLowerCase(java.util.Locale.ROOT).contains("idle timeout"), r.body());
    } finally {
      idle.stop();
    }
  }

  // item 10
  @Test
  void traceIsDisabledAndDotSegmentsAreRefused() throws Exception {
    Raw t = raw("TRACE", "/", null);
    assertEquals(405, t.status(), t.body());
    assertShort4xx(t, "TRACE");
    for (String p : List.of("/dumps/..", "/dumps/%2e%2e", "/id/../void", "/./")) {
      Raw r = raw("GET", p, null);
      assertShort4xx(r, p);
    }
  }

  // item 18: the README's command, exactly: curl -H 'Accept: text/tab-separated-values' --data-binary @classes.txt
  @Test
  void bulkMatchAcceptsABodyOfNamesWhateverItsType() throws Exception {
    String names = "api.mparticle.com\ncom.tune.Tune\n";
    Raw r = raw("POST", "/match", names, "Accept: text/tab-separated-values",
        "Content-Type: application/x-www-form-urlencoded", "User-Agent: curl/8.5.0");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("api.mparticle.com\t"), r.body());
    assertTrue(r.body().contains("com.tune.Tune\t"), r.body());
  }

  // item 11
  @Test
  void crossOriginWritesAreRefused() throws Exception {
    long before = graphs();
    String ins = update("INSERT DATA { GRAPH <urn:x:csrf> { <urn:x:a> <urn:x:b> 1 } }");
    String cred = basic("admin:" + PASSWORD);
    for (String origin : List.of("Origin: http://evil.com", "Origin: null", "Sec-Fetch-Site: cross-site")) {
      for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
        Raw r = raw("POST", "/update", ins, "Content-Type: " + type, cred, origin);
        assertEquals(403, r.status(), origin + " " + type + "\n" + r.body());
        assertShort4xx(r, origin);
      }
    }
    Raw put = raw("PUT", "/data?graph=urn:x:csrf", "<urn:x:a> <urn:x:b> 1 .", "Content-Type: text/turtle", cred,
        "Origin: http://evil.com");
    assertEquals(403, put.status());
    assertEquals(before, graphs());
    // the server's own origin, and a client that is no browser, may write
    Raw same = raw("POST", "/update", ins, "Content-Type: application/x-www-form-urlencoded", cred,
        "Origin: http://127.0.0.1:" + server.port());
    assertTrue(same.status() == 200 || same.status() == 204, same.status() + "\n" + same.body());
    assertEquals(before + 1, graphs());
  }

  @Test
  void corsNeverAllowsCredentials() throws Exception {
    Raw r = raw("GET", "/sparql?query=" + Fixture.enc("ASK {}"), null, "Origin: http://evil.com",
        "Accept: application/sparql-results+json");
    assertEquals(200, r.status());
    assertNotEquals("true", r.header("Access-Control-Allow-Credentials"), r.head());
    Raw pre = raw("OPTIONS", "/update", null, "Origin: http://evil.com", "Access-Control-Request-Method: POST",
        "Access-Control-Request-Headers: authorization, content-type");
    assertNotEquals("true", pre.header("Access-Control-Allow-Credentials"), pre.head());
  }
}
