package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /dumps/: listing, media types, ETag and Last-Modified, ranges, no way out of the directory. */
class DumpsServletTest {
  @TempDir static Path dir;
  static TrackerServer server;
  static final byte[] DATA = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

  @BeforeAll
  static void start() throws Exception {
    for (String n : new String[] {"tracker-kg.ttl", "tracker-kg.nt", "tracker-kg.trig", "tracker-kg.nq",
        "tracker-kg.jsonld", "tracker-kg.nt.gz", "SHA256SUMS"}) {
      Files.write(dir.resolve(n), DATA);
    }
    Files.writeString(dir.getParent().resolve("secret.txt"), "secret");
    server = Fixture.server(Fixture.seed()).dumpsDir(dir).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void listingAndMediaTypes() throws Exception {
    HttpResponse<String> l = Fixture.get(server, "/dumps/");
    assertEquals(200, l.statusCode());
    assertTrue(l.body().contains("href=\"/dumps/tracker-kg.nt.gz\""));
    Map<String, String> types = Map.of("tracker-kg.ttl", "text/turtle", "tracker-kg.nt", "application/n-triples",
        "tracker-kg.trig", "application/trig", "tracker-kg.nq", "application/n-quads",
        "tracker-kg.jsonld", "application/ld+json", "tracker-kg.nt.gz", "application/gzip");
    for (var e : types.entrySet()) {
      HttpResponse<byte[]> r = Fixture.getBytes(server, "/dumps/" + e.getKey());
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(e.getValue()), e.getKey());
      assertArrayEquals(DATA, r.body());
      assertTrue(r.headers().firstValue("Last-Modified").isPresent());
    }
    assertTrue(Fixture.getBytes(server, "/dumps/tracker-kg.nt.gz").headers().firstValue("Content-Encoding")
        .isEmpty(), "a .gz file is a gzip download, not a transfer encoding");
  }

  @Test
  void etagAndRanges() throws Exception {
    HttpResponse<byte[]> r = Fixture.getBytes(server, "/dumps/tracker-kg.nt");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, Fixture.getBytes(server, "/dumps/tracker-kg.nt", "If-None-Match", etag).statusCode());
    assertEquals(304, Fixture.getBytes(server, "/dumps/tracker-kg.nt", "If-Modified-Since",
        r.headers().firstValue("Last-Modified").orElseThrow()).statusCode());
    HttpResponse<byte[]> part = Fixture.getBytes(server, "/dumps/tracker-kg.nt", "Range", "bytes=2-5");
    assertEquals(206, part.statusCode());
    assertEquals("bytes 2-5/20", part.headers().firstValue("Content-Range").orElseThrow());
    assertArrayEquals(Arrays.copyOfRange(DATA, 2, 6), part.body());
    HttpResponse<byte[]> tail = Fixture.getBytes(server, "/dumps/tracker-kg.nt", "Range", "bytes=-3");
    assertArrayEquals(Arrays.copyOfRange(DATA, 17, 20), tail.body());
    assertEquals(416, Fixture.getBytes(server, "/dumps/tracker-kg.nt", "Range", "bytes=50-").statusCode());
  }

  @Test
  void noPathTraversal() throws Exception {
    for (String p : new String[] {"/dumps/../secret.txt", "/dumps/%2e%2e/secret.txt", "/dumps/..%2fsecret.txt",
        "/dumps/.hidden", "/dumps/%2e%2e%2fsecret.txt", "/dumps//etc/passwd"}) {
      HttpResponse<String> r = Fixture.get(server, p);
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, p + " " + r.statusCode());
      assertTrue(!r.body().strip().equals("secret"), p);
    }
  }
}
