package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code /static/…}: the project's own CSS, JavaScript and icon, from the classpath, nothing else. */
final class StaticServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String FOLDER = "/org/trackerkg/server/static/";
  private static final Map<String, String> FILES = Map.of(
      "style.css", "text/css; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "icon.svg", "image/svg+xml; charset=utf-8");

  private record File(byte[] body, String etag) {}

  private final Map<String, File> files;

  StaticServlet() {
    Map<String, File> m = new java.util.HashMap<>();
    FILES.keySet().forEach(name -> {
      try (InputStream in = StaticServlet.class.getResourceAsStream(FOLDER + name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + FOLDER + name);
        }
        byte[] b = in.readAllBytes();
        m.put(name, new File(b, Http.etag(b)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    this.files = Map.copyOf(m);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    File f = files.get(name);
    if (f == null) {
      Http.sendText(req, resp, 404, "not found: /static/" + name);
      return;
    }
    Http.send(req, resp, FILES.get(name), f.body(), f.etag());
  }
}
