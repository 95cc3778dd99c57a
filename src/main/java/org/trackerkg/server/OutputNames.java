package org.trackerkg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The output names of {@code /sparql}'s {@code format}, {@code output} and {@code results} parameters that Fuseki
 * does not know but our format registry does ({@code rdf}, {@code rdfxml}, {@code rdf+xml}, {@code n3},
 * {@code jsonld}, {@code ntriples}, {@code nquads}, {@code nq}: the names the {@code /doc/} suffixes take and
 * SPARQLWrapper sends), handed on to Fuseki as the media type they name. Fuseki's own names ({@code json},
 * {@code xml}, {@code csv}, {@code tsv}, {@code text}, {@code ttl}, {@code turtle}, {@code nt}, {@code json-ld},
 * {@code trig}, {@code n-quads}…) and media types go through unchanged, as does a name nobody knows: Fuseki answers
 * that with 400 and does not fall back to {@code Accept}, and neither do we.
 */
final class OutputNames {
  private static final Set<String> PARAMS = Set.of("format", "output", "results");
  /** What Fuseki 5.6 maps itself (Responses' short names). */
  private static final Set<String> FUSEKI = Set.of("json", "xml", "sparql", "text", "csv", "tsv", "thrift",
      "json-ld", "json-rdf", "nt", "ttl", "turtle", "trig", "n-quads");

  private OutputNames() {}

  /** The request, its output parameters' values renamed where needed (the request itself when none is). */
  static HttpServletRequest wrap(HttpServletRequest req) {
    Map<String, String[]> renamed = new LinkedHashMap<>();
    for (String p : PARAMS) {
      String[] values = req.getParameterValues(p);
      if (values == null) {
        continue;
      }
      String[] out = values.clone();
      boolean changed = false;
      for (int i = 0; i < out.length; i++) {
        String m = mediaType(out[i]);
        if (m != null) {
          out[i] = m;
          changed = true;
        }
      }
      if (changed) {
        renamed.put(p, out);
      }
    }
    if (renamed.isEmpty()) {
      return req;
    }
    return new HttpServletRequestWrapper(req) {
      @Override
      public String getParameter(String name) {
        String[] v = renamed.get(name);
        return v != null ? v[0] : super.getParameter(name);
      }

      @Override
      public String[] getParameterValues(String name) {
        String[] v = renamed.get(name);
        return v != null ? v.clone() : super.getParameterValues(name);
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        Map<String, String[]> m = new LinkedHashMap<>(super.getParameterMap());
        m.putAll(renamed);
        return Collections.unmodifiableMap(m);
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
      }
    };
  }

  /** The media type a name stands for when Fuseki would not know it, else null (left as it is). */
  static String mediaType(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (FUSEKI.contains(v) || v.contains("/")) {
      return null;
    }
    RdfFormat f = RdfFormat.byName(v);
    return f == null || f == RdfFormat.HTML ? null : f.mediaType;
  }
}
