package org.trackerkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Bounds request bodies in size and in time. A declared Content-Length over the limit is refused at once (413,
 * connection closed, the body never read); any other body is read whole here, before a handler sees it: a chunked
 * one is refused as soon as it goes over the limit, and one arriving slower than the minimum data rate
 * ({@link MinimumRateInput}, checked at each read) gets 408 with the connection closed. Read here, forms included
 * (which Jetty would otherwise parse without that check), and Fuseki does not answer the slow body with a 500.
 */
final class RequestLimitFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private final long maxBody;
  /** A path that bounds its own body (POST /scan streams uploads to disk), or null. */
  private final String exempt;

  RequestLimitFilter(long maxBody) {
    this(maxBody, null);
  }

  RequestLimitFilter(long maxBody, String exempt) {
    this.maxBody = maxBody;
    this.exempt = exempt;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (exempt != null && exempt.equals(req.getRequestURI())) {
      chain.doFilter(req, resp);
      return;
    }
    long length = req.getContentLengthLong();
    if (length > maxBody) {
      tooLarge(req, resp, length);
      return;
    }
    String te = req.getHeader("Transfer-Encoding");
    String ct = req.getContentType();
    boolean form = ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    if (length > 0 || (length < 0 && te != null)) {
      InputStream in = new MinimumRateInput(req.getInputStream(), TrackerServer.MIN_BODY_BYTES_PER_SECOND);
      byte[] body;
      try {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
      } catch (MinimumRateInput.TooSlow e) {
        resp.setHeader("Connection", "close");
        Http.sendText(req, resp, HttpServletResponse.SC_REQUEST_TIMEOUT, "Request body too slow: under the "
            + TrackerServer.MIN_BODY_BYTES_PER_SECOND + " bytes a second the server waits for");
        return;
      } catch (IOException e) {
        // a body that stopped arriving (fewer bytes than Content-Length, no last chunk): the idle timeout ends the
        // read; answer 408, never the exception's text
        stalled(req, resp);
        return;
      }
      if (body.length > maxBody) {
        tooLarge(req, resp, -1);
        return;
      }
      chain.doFilter(form ? new BufferedForm(req, body) : new Buffered(req, body), resp);
      return;
    }
    chain.doFilter(req, resp);
  }

  private static void stalled(HttpServletRequest req, HttpServletResponse resp) {
    try {
      resp.setHeader("Connection", "close");
      Http.sendText(req, resp, HttpServletResponse.SC_REQUEST_TIMEOUT,
          "Request body incomplete: it stopped arriving before its end");
    } catch (IOException | RuntimeException e) {
      // the connection is already gone: nothing to tell
    }
  }

  private void tooLarge(HttpServletRequest req, HttpServletResponse resp, long length) throws IOException {
    resp.setHeader("Connection", "close");
    Http.sendText(req, resp, 413, "Request body too large: " + (length < 0 ? "over" : length + " bytes; over")
        + " the " + maxBody + "-byte limit");
  }

  /** A form request whose body was read here: its parameters are the query string's and the body's. */
  private static final class BufferedForm extends Buffered {
    private final Map<String, String[]> params;

    /**
     * The body stays readable as well: curl's {@code --data-binary} labels any body a form (DESIGN.md, known traps),
     * and {@code /match} reads it as lines of names.
     */
    BufferedForm(HttpServletRequest req, byte[] body) {
      super(req, body);
      Map<String, List<String>> m = new LinkedHashMap<>();
      parse(req.getQueryString(), m);
      parse(new String(body, StandardCharsets.ISO_8859_1), m);
      Map<String, String[]> p = new LinkedHashMap<>();
      m.forEach((k, v) -> p.put(k, v.toArray(String[]::new)));
      params = Collections.unmodifiableMap(p);
    }

    private static void parse(String s, Map<String, List<String>> into) {
      if (s == null || s.isEmpty()) {
        return;
      }
      for (String pair : s.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        into.computeIfAbsent(decode(k), x -> new ArrayList<>()).add(decode(v));
      }
    }

    private static String decode(String s) {
      try {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new BadMessageException(400, "Bad form encoding");
      }
    }

    @Override
    public String getParameter(String name) {
      String[] v = params.get(name);
      return v == null ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return params;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(params.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return params.get(name);
    }
  }

  /** The request with its body already read (here, or by {@link SparqlFrontFilter}), replayed to what follows. */
  static class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;

    Buffered(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener l) {
          throw new IllegalStateException("not asynchronous");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String enc = getCharacterEncoding();
      Charset cs = enc == null ? StandardCharsets.UTF_8 : charset(enc);
      return new BufferedReader(new InputStreamReader(getInputStream(), cs));
    }

    private static Charset charset(String name) {
      try {
        return Charset.forName(name);
      } catch (RuntimeException e) {
        return StandardCharsets.UTF_8;
      }
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
