package org.trackerkg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Not a test: writes N synthetic tracker dossiers by recombining the sections and list items of the real corpus
 * (the 60 Yale profiles and the Markdown descriptions in εxodus {@code trackers.json}).
 *
 * <ul>
 *   <li>Each synthetic dossier takes the heading sequence (template) of a random real profile, and each section's
 *       body from a random real document that has a section of that name: the real distribution of sections,
 *       lengths and quirks.</li>
 *   <li>Names are unique by construction (three consonant-vowel syllables, a bijection of the index), and so are
 *       slugs, websites and signatures ({@code <slug>\.example-track\.net}, {@code net.<slug>.sdk}).</li>
 *   <li>Relationship lists ({@code _Customers:_ A / B / …}) keep the real label and item count; the items are drawn
 *       from a Zipf-like pool of organisation names (the real corpus's names first, then generated ones), so
 *       shared customers and integrations exist as in real data. Ownership is the tracker itself or, for 15 %,
 *       a pool organisation.</li>
 *   <li>Deterministic for a seed; each file is written as it is generated (only the section pools are in memory).
 *       Files go into sub-folders of 1 000.</li>
 * </ul>
 *
 * Usage: {@code SyntheticCorpus OUT_DIR N [SEED] [CORPUS_DIR]}.
 */
public final class SyntheticCorpus {
  private static final Pattern LIST_LINE = Pattern.compile("^(\\s*_[^_]{1,80}:_\\s*)(.*)$");
  private static final Pattern CITATION = Pattern.compile("\\[[^\\]]*\\]\\([^)]*\\)");
  private static final String CONSONANTS = "bcdfghjklmnprstvwxyz";
  private static final String VOWELS = "aeiou";
  private static final int SYLLABLES = CONSONANTS.length() * VOWELS.length();  // 100
  private static final int NAME_SPACE = SYLLABLES * SYLLABLES * SYLLABLES;     // 1 000 000
  private static final String[] SUFFIXES = {"", "", "", " Analytics", " Ads", " SDK", " Mobile", " Data", " Labs"};

  /** Section bodies by normalised heading; templates: the heading sequences of the real profiles. */
  private final Map<String, List<String>> pool = new TreeMap<>();
  private final Map<String, String> headingText = new TreeMap<>();
  private final List<List<String>> templates = new ArrayList<>();
  private final List<String> orgPool = new ArrayList<>();
  private double[] orgCdf;

  private SyntheticCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SyntheticCorpus OUT_DIR N [SEED] [CORPUS_DIR]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    Path corpus = args.length > 3 ? Path.of(args[3]) : org.trackerkg.Corpus.root();
    long t = System.nanoTime();
    Stats s = generate(corpus, out, n, seed);
    System.out.printf("wrote %,d dossiers (%,d bytes) to %s in %.1f s%n", s.files(), s.bytes(), out,
        (System.nanoTime() - t) / 1e9);
  }

  public record Stats(int files, long bytes) {}

  /**
   * Writes {@code n} dossiers under {@code out} (created; reused as is when it already holds a {@code .complete}
   * marker for the same n and seed).
   */
  public static Stats generate(Path corpusRoot, Path out, int n, long seed) throws IOException {
    Path marker = out.resolve(".complete");
    String id = n + " " + seed + "\n";
    if (Files.isRegularFile(marker) && Files.readString(marker).startsWith(id)) {
      String[] parts = Files.readString(marker).split("\n");
      return new Stats(n, parts.length > 1 ? Long.parseLong(parts[1].trim()) : 0);
    }
    SyntheticCorpus g = new SyntheticCorpus();
    g.loadPools(corpusRoot.resolve("tracker-profiles"), corpusRoot.resolve("exodus/trackers.json"), n);
    Files.createDirectories(out);
    SplittableRandom rnd = new SplittableRandom(seed);
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      String name = name(i, seed);
      String slug = slug(name);
      Path dir = out.resolve(String.format(Locale.ROOT, "%03d", i / 1000));
      if (i % 1000 == 0) {
        Files.createDirectories(dir);
      }
      Path file = dir.resolve(String.format(Locale.ROOT, "%06d-%s.md", i, slug));
      String text = g.dossier(name, slug, rnd.split());
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      Files.write(file, b);
      bytes += b.length;
    }
    Files.writeString(marker, id + bytes + "\n");
    return new Stats(n, bytes);
  }

  /** The i-th name: three syllables chosen by a bijection of i (unique for i below one million), maybe a suffix. */
  static String name(int i, long seed) {
    long x = Math.floorMod((long) i * 387_413L + (seed * 7_919L), NAME_SPACE);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 3; k++) {
      int s = (int) (x % SYLLABLES);
      x /= SYLLABLES;
      sb.append(CONSONANTS.charAt(s / VOWELS.length())).append(VOWELS.charAt(s % VOWELS.length()));
    }
    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    // the suffix depends on i only through the name, so names stay unique
    return sb + SUFFIXES[Math.floorMod(sb.toString().hashCode(), SUFFIXES.length)];
  }

  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private void loadPools(Path profiles, Path exodus, int n) throws IOException {
    Set<String> orgs = new LinkedHashSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(profiles)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      List<String> template = new ArrayList<>();
      for (Map.Entry<String, String> e : sections(Files.readString(f)).entrySet()) {
        String key = e.getKey();
        template.add(key);
        pool.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getValue());
        collectOrgs(e.getValue(), orgs);
      }
      templates.add(template);
    }
    if (Files.isRegularFile(exodus)) {
      JsonNode root = new ObjectMapper().readTree(exodus.toFile()).get("trackers");
      for (JsonNode t : root) {
        String d = t.path("description").asText("").replace("\r\n", "\n");
        if (d.contains("## ")) {
          for (Map.Entry<String, String> e : sections(d).entrySet()) {
            if (pool.containsKey(e.getKey())) {
              pool.get(e.getKey()).add(e.getValue());
              collectOrgs(e.getValue(), orgs);
            }
          }
        }
      }
    }
    orgPool.addAll(orgs);
    // then generated organisation names (four syllables: never a tracker's name), so the pool grows with n
    int extra = Math.max(500, n / 2);
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < extra; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        int s = r.nextInt(SYLLABLES);
        sb.append(CONSONANTS.charAt(s / VOWELS.length())).append(VOWELS.charAt(s % VOWELS.length()));
      }
      sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
      orgPool.add(sb + (i % 3 == 0 ? " Inc." : i % 3 == 1 ? " Media" : " Group"));
    }
    // Zipf-like, s = 1.1: the first names (the real corpus's, which real dossiers share) are drawn most often
    orgCdf = new double[orgPool.size()];
    double sum = 0;
    for (int i = 0; i < orgCdf.length; i++) {
      sum += 1.0 / Math.pow(i + 1, 1.1);
      orgCdf[i] = sum;
    }
    for (int i = 0; i < orgCdf.length; i++) {
      orgCdf[i] /= sum;
    }
  }

  /** Sections split at level-1 and level-2 headings, keyed by the normalised heading (first one wins). */
  private Map<String, String> sections(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String key = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("# ") || line.startsWith("## ")) {
        if (key != null) {
          out.putIfAbsent(key, body.toString());
        }
        String h = line.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceFirst("^#+\\s*", "").trim();
        key = (line.startsWith("# ") ? "1:" : "2:") + h.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        headingText.putIfAbsent(key, line);
        body.setLength(0);
      } else if (key != null) {
        body.append(line).append('\n');
      }
    }
    if (key != null) {
      out.putIfAbsent(key, body.toString());
    }
    return out;
  }

  private static void collectOrgs(String body, Set<String> orgs) {
    for (String line : body.split("\n")) {
      Matcher m = LIST_LINE.matcher(line);
      if (m.matches() && m.group(2).contains(" / ")) {
        for (String item : CITATION.matcher(m.group(2)).replaceAll("").split(" / ")) {
          String s = item.trim();
          if (s.length() >= 2 && s.length() <= 40 && !s.contains("\"") && !s.contains(":")) {
            orgs.add(s);
          }
        }
      }
    }
  }

  private String org(SplittableRandom r) {
    double u = r.nextDouble();
    int lo = 0;
    int hi = orgCdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (orgCdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return orgPool.get(lo);
  }

  private String dossier(String name, String slug, SplittableRandom r) {
    List<String> template = templates.get(r.nextInt(templates.size()));
    StringBuilder sb = new StringBuilder(8192);
    for (String key : template) {
      String heading = headingText.get(key);
      List<String> bodies = pool.get(key);
      String body = bodies.get(r.nextInt(bodies.size()));
      switch (key) {
        case "1:tracker name" -> sb.append("# Tracker Name\n").append(name).append("\n\n");
        case "2:website" -> sb.append("## Website\n[https://www.").append(slug).append(".example](https://www.")
            .append(slug).append(".example)\n\n");
        case "2:ownership" -> sb.append("## Ownership\n").append(r.nextInt(100) < 15 ? org(r) : name).append("\n\n");
        case "2:exodus detection rules" -> {
          sb.append(heading).append('\n');
          if (template.contains("1:tracker name")) {
            sb.append("*   Network signature: `").append(slug).append(".example-track.net`\n");
            sb.append("*   Code signature: `net.").append(slug.replace('-', '_')).append(".sdk`\n\n");
          } else {
            sb.append("* `").append(slug).append("\\.example-track\\.net`\n\n");
          }
        }
        case "2:relationships" -> sb.append(heading).append('\n').append(relationships(body, r)).append('\n');
        default -> {
          if (key.startsWith("1:") && !key.equals("1:in εxodus?") && !key.startsWith("1:questions")) {
            sb.append("# ").append(name).append("\n\n");  // the long template's title
          } else {
            sb.append(heading).append('\n').append(body);
          }
        }
      }
    }
    return sb.toString();
  }

  /** The real lines, with each " / "-separated list's items replaced by pool organisations (same count). */
  private String relationships(String body, SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      Matcher m = LIST_LINE.matcher(line);
      if (m.matches() && m.group(2).contains(" / ")) {
        int items = m.group(2).split(" / ").length;
        Set<String> picked = new LinkedHashSet<>();
        for (int k = 0; k < items * 3 && picked.size() < items; k++) {
          picked.add(org(r));
        }
        sb.append(m.group(1)).append(String.join(" / ", picked)).append('\n');
      } else {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
