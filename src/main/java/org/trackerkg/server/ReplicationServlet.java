package org.trackerkg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.trackerkg.store.replication.Replica;

/**
 * {@code /$/replication} on a replica: where it is in the patch log, as JSON (patch id, offset, lag, last applied
 * time, and why it stopped following, if it did). Also the replication lines of {@code /$/ping} and the
 * {@code tkg_replication_*} gauges of {@code /$/metrics}.
 */
final class ReplicationServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient Supplier<Replica.Status> status;

  ReplicationServlet(Supplier<Replica.Status> status) {
    this.status = status;
  }

  static String json(Replica.Status s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
    o.put("following", s.following());
    o.put("log", s.log());
    o.put("patchId", s.patchId());
    o.put("offset", s.offset());
    o.put("lag", s.lag());
    o.put("lastApplied", s.lastApplied() == null ? null : s.lastApplied().toString());
    o.put("applied", s.applied());
    o.put("lastApplyMillis", s.applyMillis());
    o.put("problem", s.problem());
    return o.toString();
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body = (json(status.get()) + "\n").getBytes(StandardCharsets.UTF_8);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /**
   * The gauges: following (1/0), the patch log offset applied, the lag in offsets, patches applied; tagged with the
   * log. Returns what removes them again (the server stopped; Fuseki's registry outlives it).
   */
  static Runnable registerMetrics(MeterRegistry registry, Supplier<Replica.Status> status) {
    String log = status.get().log();
    List<Meter> meters = List.of(
        gauge("tkg.replication.following", () -> status.get().following() ? 1 : 0, log,
            "1 while the replica follows its patch log, 0 once it stopped (see /$/replication)", registry),
        gauge("tkg.replication.offset", () -> status.get().offset(), log, "offset of the last patch applied",
            registry),
        gauge("tkg.replication.lag", () -> status.get().lag(), log,
            "offsets not yet read from the patch log (-1: not known yet)", registry),
        gauge("tkg.replication.applied", () -> status.get().applied(), log, "patches applied since start",
            registry));
    return () -> meters.forEach(registry::remove);
  }

  private static Meter gauge(String name, Supplier<Number> value, String log, String description,
      MeterRegistry registry) {
    return Gauge.builder(name, value).tag("log", log).description(description).register(registry);
  }

  /**
   * {@code /$/ping} of a replica: still 200 (the last good state is served, and stays consistent), but the body and
   * an {@code X-Tkg-Replication} header say whether it follows its log, and why not.
   */
  static final class PingFilter implements Filter {
    private final Supplier<Replica.Status> status;

    PingFilter(Supplier<Replica.Status> status) {
      this.status = status;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
        throws IOException, ServletException {
      Replica.Status s = status.get();
      HttpServletResponse r = (HttpServletResponse) resp;
      String line = s.following()
          ? "replication: " + s.state().name().toLowerCase(java.util.Locale.ROOT) + ", patch " + s.patchId()
              + ", lag " + s.lag()
          : "replication: stopped at patch " + s.patchId() + ": " + s.problem();
      r.setHeader("X-Tkg-Replication", s.following() ? "following" : "stopped");
      r.setContentType("text/plain");
      r.setCharacterEncoding("UTF-8");
      r.setHeader("Cache-Control", "no-store");
      r.getWriter().println(java.time.Instant.now() + "\n" + line);
    }
  }
}
