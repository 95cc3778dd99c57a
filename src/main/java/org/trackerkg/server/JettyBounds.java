package org.trackerkg.server;

import java.io.PrintStream;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The bounds set on Jetty under the embedded Fuseki, and its request log: what a hostile client meets first. */
final class JettyBounds {
  private JettyBounds() {}

  /** Connections, idle and header deadlines, buffer and header sizes, slow bodies, forms, CORS credentials. */
  static void apply(Server jetty, String host, Duration idleTimeout, Duration headerTimeout, int maxConnections,
      long maxBody) {
    NetworkConnectionLimit connectionLimit = new NetworkConnectionLimit(maxConnections, jetty);
    connectionLimit.setEndPointIdleTimeout(TrackerServer.BUSY_IDLE_TIMEOUT.toMillis());
    jetty.addBean(connectionLimit);
    for (Connector c : jetty.getConnectors()) {
      if (c instanceof ServerConnector sc) {
        sc.setHost(host);
        sc.setIdleTimeout(idleTimeout.toMillis());
        sc.addEventListener(new HeaderDeadline(headerTimeout));
      }
      for (ConnectionFactory f : c.getConnectionFactories()) {
        if (f instanceof HttpConnectionFactory h) {
          h.getHttpConfiguration().setOutputBufferSize(TrackerServer.OUTPUT_BUFFER_SIZE);
          h.getHttpConfiguration().setRequestHeaderSize(TrackerServer.MAX_REQUEST_HEADER_BYTES);
          // no Jetty minimum data rate: it has no grace (MinimumRateInput bounds slow bodies instead)
          h.getHttpConfiguration().setMinRequestDataRate(0);
        }
      }
    }
    jetty.setErrorHandler(new SecurityHeadersFilter.Errors());
    for (ServletContextHandler h : jetty.getDescendants(ServletContextHandler.class)) {
      h.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, maxBody));
      for (FilterHolder f : h.getServletHandler().getFilters()) {
        if (f.getClassName() != null && f.getClassName().endsWith(".CrossOriginFilter")) {
          f.setInitParameter("allowCredentials", "false"); // CORS for reading: another site never gets credentials
        }
      }
      securityHeadersFirst(h.getServletHandler());
    }
  }

  /**
   * Moves the security headers' filter in front of every other, so that a response another filter makes on its own
   * (the CORS filter's answer to a preflight) carries them too.
   */
  private static void securityHeadersFirst(org.eclipse.jetty.ee10.servlet.ServletHandler handler) {
    org.eclipse.jetty.ee10.servlet.FilterMapping[] mappings = handler.getFilterMappings();
    if (mappings == null) {
      return;
    }
    java.util.List<org.eclipse.jetty.ee10.servlet.FilterMapping> ordered = new java.util.ArrayList<>();
    java.util.List<org.eclipse.jetty.ee10.servlet.FilterMapping> rest = new java.util.ArrayList<>();
    for (org.eclipse.jetty.ee10.servlet.FilterMapping m : mappings) {
      FilterHolder f = handler.getFilter(m.getFilterName());
      boolean security = f != null && (f.getFilter() instanceof SecurityHeadersFilter
          || SecurityHeadersFilter.class.getName().equals(f.getClassName()));
      (security ? ordered : rest).add(m);
    }
    ordered.addAll(rest);
    handler.setFilterMappings(ordered.toArray(org.eclipse.jetty.ee10.servlet.FilterMapping[]::new));
  }

  /**
   * The client's scheme, host and port (and address) as a reverse proxy reports them in {@code Forwarded} or
   * {@code X-Forwarded-*}: {@code --behind-proxy} only.
   */
  static void trustForwardedHeaders(Server jetty) {
    for (Connector c : jetty.getConnectors()) {
      for (ConnectionFactory f : c.getConnectionFactories()) {
        if (f instanceof HttpConnectionFactory h) {
          h.getHttpConfiguration().addCustomizer(new ForwardedRequestCustomizer());
          h.getHttpConfiguration().addCustomizer((request, responseHeaders) -> {
            request.setAttribute(Http.BEHIND_PROXY, Boolean.TRUE); // for Http.root's port fix
            return request;
          });
        }
      }
    }
  }

  /** One line per request to {@code log}; none when it is null. */
  static void logRequests(Server jetty, PrintStream log) {
    if (log != null) {
      jetty.setRequestLog(new CustomRequestLog(line -> {
        log.println(line);
        log.flush();
      }, "%{client}a - %u %t \"%r\" %s %O %{ms}T ms"));
    }
  }
}
