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
import org.trackerkg.publish.DumpFolder;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.publish.RdfOutput;

/**
 * {@code /dumps/}: the files of the current dump version ({@link DumpFolder}), flat, and those of the kept versions
 * at {@code /dumps/versions/ID/NAME}. A listing page; each file with its media type, ETag, Last-Modified and single
 * byte ranges. The version is resolved once per request, and the file opened from that version's folder (which is
 * never changed), so no answer mixes versions; every answer names its version in {@value DumpFolder#VERSION_HEADER}.
 * The ETag of a dump file is its SHA-256 from {@code SHA256SUMS}, so it changes with the content and only then, and
 * a Range request with {@code If-Range} never splices two versions. Only plain file names are served: no other
 * sub-paths, no dot files, no links.
 */
final class DumpsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String SUMS = DumpWriter.SUMS;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern PINNED = Pattern.compile("/" + DumpFolder.VERSIONS + "/([^/]+)/([^/]+)");
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
    if (name.equals(SUMS)) {
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
    DumpFolder.Version version;
    String name;
    Matcher pinned = PINNED.matcher(path);
    if (pinned.matches() && DumpFolder.isId(pinned.group(1))) {
      Path v = dir == null ? null : DumpFolder.version(dir, pinned.group(1));
      version = v == null ? null : new DumpFolder.Version(pinned.group(1), v);
      name = pinned.group(2);
    } else {
      version = DumpFolder.current(dir); // once: every file of this answer comes from this version
      name = path.substring(1);
    }
    Path file = version == null || !NAME.matcher(name).matches() ? null : version.file(name).normalize();
    if (file == null || !file.getParent().equals(version.dir())
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      Http.sendText(req, resp, 404, "not found: /dumps" + path);
      return;
    }
    serve(req, resp, version, file, name);
  }

  private void listing(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<Views.DumpFile> files = new ArrayList<>();
    DumpFolder.Version version = DumpFolder.current(dir);
    if (version != null) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(version.dir())) {
        for (Path p : ds) {
          String n = p.getFileName().toString();
          if (NAME.matcher(n).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            files.add(new Views.DumpFile(n, Files.size(p), mediaType(n),
                Files.getLastModifiedTime(p).toInstant().toString()));
          }
        }
      }
      if (version.id() != null) {
        resp.setHeader(DumpFolder.VERSION_HEADER, version.id());
      }
    }
    files.sort(java.util.Comparator.comparing(Views.DumpFile::name));
    Pages.send(req, resp, "dumps.jte", new Views.Dumps(new Views.Page("Dumps", null, List.of()),
        version == null ? null : version.id(), files));
  }

  /** The strong ETag of a file: its SHA-256 when the version lists it, else its version, size and time. */
  private static String etag(DumpFolder.Version version, String name, BasicFileAttributes a) {
    String sha = sums(version).get(name);
    if (sha != null) {
      return "\"" + sha + "\"";
    }
    return "\"" + (version.id() == null ? "" : version.id() + "-") + Long.toHexString(a.size()) + "-"
        + Long.toHexString(a.lastModifiedTime().toMillis()) + "\"";
  }

  /** The last version's SHA256SUMS (a version never changes: read once); a folder of plain files is read each time. */
  private static volatile Map.Entry<Path, Map<String, String>> lastSums;

  private static Map<String, String> sums(DumpFolder.Version version) {
    Map.Entry<Path, Map<String, String>> last = lastSums;
    if (version.id() != null && last != null && last.getKey().equals(version.dir())) {
      return last.getValue();
    }
    Map<String, String> sums = new java.util.HashMap<>();
    try {
      for (String line : Files.readAllLines(version.file(SUMS), java.nio.charset.StandardCharsets.UTF_8)) {
        if (line.length() > 66 && line.charAt(64) == ' ' && line.matches("[0-9a-f]{64} [ *].+")) {
          sums.put(line.substring(66), line.substring(0, 64));
        }
      }
    } catch (IOException e) {
      return Map.of(); // no sums: ETags from size and time
    }
    if (version.id() != null) {
      lastSums = Map.entry(version.dir(), Map.copyOf(sums));
    }
    return sums;
  }

  private void serve(HttpServletRequest req, HttpServletResponse resp, DumpFolder.Version version, Path file,
      String name) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    long length = a.size();
    long modified = a.lastModifiedTime().toMillis() / 1000 * 1000;
    String etag = etag(version, name, a);
    if (version.id() != null) {
      resp.setHeader(DumpFolder.VERSION_HEADER, version.id());
    }
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
