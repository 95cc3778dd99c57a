package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes: none at all by default; with an update password, /update and /data behind HTTP Basic as admin. */
class WritesTest {
  static final String UPDATE = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> \"written\" } }";
  static final String ASK = "ASK { GRAPH ?g { <urn:x:a> <urn:x:b> ?o } }";

  static HttpResponse<String> send(TrackerServer s, String method, String path, String type, String body,
      String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path.substring(1)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .timeout(Duration.ofSeconds(30));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (auth != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
    }
    return Fixture.send(b.build());
  }

  static boolean written(TrackerServer s) throws Exception {
    return Fixture.get(s, "/sparql?query=" + Fixture.enc(ASK), "Accept", "application/sparql-results+json")
        .body().contains("true");
  }

  @Test
  void noWriteEndpointWithoutPassword() throws Exception {
    TrackerServer s = Fixture.server(Fixture.seed()).build().start();
    try {
      for (String auth : new String[] {null, "admin:admin"}) {
        for (String path : List.of("/update", "/sparql", "/sparql/update", "/data", "/sparql/data")) {
          HttpResponse<String> r = send(s, "POST", path, "application/sparql-update", UPDATE, auth);
          assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + ": " + r.statusCode());
        }
        for (String method : List.of("PUT", "POST", "DELETE")) {
          for (String path : List.of("/data?default", "/data?graph=urn:x:g", "/sparql?default", "/sparql/data?default")) {
            HttpResponse<String> r = send(s, method, path, "application/n-triples",
                method.equals("DELETE") ? null : "<urn:x:a> <urn:x:b> \"written\" .", auth);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, method + " " + path + ": " + r.statusCode());
          }
        }
      }
      assertFalse(written(s));
      assertEquals(200, Fixture.get(s, "/$/ping").statusCode());
    } finally {
      s.stop();
    }
  }

  @Test
  void writesBehindBasicAuthWithPassword() throws Exception {
    TrackerServer s = Fixture.server(Fixture.seed()).updatePassword("s3cret-pw").build().start();
    try {
      for (String auth : new String[] {null, "admin:wrong", "root:s3cret-pw", "admin:", "admin:s3cret-pw "}) {
        HttpResponse<String> u = send(s, "POST", "/update", "application/sparql-update", UPDATE, auth);
        assertEquals(401, u.statusCode(), "update with " + auth);
        assertTrue(u.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), "challenge");
        HttpResponse<String> p = send(s, "PUT", "/data?graph=urn:x:g", "application/n-triples",
            "<urn:x:a> <urn:x:b> \"written\" .", auth);
        assertEquals(401, p.statusCode(), "PUT with " + auth);
        assertFalse(written(s));
      }
      // the public endpoint is still read-only, and reads need no password
      HttpResponse<String> pub = send(s, "POST", "/sparql", "application/sparql-update", UPDATE, "admin:s3cret-pw");
      assertTrue(pub.statusCode() >= 400 && pub.statusCode() < 500, "/sparql update: " + pub.statusCode());
      assertFalse(written(s));

      HttpResponse<String> ok = send(s, "POST", "/update", "application/sparql-update", UPDATE, "admin:s3cret-pw");
      assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
      assertTrue(written(s), "the update is visible at /sparql");

      HttpResponse<String> del = send(s, "DELETE", "/data?graph=urn:x:g", null, null, "admin:s3cret-pw");
      assertTrue(del.statusCode() == 200 || del.statusCode() == 204, "DELETE: " + del.statusCode());
      assertFalse(written(s));
      HttpResponse<String> put = send(s, "PUT", "/data?graph=urn:x:g", "application/n-triples",
          "<urn:x:a> <urn:x:b> \"written\" .", "admin:s3cret-pw");
      assertTrue(put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 204,
          "PUT: " + put.statusCode() + " " + put.body());
      assertTrue(written(s));
      HttpResponse<String> get = send(s, "GET", "/data?graph=urn:x:g", null, null, "admin:s3cret-pw");
      assertEquals(200, get.statusCode());
      assertTrue(get.body().contains("written"));
    } finally {
      s.stop();
    }
  }

  @Test
  void badPasswordsAreRefused() {
    for (String pw : new String[] {"", "a,b", "a\nb", " padded"}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> Fixture.server(Fixture.seed()).updatePassword(pw).build());
      assertTrue(e.getMessage().startsWith("updatePassword"), e.getMessage());
    }
  }
}
