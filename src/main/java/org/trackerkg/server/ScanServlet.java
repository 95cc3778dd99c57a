package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackerkg.link.app.AppFormatException;
import org.trackerkg.link.app.AppReport;
import org.trackerkg.link.app.AppScanner;
import org.trackerkg.link.app.ReportFormat;
import org.trackerkg.link.app.ScanLimits;
import org.trackerkg.link.app.TrackerProfiles;
import org.trackerkg.vocab.Iris;

/**
 * {@code POST /scan}: the privacy report of an uploaded app, as {@code tkg scan} gives it, in JSON or HTML by the
 * Accept header. The body is the app itself (any content type) or a {@code multipart/form-data} form whose first
 * file part is the app (the home page's form, {@code curl -F app=@x.apk}). A declared length over the limit is
 * refused with 413 before anything is read; a chunked body is refused as soon as it goes over. The upload is
 * streamed to a temporary file, read through its zip directory, and deleted before the answer is sent. Only
 * served with {@code tkg serve --scan}; else 404 ({@code maxUpload} 0).
 */
public final class ScanServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final List<String> OFFERS = List.of("application/json", "text/html");
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  /** The default {@code --max-upload}: 200 MiB. */
  public static final long DEFAULT_MAX_UPLOAD = 200 * ScanLimits.MIB;

  private final transient Site site;
  private final long maxUpload;
  private transient AppScanner scanner;

  ScanServlet(Site site, long maxUpload) {
    this.site = site;
    this.maxUpload = maxUpload;
  }

  private synchronized AppScanner scanner() {
    if (scanner == null) {
      scanner = new AppScanner(site.matcher(), new TrackerProfiles(site.data().union()), ScanLimits.DEFAULT);
    }
    return scanner;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (maxUpload <= 0) {
      Http.sendText(req, resp, 404, "Not found: app scanning is off on this server (tkg serve --scan turns it on)");
      return;
    }
    resp.setHeader("Vary", "Accept");
    long length = req.getContentLengthLong();
    if (length > maxUpload) {
      tooLarge(req, resp);
      return;
    }
    String chosen = Negotiation.choose(req.getHeader("Accept"), OFFERS);
    ReportFormat format = "text/html".equals(chosen) ? ReportFormat.HTML : ReportFormat.JSON;
    Path tmp = Files.createTempFile("tkg-upload-", ".bin");
    Path app = null;
    try {
      try (InputStream in = new MinimumRateInput(req.getInputStream(), TrackerServer.MIN_BODY_BYTES_PER_SECOND);
          OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
          total += r;
          if (total > maxUpload) {
            tooLarge(req, resp);
            return;
          }
          out.write(buf, 0, r);
        }
      } catch (MinimumRateInput.TooSlow e) {
        resp.setHeader("Connection", "close");
        Http.sendText(req, resp, HttpServletResponse.SC_REQUEST_TIMEOUT, "Upload too slow: under the "
            + TrackerServer.MIN_BODY_BYTES_PER_SECOND + " bytes a second the server waits for");
        return;
      }
      String name = "upload";
      String ct = req.getContentType();
      app = tmp;
      if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
        Matcher b = BOUNDARY.matcher(ct);
        if (!b.find()) {
          Http.sendText(req, resp, 400, "Bad request: multipart/form-data without a boundary");
          return;
        }
        app = Files.createTempFile("tkg-upload-", ".app");
        name = firstPart(tmp, b.group(1), app);
        if (name == null) {
          Http.sendText(req, resp, 400, "Bad request: no file part in the form");
          return;
        }
      }
      if (Files.size(app) == 0) {
        Http.sendText(req, resp, 400, "Bad request: no app in the body (POST the APK, or a form with a file)");
        return;
      }
      AppReport report;
      try {
        String n = name;
        Path a = app;
        report = site.data().read(() -> {
          try {
            return scanner().scan(a, n, Instant.now());
          } catch (AppFormatException | IOException e) {
            throw new ScanFailure(e);
          }
        });
      } catch (ScanFailure f) {
        Http.sendText(req, resp, 422, "Unprocessable app: " + name + ": " + f.getCause().getMessage());
        return;
      }
      byte[] body = format.write(List.of(report), new Iris(site.data().base())).getBytes(StandardCharsets.UTF_8);
      Files.deleteIfExists(tmp); // nothing of the upload outlives the request
      if (app != tmp) {
        Files.deleteIfExists(app);
      }
      Http.send(req, resp, format == ReportFormat.HTML ? format.mediaType : "application/json; charset=utf-8",
          body, null);
    } finally {
      Files.deleteIfExists(tmp);
      if (app != null && app != tmp) {
        Files.deleteIfExists(app);
      }
    }
  }

  private static final class ScanFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScanFailure(Exception cause) {
      super(cause);
    }
  }

  private void tooLarge(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Connection", "close");
    Http.sendText(req, resp, 413, "Payload Too Large: uploads are limited to " + maxUpload + " bytes (--max-upload)");
  }

  /**
   * Copies the first part of a multipart body that has a file name (else the first part) to {@code out}; returns
   * its file name ("upload" when none), or null when the body has no part. Streams: the body is never in memory.
   */
  static String firstPart(Path body, String boundary, Path out) throws IOException {
    byte[] delim = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(body), 64 * 1024)) {
      // the body starts with "--boundary\r\n" (the delimiter without its CRLF)
      byte[] first = ("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      if (!java.util.Arrays.equals(in.readNBytes(first.length), first)) {
        return null;
      }
      while (true) {
        String headers = readHeaders(in);
        if (headers == null) {
          return null;
        }
        Matcher f = FILENAME.matcher(headers);
        boolean isFile = f.find();
        try (OutputStream o = isFile ? new java.io.BufferedOutputStream(Files.newOutputStream(out), 64 * 1024)
            : OutputStream.nullOutputStream()) {
          if (!copyUntil(in, delim, o)) {
            return null;
          }
        }
        if (isFile) {
          String n = f.group(1).replaceAll(".*[/\\\\]", "");
          return n.isBlank() ? "upload" : n;
        }
        byte[] after = in.readNBytes(2); // "\r\n" before the next part, "--" after the last
        if (after.length < 2 || after[0] == '-') {
          return null;
        }
      }
    }
  }

  /** The part's headers up to the blank line (at most 16 KiB), or null at the end of the body. */
  private static String readHeaders(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && sb.length() < 16 * 1024) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        return sb.toString();
      }
    }
    return null;
  }

  /** Copies bytes to {@code out} until {@code delim} (consumed, not copied); false when the body ends first. */
  private static boolean copyUntil(InputStream in, byte[] delim, OutputStream out) throws IOException {
    int matched = 0;
    int c;
    while ((c = in.read()) >= 0) {
      if (c == (delim[matched] & 0xff)) {
        matched++;
        if (matched == delim.length) {
          return true;
        }
        continue;
      }
      if (matched > 0) {
        // the delimiter starts with CR and has no other CR, so a failed partial match can only restart here
        out.write(delim, 0, matched);
        matched = 0;
        if (c == (delim[0] & 0xff)) {
          matched = 1;
          continue;
        }
      }
      out.write(c);
    }
    return false;
  }
}
