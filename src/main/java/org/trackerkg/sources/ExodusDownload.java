package org.trackerkg.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The εxodus tracker database from its public API, asked conditionally: with the ETag and Last-Modified of the
 * previous download, an unchanged database costs a 304 and no body.
 */
public final class ExodusDownload {
  /** The API that lists every tracker. */
  public static final String UPSTREAM = "https://reports.exodus-privacy.eu.org/api/trackers";
  /** Larger than any εxodus database: a body past this is refused rather than filling the disk. */
  static final long MAX_BYTES = 64L << 20;

  private ExodusDownload() {}

  /** What the server answered: unchanged (304), or a new body written to the file, with its validators. */
  public record Outcome(boolean changed, String etag, String lastModified) {}

  /**
   * GETs {@code url} with {@code If-None-Match}/{@code If-Modified-Since} from {@code previous}; a 200's body is
   * written to {@code target} (whole, or an exception).
   */
  public static Outcome download(String url, Snapshot previous, Path target) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest.Builder req;
    try {
      req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).header("Accept", "application/json");
    } catch (IllegalArgumentException e) {
      throw new IOException("not a URL: " + url);
    }
    previous.get(Snapshot.EXODUS_ETAG).ifPresent(v -> req.header("If-None-Match", v));
    previous.get(Snapshot.EXODUS_LAST_MODIFIED).ifPresent(v -> req.header("If-Modified-Since", v));
    HttpResponse<InputStream> r;
    try {
      r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    Optional<String> etag = r.headers().firstValue("ETag");
    Optional<String> modified = r.headers().firstValue("Last-Modified");
    try (InputStream in = r.body()) {
      if (r.statusCode() == 304) {
        return new Outcome(false, etag.orElse(previous.get(Snapshot.EXODUS_ETAG).orElse(null)),
            modified.orElse(previous.get(Snapshot.EXODUS_LAST_MODIFIED).orElse(null)));
      }
      if (r.statusCode() != 200) {
        throw new IOException(url + " answered HTTP " + r.statusCode());
      }
      long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      long n = 0;
      try (OutputStream out = Files.newOutputStream(target)) {
        byte[] buf = new byte[1 << 16];
        for (int k; (k = in.read(buf)) >= 0; ) {
          n += k;
          if (n > MAX_BYTES) {
            throw new IOException(url + ": more than " + (MAX_BYTES >> 20) + " MiB, not an εxodus database");
          }
          out.write(buf, 0, k);
        }
      }
      if (declared >= 0 && n != declared) {
        throw new IOException(url + ": body cut short (" + n + " of " + declared + " bytes)");
      }
    }
    return new Outcome(true, etag.orElse(null), modified.orElse(null));
  }
}
