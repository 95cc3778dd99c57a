package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.link.app.ScanFixture;

/** POST /scan over real HTTP: curl and Java's client, JSON and HTML, 413 without reading an oversize body. */
class ScanServletTest {
  static TrackerServer server;
  static TrackerServer off;
  static final long MAX = 1024 * 1024;
  @TempDir static Path tmp;
  static Path apk;

  @BeforeAll
  static void start() throws Exception {
    var dsg = ScanFixture.data().dataset();
    server = Fixture.server(dsg).scan(MAX).build().start();
    off = Fixture.server(dsg).build().start();
    apk = ScanFixture.trackerApk(tmp, "shop.apk");
  }

  @AfterAll
  static void stop() {
    server.stop();
    off.stop();
  }

  static long uploadsLeft() throws Exception {
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("tkg-upload-")).count();
    }
  }

  @Test
  void curlMultipartGivesTheJsonReport() throws Exception {
    long before = uploadsLeft();
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-H", "Accept: application/json", "-F",
        "app=@" + apk, server.url() + "scan"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    JsonNode r = new ObjectMapper().readTree(out).get(0);
    assertEquals("shop.apk", r.get("file").asText());
    List<String> slugs = new ArrayList<>();
    r.get("trackers").forEach(t -> slugs.add(t.get("slug").asText()));
    assertEquals(List.of("appsflyer", "mparticle"), slugs);
    assertTrue(r.get("trackers").get(1).get("policy").get("retention").get("clauses").size() > 0);
    assertEquals(before, uploadsLeft(), "the upload is deleted when the request ends");
  }

  @Test
  void rawBodyNegotiatesHtml() throws Exception {
    HttpResponse<String> resp = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "scan"))
        .header("Accept", "text/html").header("Content-Type", "application/vnd.android.package-archive")
        .POST(HttpRequest.BodyPublishers.ofFile(apk)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, resp.statusCode(), resp.body());
    assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(resp.body().contains("<h4>mParticle</h4>"), resp.body());
    assertTrue(resp.body().contains("within 12 months"));
  }

  @Test
  void notAnAppIs422AndScanningOffIs404() throws Exception {
    HttpResponse<String> bad = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "scan"))
        .POST(HttpRequest.BodyPublishers.ofString("<script>alert(1)</script>")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(422, bad.statusCode());
    assertTrue(bad.body().contains("not an APK"), bad.body());
    HttpResponse<String> no = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(off.url() + "scan"))
        .POST(HttpRequest.BodyPublishers.ofFile(apk)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, no.statusCode());
  }

  @Test
  void oversizeUploadIs413BeforeTheBodyIsRead() throws Exception {
    URI u = URI.create(server.url());
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      // declares 300 MiB, sends 64 KiB, then waits: the answer must come without the rest
      out.write(("POST /scan HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Type: application/octet-stream\r\n"
          + "Content-Length: " + (300L << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[64 * 1024]);
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", status);
    }
    // chunked (no length): refused once over the limit
    HttpResponse<String> chunked = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "scan"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[(int) MAX
            + 4096]))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, chunked.statusCode());
    assertFalse(chunked.body().isEmpty());
  }
}
