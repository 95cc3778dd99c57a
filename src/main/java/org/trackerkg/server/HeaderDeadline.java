package org.trackerkg.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes an HTTP/1.1 connection whose request line and headers have not all arrived within a time limit of the
 * request's first byte. The idle timeout starts again with every byte, so without this a client sending one header
 * byte just inside it holds a connection as long as it likes (64 KiB of headers at one byte per 29 s is three
 * weeks). Jetty 12.1 can bound the arrival of a body (a minimum data rate) but has nothing for the headers, which
 * arrive before any handler runs: hence this connection listener.
 *
 * <p>A request begins with its first byte, blank lines before the request line included. Each connection is
 * looked at every tenth of the limit, so one is closed between 1 and 1.2 limits after its request began (later by
 * one blank line when it sends blank lines first). A connection waiting for a request's first byte, and one whose
 * headers are in, is left alone: waiting is the idle timeout's business, and a slow query must not count against
 * the client. Closing is what Jetty does when the idle timeout expires during the headers: no response, the
 * connection just ends.
 */
final class HeaderDeadline implements Connection.Listener {
  private final Duration limit;
  private final long limitNanos;
  private final long periodMillis;

  HeaderDeadline(Duration limit) {
    this.limit = limit;
    this.limitNanos = limit.toNanos();
    this.periodMillis = Math.max(10, limit.toMillis() / 10);
  }

  @Override
  public void onOpened(Connection connection) {
    // Jetty's HTTP/1.1 connection sits in an "internal" package, but it is what HttpConnectionFactory makes and
    // the only way to the parser's state; other protocols (none configured) are left to the idle timeout
    if (connection instanceof HttpConnection http) {
      new Watch(http, http.getConnector().getScheduler()).next();
    }
  }

  /** One connection's check; it reschedules itself until the connection is closed. */
  private final class Watch implements Runnable {
    private final HttpConnection http;
    private final Scheduler scheduler;
    private long requests = -1; // requests whose headers had come in, at the last look
    private long restBegin; // the parser's begin time then: it moves when blank lines come before a request
    private boolean counting; // the next request has begun: its blank lines or its request line came
    private long since; // when it began, as far as the looks tell

    Watch(HttpConnection http, Scheduler scheduler) {
      this.http = http;
      this.scheduler = scheduler;
    }

    void next() {
      scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
      EndPoint endPoint = http.getEndPoint();
      if (!endPoint.isOpen()) {
        return;
      }
      HttpParser parser = http.getParser();
      // the parser's state is volatile and written after its begin time: read it first
      boolean start = parser.isStart();
      boolean inHeaders = !start && parser.inHeaderState();
      long begin = parser.getBeginNanoTime();
      long n = http.getMessagesIn();
      if (n != requests) {
        // headers came in since the last look: what follows is a new request
        requests = n;
        restBegin = begin;
        counting = false;
      }
      if (start) {
        // Jetty skips blank lines before a request line, staying at the start but moving the begin time: a
        // client sending "\r\n" just inside the idle timeout would otherwise never reach the request line
        if (!counting && begin != restBegin) {
          counting = true;
          since = begin;
        }
      } else if (inHeaders) {
        if (!counting) {
          counting = true;
          since = begin;
        }
      } else {
        counting = false; // headers in: the body and the response are not this check's business
      }
      if (counting && NanoTime.since(since) > limitNanos) {
        endPoint.close(new TimeoutException("request headers not received within " + limit.toMillis() + " ms"));
        return;
      }
      next();
    }
  }
}
