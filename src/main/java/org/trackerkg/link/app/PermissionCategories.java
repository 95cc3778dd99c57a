package org.trackerkg.link.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trackerkg.vocab.Vocab;

/**
 * The dangerous Android permissions and the DPV personal-data category each exposes, from
 * {@code permission-categories.tsv} beside this class (one rule a line: permission, category, note).
 */
public final class PermissionCategories {
  private static final String PREFIX = "android.permission.";
  private final Map<String, String> categoryIri;

  private PermissionCategories(Map<String, String> categoryIri) {
    this.categoryIri = Collections.unmodifiableMap(categoryIri);
  }

  /** The table shipped with the code. */
  public static PermissionCategories load() {
    try (InputStream in = PermissionCategories.class.getResourceAsStream("permission-categories.tsv")) {
      if (in == null) {
        throw new IllegalStateException("permission-categories.tsv missing from the classpath");
      }
      Map<String, String> m = new TreeMap<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        String iri = f.length >= 2 ? Vocab.PREFIXES.expandPrefix(f[1]) : null;
        if (iri == null || iri.equals(f[1])) {
          throw new IllegalStateException("permission-categories.tsv:" + n + ": expected permission TAB curie");
        }
        m.put(PREFIX + f[0], iri);
      }
      return new PermissionCategories(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The category IRI a permission exposes, or null (not a dangerous one). */
  public String categoryOf(String permission) {
    return categoryIri.get(permission);
  }

  /** Every permission the table knows, by name. */
  public List<String> permissions() {
    return new ArrayList<>(categoryIri.keySet());
  }
}
