package org.trackerkg.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that must keep arriving at {@link TrackerServer#MIN_BODY_BYTES_PER_SECOND} on average, counted from
 * the first read after a grace period. Jetty's own minimum data rate has no grace: it counts from the body's first
 * chunk, so a 40-byte SPARQL POST whose thread is held up 40 ms between two reads (a busy 2-core server) got 408.
 */
final class MinimumRateInput extends FilterInputStream {
  /** A body slower than the minimum rate: answered 408, connection closed. */
  static final class TooSlow extends IOException {
    private static final long serialVersionUID = 1L;

    TooSlow(long bytes, long millis) {
      super("request body too slow: " + bytes + " bytes in " + millis + " ms");
    }
  }

  /** Long enough for a lost packet's retransmission and a scheduling pause; short against a trickled body. */
  static final long GRACE_MILLIS = 2_000;

  private final long bytesPerSecond;
  private final long start = System.nanoTime();
  private long read;

  MinimumRateInput(InputStream in, long bytesPerSecond) {
    super(in);
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    check(b < 0 ? 0 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    check(Math.max(n, 0));
    return n;
  }

  private void check(int n) throws TooSlow {
    read += n;
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (millis > GRACE_MILLIS && read < bytesPerSecond * (millis - GRACE_MILLIS) / 1000) {
      throw new TooSlow(read, millis);
    }
  }
}
