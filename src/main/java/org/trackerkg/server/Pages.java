package org.trackerkg.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Renders the jte templates (precompiled from src/main/jte, HTML-escaping every value and isolating it in bdi). */
final class Pages {
  static final String HTML = "text/html; charset=utf-8";
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Pages() {}

  static byte[] render(String template, Object model) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    ENGINE.render(template, model, new IsolatingHtmlOutput(out)); // every value escaped, and isolated in <bdi>
    return out.toByteArray();
  }

  static void send(HttpServletRequest req, HttpServletResponse resp, String template, Object model)
      throws IOException {
    byte[] body = render(template, model);
    Http.send(req, resp, HTML, body, Http.etag(body));
  }

  static void sendError(HttpServletRequest req, HttpServletResponse resp, int status, String message)
      throws IOException {
    resp.setStatus(status);
    byte[] body = render("error.jte", new Views.Error(new Views.Page(status + "", null, null), status, message));
    Http.send(req, resp, HTML, body, null);
  }

  /**
   * JSON for a {@code <script type="application/ld+json">} element: {@code <}, {@code >} and {@code &} are written
   * as JSON escapes, so no {@code </script>} or {@code <!--} can end or confuse the element.
   */
  static String jsonLd(Object value) {
    try {
      String s = JSON.writeValueAsString(value);
      return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
