package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections past the limit wait until one closes: idle clients cannot hold every socket for long. */
class ConnectionLimitTest {
  static final byte[] PING = "GET /$/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  static String answer(Socket s) throws IOException {
    s.getOutputStream().write(PING);
    s.getOutputStream().flush();
    return new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)  // a hang guard only
  void aConnectionPastTheLimitWaitsUntilOneCloses() throws Exception {
    TrackerServer server = Fixture.server(Fixture.seed()).maxConnections(2).build().start();
    try (Socket a = new Socket("127.0.0.1", server.port()); Socket b = new Socket("127.0.0.1", server.port())) {
      Thread.sleep(300);  // Jetty accepts both: the limit is reached
      try (Socket c = new Socket("127.0.0.1", server.port())) {  // the kernel completes the handshake; Jetty waits
        c.setSoTimeout(1500);
        assertThrows(SocketTimeoutException.class, () -> answer(c), "past the limit: not served yet");
        a.close();
        c.setSoTimeout(30_000);
        byte[] first = c.getInputStream().readNBytes(12);
        assertTrue(new String(first, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"),
            "served once a connection closed");
      }
      assertTrue(Fixture.get(server, "/$/ping").statusCode() == 200, "and afterwards");
    } finally {
      server.stop();
    }
  }

  @Test
  void theLimitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Fixture.server(Fixture.seed()).maxConnections(0).build());
  }
}
