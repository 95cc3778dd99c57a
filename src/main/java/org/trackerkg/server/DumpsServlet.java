package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackerkg.publish.RdfOutput;

/**
 * {@code /dumps/}: the files of the dump directory, flat. A listing page; each file with its media type, ETag,
 * Last-Modified and single byte ranges. Only plain file names are served: no sub-paths, no dot files, no links
 * leading out of the directory.
 */
final class DumpsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  /** The files that are not RDF (the RDF syntaxes come from {@link RdfOutput.Format}, the one registry). */
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("json", "application/json"),
      Map.entry("gz", "application/gzip"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("sha256", "text/plain; charset=utf-8"),
      Map.entry("md", "text/plain; charset=utf-8"));

  private final transient Path dir;

  DumpsServlet(Path dir) {
    this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
  }

  static String mediaType(String name) {
    if (name.equals("SHA256SUMS")) {
      return "text/plain; charset=utf-8";
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    RdfOutput.Format rdf = RdfOutput.Format.byExtension(ext);
    return rdf != null ? rdf.contentType() : TYPES.getOrDefault(ext, "application/octet-stream");
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    if (path == null) {
      resp.setStatus(301);
      resp.setHeader("Location", "/dumps/");
      return;
    }
    if (path.equals("/")) {
      listing(req, resp);
      return;
    }
    String name = path.substring(1);
    if (!NAME.matcher(name).matches() || dir == null) {
      Http.sendText(req, resp, 404, "not found: /dumps/" + name);
      return;
    }
    Path file = dir.resolve(name).normalize();
    if (!file.getParent().equals(dir) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      Http.sendText(req, resp, 404, "not found: /dumps/" + name);
      return;
    }
    serve(req, resp, file, name);
  }

  private void listing(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<Views.DumpFile> files = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          String n = p.getFileName().toString();
          if (NAME.matcher(n).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            files.add(new Views.DumpFile(n, Files.size(p), mediaType(n),
                Files.getLastModifiedTime(p).toInstant().toString()));
          }
        }
      }
    }
    files.sort(java.util.Comparator.comparing(Views.DumpFile::name));
    Pages.send(req, resp, "dumps.jte", new Views.Dumps(new Views.Page("Dumps", null, List.of()), files));
  }

  private void serve(HttpServletRequest req, HttpServletResponse resp, Path file, String name) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    long length = a.size();
    long modified = a.lastModifiedTime().toMillis() / 1000 * 1000;
    String etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(a.lastModifiedTime().toMillis()) + "\"";
    String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(modified).atOffset(ZoneOffset.UTC));
    resp.setHeader("ETag", etag);
    resp.setHeader("Last-Modified", lastModified);
    resp.setHeader("Accept-Ranges", "bytes");
    resp.setHeader("Cache-Control", "public, max-age=300");
    if (Http.notModified(req, etag) || (req.getHeader("If-None-Match") == null && notModifiedSince(req, modified))) {
      resp.setStatus(304);
      return;
    }
    resp.setContentType(mediaType(name));
    if (name.endsWith(".gz")) {
      resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
    long start = 0;
    long end = length - 1;
    String range = req.getHeader("Range");
    String ifRange = req.getHeader("If-Range");
    boolean useRange = range != null && (ifRange == null || ifRange.equals(etag) || ifRange.equals(lastModified));
    if (useRange) {
      Matcher m = RANGE.matcher(range.trim());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        try {
          if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, length - suffix);
          } else {
            start = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
              end = Math.min(end, Long.parseLong(m.group(2)));
            }
          }
        } catch (NumberFormatException e) {
          start = length; // unsatisfiable
        }
        if (start >= length || start > end) {
          resp.setStatus(416);
          resp.setHeader("Content-Range", "bytes */" + length);
          resp.setContentLength(0);
          return;
        }
        resp.setStatus(206);
        resp.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + length);
      }
      // several ranges or a malformed header: the whole file, as RFC 9110 allows
    }
    long count = end - start + 1;
    resp.setContentLengthLong(Math.max(0, count));
    if ("HEAD".equals(req.getMethod()) || count <= 0) {
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(start);
      OutputStream out = resp.getOutputStream();
      byte[] buf = new byte[16384];
      long left = count;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        left -= n;
      }
    }
  }

  private static boolean notModifiedSince(HttpServletRequest req, long modified) {
    String ims = req.getHeader("If-Modified-Since");
    if (ims == null) {
      return false;
    }
    try {
      long since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ims.trim())).toEpochMilli();
      return modified <= since;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
