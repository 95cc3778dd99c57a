package org.trackerkg.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** Test data from the real pipeline over data/, a server on port 0, and a plain HTTP client. */
final class Fixture {
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private Fixture() {}

  static DatasetGraph seed(String base) {
    return Pipeline.load(List.of(Path.of("src/test/seed")), base).dataset();
  }

  static DatasetGraph seed() {
    return seed(Iris.DEFAULT_BASE);
  }

  static TrackerServer.Builder server(DatasetGraph dsg) {
    return TrackerServer.create().dataset(dsg).port(0).host("127.0.0.1").requestLog(null).messages(null);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> get(TrackerServer s, String path, String... headers) throws IOException,
      InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path.substring(1))).GET()
        .timeout(Duration.ofSeconds(60));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<byte[]> getBytes(TrackerServer s, String path, String... headers) throws IOException,
      InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path.substring(1))).GET()
        .timeout(Duration.ofSeconds(60));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<String> post(TrackerServer s, String path, String contentType, String body,
      String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path.substring(1)))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", contentType).timeout(Duration.ofSeconds(60));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Sends on the shared client. The server closes a connection after refusing a request whose body it did not
   * read (a 4xx to a write, a 413); the client may already have picked that pooled connection for the next request
   * and then reads EOF. The JDK client retries only idempotent requests then, so retry the others once here.
   */
  static HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
    return send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    try {
      return HTTP.send(req, handler);
    } catch (java.net.http.HttpTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return HTTP.send(req, handler); // a pooled connection the server had closed: once more, on a new one
    }
  }

}
