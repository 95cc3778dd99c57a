package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code --behind-proxy}: the URLs the server writes (service description, {@code /void}, the reconciliation
 * manifest) follow {@code X-Forwarded-*} and {@code Forwarded} from a reverse proxy; without the option those
 * headers change nothing. Real servers on port 0, real HTTP.
 */
class BehindProxyTest {

  @Test
  void forwardedHeadersSetThePublicUrlsOnlyBehindAProxy() throws Exception {
    TrackerServer proxied = Fixture.server(Fixture.seed()).behindProxy(true).build().start();
    TrackerServer direct = Fixture.server(Fixture.seed()).build().start();
    try {
      String[] xf = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "data.example.org"};
      String[] rfc = {"Forwarded", "proto=https;host=kg.example.net"};

      HttpResponse<String> sd = Fixture.get(proxied, "/sparql", concat(xf, "Accept", "text/turtle"));
      assertEquals(200, sd.statusCode());
      assertTrue(sd.body().contains("<https://data.example.org/sparql>"), sd.body());
      HttpResponse<String> voidTtl = Fixture.get(proxied, "/void", concat(rfc, "Accept", "text/turtle"));
      assertTrue(voidTtl.body().contains("https://kg.example.net/"), voidTtl.body());
      assertFalse(voidTtl.body().contains("127.0.0.1"), voidTtl.body());
      HttpResponse<String> manifest = Fixture.get(proxied, "/reconcile", xf);
      assertEquals(200, manifest.statusCode(), manifest.body());
      assertTrue(manifest.body().contains("https://data.example.org/id/{{id}}"), manifest.body());
      HttpResponse<String> withPort = Fixture.get(proxied, "/sparql", "Forwarded",
          "for=192.0.2.1;host=\"kg.example.net:8443\";proto=https", "Accept", "text/turtle");
      assertTrue(withPort.body().contains("<https://kg.example.net:8443/sparql>"), withPort.body());
      // without a proxy's headers, the address the client used
      HttpResponse<String> plain = Fixture.get(proxied, "/sparql", "Accept", "text/turtle");
      assertTrue(plain.body().contains("<" + proxied.url() + "sparql>"), plain.body());

      // off by default: the same headers change nothing
      for (String[] h : new String[][] {xf, rfc}) {
        HttpResponse<String> r = Fixture.get(direct, "/sparql", concat(h, "Accept", "text/turtle"));
        assertTrue(r.body().contains("<" + direct.url() + "sparql>"), r.body());
        assertFalse(r.body().contains("example."), r.body());
        HttpResponse<String> m = Fixture.get(direct, "/reconcile", h);
        assertFalse(m.body().contains("example."), m.body());
      }
    } finally {
      proxied.stop();
      direct.stop();
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
