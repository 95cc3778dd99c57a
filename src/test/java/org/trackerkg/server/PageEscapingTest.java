package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.vocab.Iris;

/**
 * Beyond {@link EscapingTest}: attribute breaking, every scheme that is not http(s), JSON-LD breakouts, and the
 * security headers on every kind of response, the server's own error responses included.
 */
class PageEscapingTest {
  static final String DOSSIER = """
      # Tracker Name
      Hostile" onmouseover="alert(1)" x="</script><script>alert(2)</script>

      # In εxodus?
      No

      ## Website
      [site](JaVaScRiPt:alert(3))

      ## About
      Text with ' onfocus='alert(4)' and " autofocus onfocus="alert(5) and </SCRIPT ><script>alert(6)</script>
      and <!-- and <![CDATA[ and \u2028 \u2029 and {{ and ${x} and @if and &lt;b&gt; and [x](data:text/html,hi)
      and [y](vbscript:msgbox) and [z]( javascript:alert(7)) and [w](https://ok.example/?a="b"&c=<d>)
      [Evil, 01](javascript:alert(8))

      ## Relationships
      _Customers:_ Acme" onclick="alert(9) / <svg onload=alert(10)>

      ## References
      * _Evil, 01._ [javascript:alert(11)](javascript:alert(11))
      * _Evil, 02._ [https://example.org/a?x="><script>alert(12)</script>](https://example.org/a?x=%22%3E)
      """;

  static TrackerServer server;
  static String doc;

  @BeforeAll
  static void start(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path f = dir.resolve("hostile.md");
    Files.writeString(f, DOSSIER, StandardCharsets.UTF_8);
    DatasetGraph dsg = Pipeline.load(List.of(f), Iris.DEFAULT_BASE).dataset();
    Path dumps = Files.createDirectories(dir.resolve("dumps"));
    DumpWriter.create().write(dsg, dumps);
    server = Fixture.server(dsg).timeout(Duration.ofSeconds(2)).dumpsDir(dumps).build().start();
    HttpResponse<String> q = Fixture.get(server, "/sparql?query=" + Fixture.enc(
        "SELECT ?t { ?t a <https://w3id.org/tracker-kg/ontology#Tracker> }"), "Accept",
        "application/sparql-results+json");
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(q.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON);
    String iri = rs.next().getResource("t").getURI();
    doc = "/doc/" + iri.substring(Iris.DEFAULT_BASE.length() + 3);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void trackerPageHasNoLiveMarkup() throws Exception {
    HttpResponse<String> r = Fixture.get(server, doc, "Accept", "text/html");
    assertEquals(200, r.statusCode());
    assertClean(r.body());
  }

  static void assertClean(String html) throws IOException {
    String lower = html.toLowerCase(Locale.ROOT);
    for (int i = 1; i <= 12; i++) {
      assertFalse(html.contains("<script>alert(" + i), "live script " + i);
    }
    assertFalse(lower.contains("<svg"), "svg element");
    assertFalse(lower.contains("<![cdata["), "CDATA");
    // every attribute value is quoted and closed where it began: no injected on… attribute
    Matcher tags = Pattern.compile("<[a-zA-Z](?:[^>\"']|\"[^\"]*\"|'[^']*')*>").matcher(html);
    while (tags.find()) {
      String tag = tags.group();
      assertFalse(Pattern.compile("\\s(on[a-z]+|autofocus)\\s*=?", Pattern.CASE_INSENSITIVE).matcher(
          tag.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("'[^']*'", "''")).find(), "event handler in " + tag);
    }
    // links: only http(s), relative, or fragments
    Matcher hrefs = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"").matcher(html);
    while (hrefs.find()) {
      String h = hrefs.group(1).trim().toLowerCase(Locale.ROOT).replace("&#x3a;", ":").replace("&#58;", ":");
      assertTrue(h.startsWith("http://") || h.startsWith("https://") || h.startsWith("/") || h.startsWith("#")
          || h.startsWith("?") || !h.contains(":"), "link " + hrefs.group(1));
    }
    // the JSON-LD block cannot be closed early, and is valid JSON
    Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    while (m.find()) {
      assertFalse(m.group(1).contains("<"), m.group(1));
      assertFalse(m.group(1).contains("\u2028") || m.group(1).contains("\u2029"), "raw line separators");
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.group(1));
    }
    Matcher s = Pattern.compile("<script([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
    while (s.find()) {
      assertTrue(s.group(1).contains("src=\"/static/app.js\"") || s.group(1).contains("application/ld+json"),
          s.group());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "/sparql?format=html&query="
      + "SELECT%20%3Fo%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D", "/sparql?format=html&query=%3C/textarea%3E%3Cscript%3E"
      + "alert(1)%3C/script%3E", "/void", "/ontology", "/dumps/", "/queries",
      "/doc/tracker/%3Cscript%3Ealert(1)%3C%2Fscript%3E"})
  void everyPageIsClean(String path) throws Exception {
    HttpResponse<String> r = Fixture.get(server, path, "Accept", "text/html");
    assertTrue(r.statusCode() < 500, path + ": " + r.statusCode());
    assertClean(r.body());
    assertSecurityHeaders(r.headers().firstValue("Content-Security-Policy").orElse(null),
        r.headers().firstValue("X-Content-Type-Options").orElse(null),
        r.headers().firstValue("Referrer-Policy").orElse(null), path);
  }

  static void assertSecurityHeaders(String csp, String nosniff, String referrer, String what) {
    assertNotNull(csp, what + ": Content-Security-Policy");
    assertTrue(csp.contains("default-src 'self'") || csp.contains("default-src 'none'"), what + ": " + csp);
    for (String directive : csp.split(";")) {
      String d = directive.trim();
      assertFalse(d.contains("*") || d.contains("http:") || d.contains("https:") || d.contains("'unsafe-inline'")
          || d.contains("'unsafe-eval'"), what + ": " + d);
    }
    assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
    assertEquals("nosniff", nosniff, what);
    assertEquals("no-referrer", referrer, what);
  }

  /** Every kind of response, the server's own low-level errors included, read off a raw socket. */
  @ParameterizedTest
  @ValueSource(strings = {
      "GET / HTTP/1.1", "GET /sparql?query=ASK%7B%7D HTTP/1.1|Accept: application/sparql-results+json",
      "GET /sparql?query=ASK%7B HTTP/1.1", "GET /sparql HTTP/1.1|Accept: text/turtle",
      "GET /doc/tracker/hostile.ttl HTTP/1.1", "GET DOC HTTP/1.1|Accept: text/turtle",
      "GET DOC HTTP/1.1|Accept: image/png", "GET /id/tracker/nothing HTTP/1.1",
      "GET /doc/tracker/nothing HTTP/1.1|Accept: text/html", "GET /dumps/ HTTP/1.1", "GET /dumps/SHA256SUMS HTTP/1.1",
      "GET /dumps/tracker-kg.nt.gz HTTP/1.1", "GET /dumps/nothing HTTP/1.1", "GET /static/app.js HTTP/1.1",
      "GET /static/style.css HTTP/1.1", "GET /$/ping HTTP/1.1", "GET /$/metrics HTTP/1.1", "GET /void HTTP/1.1",
      "GET /ontology HTTP/1.1|Accept: text/turtle", "GET /queries HTTP/1.1", "GET /nothing/here HTTP/1.1",
      "DELETE /sparql HTTP/1.1", "POST /sparql HTTP/1.1|Content-Type: application/sparql-update|Content-Length: 8",
      "GET /sparql?query=LONG HTTP/1.1", "GET / HTTP/1.1|X-Big: HUGE",
      "POST /sparql HTTP/1.1|Content-Type: application/sparql-query|Content-Length: 99999999",
      "GET /%ff%fe HTTP/1.1", "GET /sparql?query=%ff HTTP/1.1"})
  void securityHeadersOnEveryResponse(String spec) throws Exception {
    String[] parts = spec.split("\\|");
    String line = parts[0].replace("DOC", doc).replace("LONG", "a".repeat(70_000));
    StringBuilder req = new StringBuilder(line).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (int i = 1; i < parts.length; i++) {
      req.append(parts[i].replace("HUGE", "b".repeat(70_000))).append("\r\n");
    }
    req.append("\r\n");
    if (line.startsWith("POST") && spec.contains("Length: 8")) {
      req.append("DROP ALL");
    }
    String resp = raw(req.toString());
    assertTrue(resp.startsWith("HTTP/1.1 "), spec + ": " + resp);
    String head = resp.substring(0, Math.max(0, resp.indexOf("\r\n\r\n")));
    assertSecurityHeaders(header(head, "Content-Security-Policy"), header(head, "X-Content-Type-Options"),
        header(head, "Referrer-Policy"), spec.substring(0, Math.min(80, spec.length())) + " -> "
            + head.substring(0, Math.min(15, head.length())));
  }

  static String header(String head, String name) {
    for (String l : head.split("\r\n")) {
      int c = l.indexOf(':');
      if (c > 0 && l.substring(0, c).trim().equalsIgnoreCase(name)) {
        return l.substring(c + 1).trim();
      }
    }
    return null;
  }

  static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] all;
      try {
        all = in.readNBytes(1 << 20);
      } catch (java.net.SocketException e) {
        all = new byte[0];
      }
      return new String(all, StandardCharsets.ISO_8859_1);
    }
  }
}
