package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MinimumRateInputTest {
  /** Gives its bytes {@code perRead} at a time, pausing {@code pauseMillis} before each read. */
  private static InputStream paced(byte[] bytes, int perRead, long pauseMillis) {
    return new InputStream() {
      int at;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        if (at == bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, perRead), bytes.length - at);
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  @Test
  void aShortBodyHeldUpBetweenTwoReadsStillPasses() throws IOException {
    // the whole 40-byte query in the first read, then a pause before the read that finds its end: Jetty's own
    // minimum rate (no grace) answered this 408 on a busy server
    byte[] query = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }    ".getBytes(StandardCharsets.US_ASCII);
    InputStream in = new MinimumRateInput(paced(query, query.length, 300), 1024);
    assertArrayEquals(query, in.readNBytes(1 << 20));
  }

  @Test
  void aTrickledBodyIsStoppedOnceTheGraceIsOver() {
    byte[] body = new byte[400];
    InputStream in = new MinimumRateInput(paced(body, 1, 20), 1024); // 50 bytes a second
    assertThrows(MinimumRateInput.TooSlow.class, () -> in.readNBytes(body.length + 1));
  }
}
