package org.trackerkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTP Basic authentication for the write endpoints, in place of Jetty's {@code HashLoginService}: that realm reads a
 * Java properties file (backslash escapes, {@code \\uXXXX}, {@code MD5:}/{@code OBF:} prefixes change which password
 * is accepted) and needed the password written to a temporary file. Here the password stays in memory and its UTF-8
 * bytes are compared exactly, in constant time. A malformed {@code Authorization} header is a 401 like a wrong
 * password, never a 500.
 */
final class AdminAuthFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String REALM = "tracker-kg";

  private final byte[] expected;

  AdminAuthFilter(String user, String password) {
    this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    byte[] given = credentials(req.getHeader("Authorization"));
    // MessageDigest.isEqual takes the same time whatever bytes differ
    if (given == null || !MessageDigest.isEqual(given, expected)) {
      SecurityHeadersFilter.apply(resp);
      resp.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      Http.sendText(req, resp, HttpServletResponse.SC_UNAUTHORIZED,
          "Authentication required: HTTP Basic as user " + TrackerServer.UPDATE_USER);
      return;
    }
    Arrays.fill(given, (byte) 0);
    chain.doFilter(new HttpServletRequestWrapper(req) {
      @Override
      public String getRemoteUser() {
        return TrackerServer.UPDATE_USER;
      }

      @Override
      public Principal getUserPrincipal() {
        return () -> TrackerServer.UPDATE_USER;
      }

      @Override
      public String getAuthType() {
        return HttpServletRequest.BASIC_AUTH;
      }
    }, resp);
  }

  /** The decoded {@code user:password} bytes of a Basic header, or null when there is none or it is malformed. */
  static byte[] credentials(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String token = header.substring(6).strip();
    if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
