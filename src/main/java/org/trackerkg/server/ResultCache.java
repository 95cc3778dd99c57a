package org.trackerkg.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Whole SPARQL protocol responses of read queries, kept while the data stays the same: between loads the data is
 * read-only, so the same query asked with the same parameters and {@code Accept} header gets the same bytes. A hit
 * is served without touching the dataset, with an ETag (a later GET with {@code If-None-Match} gets 304).
 *
 * <p>Bounded: at most {@code maxBytes} in all (64 MiB by default; 0 keeps nothing), evicted by Caffeine's policy (W-TinyLFU); a response over
 * {@link #MAX_ENTRY_BYTES} streams through uncached. Only 200 responses are kept (errors and timeouts never), and
 * never for a query whose answer is not a function of the data ({@code NOW()}, {@code RAND()}, {@code UUID()},
 * {@code STRUUID()}, {@code BNODE()}). Writes (only with {@code --update-password}) bump the {@link #generation()}
 * before and after they run, and an entry is only used, or stored, for the generation it was computed in.
 */
final class ResultCache {
  static final long DEFAULT_MAX_BYTES = 64L << 20;
  static final int MAX_ENTRY_BYTES = 1 << 20;
  private static final Pattern NOT_A_FUNCTION_OF_THE_DATA =
      Pattern.compile("(?i)\\b(now|rand|uuid|struuid|bnode)\\s*\\(");

  /** One kept response. */
  record Entry(byte[] body, String contentType, String vary, String etag, long generation, String maxRows) {
    long weight(String key) {
      return body.length + 2L * key.length() + 128;
    }
  }

  private final long maxBytes;
  private final AtomicLong generation = new AtomicLong();
  // Caffeine: bounded by weight (bytes), evictions run on the caller's thread so the bound holds on return
  private final Cache<String, Entry> entries;

  ResultCache(long maxBytes) {
    this.maxBytes = maxBytes;
    this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
        .weigher((String k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.weight(k)))
        .executor(Runnable::run).recordStats().build();
  }

  /** The cache itself, for its statistics on {@code /$/metrics}. */
  Cache<String, Entry> cache() {
    return entries;
  }

  /** Whether anything is kept at all. */
  boolean enabled() {
    return maxBytes > 0;
  }

  /** Changes whenever the data may have changed. */
  long generation() {
    return generation.get();
  }

  /** The data is about to change, or has just changed. */
  void dataChanged() {
    generation.incrementAndGet();
    entries.invalidateAll();
  }

  /** Whether the answer to this query depends on the data alone. */
  static boolean cacheable(String query) {
    return query != null && !NOT_A_FUNCTION_OF_THE_DATA.matcher(query).find();
  }

  /** The key of a protocol request: every parameter (query, graphs, format…) and the Accept header. */
  static String key(HttpServletRequest req) {
    StringBuilder k = new StringBuilder(256);
    String accept = req.getHeader("Accept");
    k.append(accept == null ? "" : accept).append('\u0000');
    for (Map.Entry<String, String[]> e : new TreeMap<>(req.getParameterMap()).entrySet()) {
      for (String v : e.getValue()) {
        k.append(e.getKey()).append('=').append(v).append('\u0000');
      }
    }
    return k.toString();
  }

  Entry get(String key) {
    Entry e = entries.getIfPresent(key);
    return e != null && e.generation() == generation.get() ? e : null;
  }

  void put(String key, Entry e) {
    if (e.generation() != generation.get() || e.weight(key) > maxBytes) {
      return;
    }
    entries.put(key, e);
    if (e.generation() != generation.get()) {  // a write went through meanwhile
      entries.invalidate(key);
    }
  }

  String stats() {
    CacheStats s = entries.stats();
    long bytes = entries.policy().eviction().map(ev -> ev.weightedSize().orElse(0)).orElse(0L);
    return String.format(Locale.ROOT, "%d entries, %d bytes, %d hits, %d misses, %d evictions",
        entries.estimatedSize(), bytes, s.hitCount(), s.missCount(), s.evictionCount());
  }

  /**
   * The kept response under {@code key} when there is one, else the chain's, kept when it is whole and a 200: the
   * one way {@code /sparql} and {@code /queries/{name}} answer from the cache.
   */
  void through(HttpServletRequest req, HttpServletResponse resp, FilterChain chain, String key)
      throws IOException, ServletException {
    Entry hit = get(key);
    if (hit != null) {
      send(req, resp, hit);
      return;
    }
    long gen = generation();
    Capture capture = new Capture(resp);
    chain.doFilter(req, capture);
    byte[] body = capture.body();
    if (body == null) {
      return;  // too large to keep: it has streamed through
    }
    String type = resp.getContentType();
    if (resp.getStatus() == HttpServletResponse.SC_OK && type != null) {
      Entry e = new Entry(body, type, resp.getHeader("Vary"), Http.etag(body), gen,
          resp.getHeader(QueryLimits.MAX_ROWS_HEADER));
      put(key, e);
      resp.setHeader("ETag", e.etag());
      resp.setHeader("Cache-Control", "public, max-age=60");
      if (req.getMethod().equals("GET") && Http.notModified(req, e.etag())) {
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
    }
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /** Sends a kept response: its type, ETag, 304 when the client has it. */
  static void send(HttpServletRequest req, HttpServletResponse resp, Entry e) throws IOException {
    if (e.vary() != null) {
      resp.setHeader("Vary", e.vary());
    }
    resp.setHeader("ETag", e.etag());
    resp.setHeader("Cache-Control", "public, max-age=60");
    if (e.maxRows() != null) {
      resp.setHeader(QueryLimits.MAX_ROWS_HEADER, e.maxRows());
    }
    if ("GET".equals(req.getMethod()) && Http.notModified(req, e.etag())) {
      resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    resp.setContentType(e.contentType());
    resp.setContentLength(e.body().length);
    resp.getOutputStream().write(e.body());
  }

  /**
   * A response that keeps its body in memory until {@link #finish} (so the ETag can still be set), or, once the
   * body outgrows {@link #MAX_ENTRY_BYTES}, writes what it kept and streams the rest.
   */
  static final class Capture extends HttpServletResponseWrapper {
    private final HttpServletResponse real;
    private ByteArrayOutputStream kept = new ByteArrayOutputStream(8192);
    private ServletOutputStream realOut;
    private ServletOutputStream stream;
    private PrintWriter writer;

    Capture(HttpServletResponse real) {
      super(real);
      this.real = real;
    }

    /** Whether the whole body was kept (it did not outgrow the limit). */
    boolean complete() {
      return kept != null;
    }

    private void write(byte[] b, int off, int len) throws IOException {
      if (kept != null && kept.size() + len > MAX_ENTRY_BYTES) {
        realOut = real.getOutputStream();
        kept.writeTo(realOut);
        kept = null;
      }
      if (kept != null) {
        kept.write(b, off, len);
      } else {
        realOut.write(b, off, len);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream = new ServletOutputStream() {
          private final byte[] one = new byte[1];

          @Override
          public void write(int b) throws IOException {
            one[0] = (byte) b;
            Capture.this.write(one, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            Capture.this.write(b, off, len);
          }

          @Override
          public void flush() throws IOException {
            if (kept == null) {
              realOut.flush();
            }
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("blocking writes only");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String enc = getCharacterEncoding();
        Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (kept == null) {
        real.flushBuffer();
      }
    }

    @Override
    public void resetBuffer() {
      if (kept != null) {
        kept.reset();
      } else {
        real.resetBuffer();
      }
    }

    @Override
    public void reset() {
      real.reset();
      if (kept != null) {
        kept.reset();
      }
    }

    @Override
    public void setContentLength(int len) {
      // the length of the whole body is set when it is sent
    }

    @Override
    public void setContentLengthLong(long len) {}

    /** The kept body (after flushing a writer), or null when it streamed through. */
    byte[] body() {
      if (writer != null) {
        writer.flush();
      }
      return kept == null ? null : kept.toByteArray();
    }
  }
}
