package org.trackerkg.store.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.trackerkg.base.Hashes;
import org.trackerkg.publish.DumpFolder;
import org.trackerkg.publish.DumpWriter;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.publish.PatchLog.PatchHeader;
import org.trackerkg.store.ServedData;

/**
 * Dumps as a replica's snapshot: the dump directory records ({@value #RECORD}, served beside the dumps at
 * {@code /dumps/}) which patch its N-Quads dump is the state of, and that state's SHA-256 — the patch header's, which
 * is also the SHA-256 of the sorted N-Quads file itself. A new replica (or this one, restarted) loads the dump from a
 * folder or from a running server's {@code /dumps/} URL, checks the file against the record, and follows the log
 * from that patch. The record is part of the dump's version ({@link DumpWriter#record}): written with the dump files
 * and switched in with them, so a folder's current version and its record always agree. A download fetches the dump
 * file of the very version the record came from ({@code /dumps/versions/ID/…}, ID from the record's
 * {@value DumpFolder#VERSION_HEADER} header); from a server that does not say, a download that caught a rewrite
 * half-way fails the hash check (and is tried again) instead of starting from a state no patch produced.
 */
public final class ReplicaDumps {
  public static final String RECORD = "replication.json";
  static final String DUMP = DumpWriter.NAME + ".nq";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
  /** Downloads that catch the source rewriting its dumps are retried this often. */
  private static final int ATTEMPTS = 3;

  private ReplicaDumps() {}

  /** A state of the data, the patch id it is at and its SHA-256 (checked). */
  public record Snapshot(DatasetGraph dataset, String patchId, String sha256) {}

  /** What {@value #RECORD} says: the patch, the state's SHA-256 (= the dump file's), the dump file's name. */
  public record Record(String patch, String sha256, String file) {
    static Record parse(byte[] json, String where) throws IOException {
      JsonNode n;
      try {
        n = JSON.readTree(json);
      } catch (IOException e) {
        throw new IOException(where + ": not a replication record: " + e.getMessage(), e);
      }
      String patch = n == null ? null : n.path("patch").asText(null);
      String sha = n == null ? null : n.path("sha256").asText(null);
      String file = n == null ? null : n.path("file").asText(DUMP);
      if (patch == null || patch.isEmpty() || sha == null || !sha.matches("[0-9a-f]{64}")
          || !file.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new IOException(where + ": a replication record needs \"patch\", \"sha256\" (64 hex digits) and a"
            + " plain \"file\" name");
      }
      return new Record(patch, sha, file);
    }

    byte[] bytes() {
      ObjectNode n = JSON.createObjectNode().put("patch", patch).put("sha256", sha256).put("file", file);
      return (n.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The dumps in {@code dir} do not hash as their record says (a copy or a rewrite caught half-way). */
  public static final class MismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }

  /**
   * The snapshot recorded in {@code dir}, when it has a record; {@link MismatchException} when the dump does not
   * hash as recorded.
   */
  public static Optional<Snapshot> find(Path dir) throws IOException {
    DumpFolder.Version current = DumpFolder.current(dir); // resolved once: the record and its dump are one version's
    if (current == null) {
      return Optional.empty();
    }
    dir = current.dir();
    Path rec = dir.resolve(RECORD);
    if (!Files.isRegularFile(rec)) {
      return Optional.empty();
    }
    Record r = Record.parse(Files.readAllBytes(rec), rec.toString());
    Path nq = dir.resolve(r.file());
    if (!Files.isRegularFile(nq)) {
      throw new MismatchException(rec + " names " + r.file() + ", which is not in " + dir);
    }
    String hash = Hashes.sha256Hex(nq);
    if (!hash.equals(r.sha256())) {
      throw new MismatchException(nq + " hashes to " + hash + ", not the " + r.sha256() + " of patch " + r.patch()
          + " its record states");
    }
    return Optional.of(new Snapshot(load(nq), r.patch(), r.sha256()));
  }

  /**
   * The snapshot a running server publishes at {@code dumps} (its {@code /dumps/} URL): the record, then the dump it
   * names, checked against it while downloading; a download that caught a rewrite is tried again.
   */
  public static Snapshot fetch(URI dumps, PrintStream log) throws IOException, InterruptedException {
    URI base = dumps.getPath().endsWith("/") ? dumps : URI.create(dumps + "/");
    HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    Path tmp = Files.createTempFile("tkg-bootstrap-", ".nq");
    try {
      for (int attempt = 1; ; attempt++) {
        URI recUri = base.resolve(RECORD);
        HttpResponse<byte[]> rec = http.send(HttpRequest.newBuilder(recUri).timeout(HTTP_TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (rec.statusCode() != 200) {
          throw new IOException(recUri + ": HTTP " + rec.statusCode() + " (no replication record: the server's dumps"
              + " are not a replica's, or not written yet)");
        }
        Record r = Record.parse(rec.body(), recUri.toString());
        // the file of the very version the record came from, when the server names it (no rewrite can come between)
        String version = rec.headers().firstValue(DumpFolder.VERSION_HEADER).orElse("");
        URI fileUri = base.resolve(DumpFolder.isId(version) ? DumpFolder.VERSIONS + "/" + version + "/" + r.file()
            : r.file());
        HttpResponse<InputStream> body = http.send(HttpRequest.newBuilder(fileUri).timeout(HTTP_TIMEOUT).GET()
            .build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest md = Hashes.sha256();
        try (InputStream in = new DigestInputStream(body.body(), md)) {
          if (body.statusCode() != 200) {
            throw new IOException(fileUri + ": HTTP " + body.statusCode());
          }
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        String hash = Hashes.hex(md);
        if (hash.equals(r.sha256())) {
          return new Snapshot(load(tmp), r.patch(), r.sha256());
        }
        String why = fileUri + " hashes to " + hash + ", not the " + r.sha256() + " of patch " + r.patch()
            + " its record states";
        if (attempt >= ATTEMPTS) {
          throw new MismatchException(why + " (" + ATTEMPTS + " attempts)");
        }
        log.println("tkg: replica: " + why + " (rewritten while downloading?); trying again");
        Thread.sleep(1000L * attempt);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static DatasetGraph load(Path nq) {
    DatasetGraph dsg = DatasetGraphFactory.create();
    RDFParser.source(nq).lang(Lang.NQUADS).parse(dsg);
    return dsg;
  }

  /**
   * Writes the dumps of the served data (its named graphs) into {@code dir}, then records the patch; false (and
   * nothing written) when the data is no longer that patch's state (a later patch landed: its own write follows).
   */
  public static boolean write(ServedData data, PatchHeader patch, Path dir) throws IOException {
    DatasetGraph copy = DatasetGraphFactory.create();
    data.read(() -> {
      data.dataset().findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
      return null;
    });
    return write(copy, data.base(), patch, dir);
  }

  /**
   * Writes the dumps of {@code state} into {@code dir} and records that they are {@code patch}'s state; false (and
   * nothing written) when they are not (their hash is not the header's).
   */
  public static boolean write(DatasetGraph state, String base, PatchHeader patch, Path dir) throws IOException {
    if (!PatchLog.stateHash(state).equals(patch.sha256())) {
      return false;
    }
    byte[] record = new Record(patch.id(), patch.sha256(), DUMP).bytes();
    DumpWriter.create().base(base).record(RECORD, files -> record).write(state, dir);
    return true;
  }

  /**
   * Rewrites the dumps in the background after patches: one writer thread; patches that land while it writes are
   * folded into one more write of the latest state.
   */
  public static final class Rewriter {
    private final ServedData data;
    private final Path dir;
    private final PrintStream log;
    private PatchHeader pending;
    private boolean running;

    public Rewriter(ServedData data, Path dir, PrintStream log) {
      this.data = data;
      this.dir = dir;
      this.log = log;
    }

    public synchronized void request(PatchHeader patch) {
      pending = patch;
      if (!running) {
        running = true;
        Thread t = new Thread(this::loop, "tkg-replica-dumps");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
      }
    }

    private void loop() {
      while (true) {
        PatchHeader id;
        synchronized (this) {
          if (pending == null) {
            running = false;
            return;
          }
          id = pending;
          pending = null;
        }
        try {
          if (write(data, id, dir)) {
            log.println("tkg: replica: wrote dumps of patch " + id.id() + " to " + dir);
          }
        } catch (IOException | RuntimeException e) {
          log.println("tkg: replica: could not write dumps to " + dir + ": " + e.getMessage());
        }
        log.flush();
      }
    }
  }
}
