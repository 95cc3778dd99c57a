package org.trackerkg.vocab;

import org.apache.commons.codec.digest.DigestUtils;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The IRI scheme of DESIGN.md: {@code {base}id/tracker/{slug}}, {@code {base}id/org/{slug}},
 * {@code {base}id/tracker/{slug}/{kind}/{key}} for nodes a tracker owns, {@code {base}graph/{source}/{slug}} for
 * source documents. Keys of owned nodes are derived from their content, never from file order, so IRIs are
 * stable across runs and independent of the order of the inputs.
 */
public final class Iris {
  public static final String DEFAULT_BASE = "https://w3id.org/tracker-kg/";

  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)\\s*");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * The longest slug: a longer one keeps its first characters and ends with {@code -} and {@link #shortHash} of the
   * whole name, so every IRI fits URL and header limits (a 50 000-character organisation name made its pages a 500)
   * and two long names with the same beginning still get different IRIs.
   */
  public static final int MAX_SLUG_CHARS = 80;

  private final String base;

  public Iris(String base) {
    if (base == null || base.isBlank()) {
      throw new IllegalArgumentException("base IRI is empty");
    }
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      throw new IllegalArgumentException("base IRI must be http(s): " + base);
    }
    this.base = base.endsWith("/") ? base : base + "/";
  }

  public String base() {
    return base;
  }

  public String tracker(String slug) {
    return base + "id/tracker/" + slug;
  }

  public String org(String slug) {
    return base + "id/org/" + slug;
  }

  /** A node owned by a tracker: signature, clause, reference, claim, product… */
  public String owned(String trackerSlug, String kind, String key) {
    return tracker(trackerSlug) + "/" + kind + "/" + key;
  }

  public String graph(String source, String slug) {
    return base + "graph/" + source + "/" + slug;
  }

  /** One past version of a source document ({@code tkg history}): {@code {base}graph/{source}/{slug}/{commit}}. */
  public String versionGraph(String source, String slug, String commitShort) {
    return graph(source, slug) + "/" + commitShort;
  }

  /**
   * Whether a graph IRI names a past version (three segments after {@code graph/}, see {@link #versionGraph}):
   * such graphs are served beside the current data but kept out of the default graph.
   */
  public boolean isVersionGraph(String graphIri) {
    String prefix = base + "graph/";
    return graphIri.startsWith(prefix) && graphIri.substring(prefix.length()).split("/", -1).length == 3;
  }

  /**
   * Name without its parenthetical, ASCII-folded, lower case, non-alphanumerics as {@code -}:
   * "Appboy (Braze)" → {@code appboy}, "Xiti (by AT Internet)" → {@code xiti}. Never empty, and never longer than
   * {@link #MAX_SLUG_CHARS} (a longer one is cut and ends with a hash of the name).
   */
  public static String slug(String name) {
    String s = PARENTHETICAL.matcher(name == null ? "" : name).replaceAll(" ");
    if (s.isBlank()) {
      s = name == null ? "" : name; // "(foo)" alone: keep what is there
    }
    s = asciiFold(s).toLowerCase(Locale.ROOT);
    s = NON_ALNUM.matcher(s).replaceAll("-");
    s = trimDashes(s);
    if (s.isEmpty()) {
      return "x" + shortHash(name == null ? "" : name);
    }
    if (s.length() > MAX_SLUG_CHARS) {
      // a readable prefix and the hash of the whole name: 71 + 1 + 8 characters at most
      s = trimDashes(s.substring(0, MAX_SLUG_CHARS - 9)) + "-" + shortHash(name);
    }
    return s;
  }

  public static String asciiFold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
    return MARKS.matcher(d).replaceAll("").replace('ß', 's').replace("æ", "ae").replace("ø", "o")
        .replace("Æ", "AE").replace("Ø", "O").replace("ł", "l").replace("Ł", "L");
  }

  private static String trimDashes(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) == '-') {
      a++;
    }
    while (b > a && s.charAt(b - 1) == '-') {
      b--;
    }
    return s.substring(a, b);
  }

  /** A short, readable key prefix: the slug of a label cut to 40 characters. */
  public static String labelKey(String label) {
    String s = slug(label);
    if (s.length() > 40) {
      s = trimDashes(s.substring(0, 40));
    }
    return s;
  }

  /** 8 hex digits of the sha256 of the parts joined by U+001F: stable content keys for owned nodes. */
  public static String shortHash(String... parts) {
    // commons-codec, as base.Hashes (vocab sits below base)
    return DigestUtils.sha256Hex(String.join("\u001f", parts)).substring(0, 8);
  }
}
