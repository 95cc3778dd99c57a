package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.base.Hashes;
import org.trackerkg.publish.DumpFolder;
import org.trackerkg.publish.DumpManifest;
import org.trackerkg.publish.DumpWriter;

/**
 * {@code /dumps/} over dump versions: each answer from one version (named in its header), ETags that are the files'
 * SHA-256, a resumed download never spliced across a switch, kept versions at their own URLs, and a download begun
 * before a switch that ends with the bytes it began with.
 */
class DumpVersionsHttpTest {
  static final String VERSION = DumpFolder.VERSION_HEADER;

  static Map<String, String> sums(byte[] sha256sums) {
    Map<String, String> m = new HashMap<>();
    for (String l : new String(sha256sums, StandardCharsets.UTF_8).split("\n")) {
      m.put(l.substring(66), l.substring(0, 64));
    }
    return m;
  }

  @Test
  void everyAnswerComesFromOneVersionAndResumesNeverSpliceTwo(@TempDir Path dir) throws Exception {
    DatasetGraph first = Fixture.seed();
    DumpManifest v1 = DumpWriter.create().version("1").write(first, dir);
    TrackerServer server = Fixture.server(first).dumpsDir(dir).build().start();
    try {
      HttpResponse<byte[]> sums1 = Fixture.getBytes(server, "/dumps/SHA256SUMS");
      assertEquals(v1.id(), sums1.headers().firstValue(VERSION).orElseThrow());
      Map<String, String> s1 = sums(sums1.body());
      HttpResponse<byte[]> nt1 = Fixture.getBytes(server, "/dumps/tracker-kg.nt");
      assertEquals(v1.id(), nt1.headers().firstValue(VERSION).orElseThrow());
      String etag1 = nt1.headers().firstValue("ETag").orElseThrow();
      assertEquals("\"" + s1.get("tracker-kg.nt") + "\"", etag1, "the ETag is the SHA-256 SHA256SUMS lists");
      assertEquals(s1.get("tracker-kg.nt"), Hashes.sha256Hex(nt1.body()));
      HttpResponse<String> listing = Fixture.get(server, "/dumps/");
      assertTrue(listing.body().contains(v1.id()), "the page names the version");

      // a new version is switched in
      DatasetGraph second = Fixture.seed();
      second.delete(second.find().next());
      DumpManifest v2 = DumpWriter.create().version("2").write(second, dir);
      HttpResponse<byte[]> sums2 = Fixture.getBytes(server, "/dumps/SHA256SUMS");
      assertEquals(v2.id(), sums2.headers().firstValue(VERSION).orElseThrow());
      Map<String, String> s2 = sums(sums2.body());
      for (String name : s2.keySet()) {
        HttpResponse<byte[]> r = Fixture.getBytes(server, "/dumps/" + name);
        assertEquals(200, r.statusCode(), name);
        assertEquals(v2.id(), r.headers().firstValue(VERSION).orElseThrow(), name);
        assertEquals(s2.get(name), Hashes.sha256Hex(r.body()), name + " is the new version's");
      }
      assertNotEquals(s1.get("tracker-kg.nt"), s2.get("tracker-kg.nt"));

      // a download resumed with the old ETag gets the whole new file, never old bytes and new bytes spliced
      HttpResponse<byte[]> resumed = Fixture.getBytes(server, "/dumps/tracker-kg.nt", "Range", "bytes=100-",
          "If-Range", etag1);
      assertEquals(200, resumed.statusCode());
      assertEquals(s2.get("tracker-kg.nt"), Hashes.sha256Hex(resumed.body()));
      String etag2 = resumed.headers().firstValue("ETag").orElseThrow();
      HttpResponse<byte[]> part = Fixture.getBytes(server, "/dumps/tracker-kg.nt", "Range", "bytes=100-199",
          "If-Range", etag2);
      assertEquals(206, part.statusCode());
      assertEquals(304, Fixture.getBytes(server, "/dumps/tracker-kg.nt", "If-None-Match", etag2).statusCode());
      assertEquals(200, Fixture.getBytes(server, "/dumps/tracker-kg.nt", "If-None-Match", etag1).statusCode());

      // the kept version stays at its own URL, whole
      HttpResponse<byte[]> pinned = Fixture.getBytes(server, "/dumps/versions/" + v1.id() + "/tracker-kg.nt");
      assertEquals(200, pinned.statusCode());
      assertEquals(v1.id(), pinned.headers().firstValue(VERSION).orElseThrow());
      assertArrayEquals(nt1.body(), pinned.body());
      assertEquals(etag1, pinned.headers().firstValue("ETag").orElseThrow());

      for (String p : List.of("/dumps/versions/" + v1.id() + "/.tkg-input", "/dumps/versions/nothing/SHA256SUMS",
          "/dumps/versions/20000101T000000000Z-000000000000/SHA256SUMS", "/dumps/current/SHA256SUMS",
          "/dumps/versions/" + v1.id(), "/dumps/versions/" + v1.id() + "/", "/dumps/versions/",
          "/dumps/versions/" + v1.id() + "/../" + v2.id() + "/SHA256SUMS", "/dumps/current", "/dumps/versions")) {
        int status = Fixture.get(server, p).statusCode();
        assertTrue(status >= 400 && status < 500, p + " " + status);
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void aDownloadBegunBeforeASwitchEndsWithTheBytesItBeganWith(@TempDir Path dir) throws Exception {
    // an old version with a large file, laid out as DumpWriter lays it out (the name sorts before any new id)
    String oldId = "20000101T000000000Z-0123456789ab";
    Path old = Files.createDirectories(dir.resolve("versions").resolve(oldId));
    byte[] big = new byte[16 << 20];
    new Random(21).nextBytes(big);
    Files.write(old.resolve("tracker-kg.nt"), big);
    String sha = Hashes.sha256Hex(big);
    Files.writeString(old.resolve(DumpWriter.SUMS), sha + "  tracker-kg.nt\n");
    Files.createSymbolicLink(dir.resolve("current"), Path.of("versions", oldId));
    DatasetGraph dsg = Fixture.seed();
    TrackerServer server = Fixture.server(dsg).dumpsDir(dir).build().start();
    try {
      HttpResponse<InputStream> r = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
          + "dumps/tracker-kg.nt")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(oldId, r.headers().firstValue(VERSION).orElseThrow());
      byte[] got;
      try (InputStream in = r.body()) {
        byte[] head = in.readNBytes(1 << 16);
        // three new versions: the old one is switched away from, then removed, while the download goes on
        for (int i = 0; i < 3; i++) {
          DumpWriter.create().version("new" + i).write(dsg, dir);
        }
        assertFalse(Files.exists(old), "the old version was removed (older than the two kept)");
        byte[] rest = in.readAllBytes();
        got = new byte[head.length + rest.length];
        System.arraycopy(head, 0, got, 0, head.length);
        System.arraycopy(rest, 0, got, head.length, rest.length);
      }
      assertEquals(big.length, got.length);
      assertEquals(sha, Hashes.sha256Hex(got), "the old version's bytes, whole");
      HttpResponse<byte[]> now = Fixture.getBytes(server, "/dumps/tracker-kg.nt");
      assertNotEquals(oldId, now.headers().firstValue(VERSION).orElseThrow());
      assertEquals(404, Fixture.get(server, "/dumps/versions/" + oldId + "/tracker-kg.nt").statusCode());
    } finally {
      server.stop();
    }
  }
}
