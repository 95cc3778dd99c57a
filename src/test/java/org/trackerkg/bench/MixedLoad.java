package org.trackerkg.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The mixed-load scripts for {@code wrk}: one cycle of 100 requests in the proportions below, spread over
 * {@code trackers} trackers of the serving dump, shuffled once (seeded), each wrk thread starting at its own place.
 *
 * <p>The proportions are those of a public linked-data site with an endpoint: most visitors read pages, tools
 * dereference IRIs and run the catalogue's queries, programs send their own SPARQL (mostly the same few shapes over
 * different things, some never seen before), and auditors ask which tracker a host or class belongs to:
 * <pre>
 *   30  HTML page of a tracker          GET /doc/tracker/{slug}            Accept: text/html
 *    5  landing page                     GET /                              Accept: text/html
 *   10  tracker as Turtle                GET /doc/tracker/{slug}            Accept: text/turtle
 *   15  canned query                     GET /queries/tracker-profile?tracker={slug}   (SPARQL JSON)
 *   10  ad-hoc SPARQL, lookup shape      POST /sparql (one-row lookup of a tracker; repeats: cacheable)
 *   10  ad-hoc SPARQL, profile shape     POST /sparql (the tracker-profile shape; repeats: cacheable)
 *   10  ad-hoc SPARQL, never seen        POST /sparql (a lookup with a LIMIT unique to the request: a cache miss)
 *   10  /match                           GET /match?q={host or class name}
 * </pre>
 * The baseline script holds only the 30 SPARQL requests, in the same order (bare Fuseki has nothing else).
 */
final class MixedLoad {
  private record Req(String method, String path, String accept, String body, boolean unique) {}

  private final Path all;
  private final Path sparqlOnly;
  private final Map<String, Integer> mix;

  private MixedLoad(Path all, Path sparqlOnly, Map<String, Integer> mix) {
    this.all = all;
    this.sparqlOnly = sparqlOnly;
    this.mix = mix;
  }

  Path all() {
    return all;
  }

  Path sparqlOnly() {
    return sparqlOnly;
  }

  String summary() {
    return "mix of 100: 35 pages, 10 Turtle, 15 canned, 30 ad-hoc SPARQL (10 never seen), 10 /match";
  }

  Map<String, Object> describe() {
    return Map.of("mix", mix, "script", all.toString(), "baselineScript", sparqlOnly.toString());
  }

  static MixedLoad write(Path dir, Path nt, int trackers) throws IOException {
    Map<String, String[]> t = trackers(nt, trackers);
    List<String> slugs = new ArrayList<>(t.keySet());
    String tp = "https://w3id.org/tracker-kg/id/tracker/";
    List<Req> reqs = new ArrayList<>();
    Map<String, Integer> mix = new LinkedHashMap<>();
    add(reqs, mix, "page", 30, slugs, s -> new Req("GET", "/doc/tracker/" + s, "text/html", null, false));
    add(reqs, mix, "landing", 5, slugs, s -> new Req("GET", "/", "text/html", null, false));
    add(reqs, mix, "turtle", 10, slugs, s -> new Req("GET", "/doc/tracker/" + s, "text/turtle", null, false));
    add(reqs, mix, "canned", 15, slugs, s -> new Req("GET", "/queries/tracker-profile?tracker=" + s,
        "application/sparql-results+json", null, false));
    add(reqs, mix, "sparql-lookup", 10, slugs, s -> sparql("SELECT ?p ?o WHERE { <" + tp + s + "> ?p ?o } LIMIT 1",
        false));
    add(reqs, mix, "sparql-profile", 10, slugs, s -> sparql("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        + "PREFIX schema: <http://schema.org/>\nSELECT ?property ?value (MIN(STR(?vl)) AS ?valueLabel) WHERE { <"
        + tp + s + "> ?property ?value . OPTIONAL { ?value rdfs:label|schema:name ?vl } } GROUP BY ?property ?value "
        + "ORDER BY ?property STR(?value) LIMIT 5000", false));
    add(reqs, mix, "sparql-unique", 10, slugs, s -> sparql("SELECT ?p ?o WHERE { <" + tp + s + "> ?p ?o } LIMIT ",
        true));
    int[] k = {0};
    add(reqs, mix, "match", 10, slugs, s -> {
      String[] hc = t.get(s);
      String q = k[0]++ % 2 == 0 ? hc[0] : hc[1];
      return new Req("GET", "/match?q=" + BenchHarness.urlEncode(q), "application/json", null, false);
    });
    Collections.shuffle(reqs, new Random(42));
    Path all = dir.resolve("mixed.lua");
    Path sparqlOnly = dir.resolve("mixed-sparql.lua");
    Files.writeString(all, lua(reqs));
    Files.writeString(sparqlOnly, lua(reqs.stream().filter(r -> r.path().equals("/sparql")).toList()));
    return new MixedLoad(all, sparqlOnly, mix);
  }

  private static Req sparql(String query, boolean unique) {
    return new Req("POST", "/sparql", "application/sparql-results+json", "query=" + BenchHarness.urlEncode(query),
        unique);
  }

  private static void add(List<Req> reqs, Map<String, Integer> mix, String kind, int n, List<String> slugs,
      java.util.function.Function<String, Req> make) {
    mix.put(kind, n);
    for (int i = 0; i < n; i++) {
      reqs.add(make.apply(slugs.get((i * 7 + kind.length()) % slugs.size())));
    }
  }

  /** wrk's Lua: a request function cycling through the table; unique requests get a number of their own. */
  private static String lua(List<Req> reqs) {
    StringBuilder s = new StringBuilder("-- generated by MixedLoad (bench): one cycle of the mix\nlocal reqs = {\n");
    for (Req r : reqs) {
      s.append(String.format(Locale.ROOT, "  {m=\"%s\", p=[==[%s]==], a=\"%s\", b=%s, u=%s},%n", r.method(), r.path(),
          r.accept(), r.body() == null ? "nil" : "[==[" + r.body() + "]==]", r.unique()));
    }
    s.append("}\n")
        .append("local nthreads = 0\n")
        .append("function setup(thread) thread:set(\"tid\", nthreads); nthreads = nthreads + 1 end\n")
        .append("local i, uniq = 0, 0\n")
        .append("function init(args) i = ((tid or 0) * 37) % #reqs end\n")
        .append("function request()\n")
        .append("  i = i % #reqs + 1\n")
        .append("  local r = reqs[i]\n")
        .append("  local body = r.b\n")
        .append("  if r.u then uniq = uniq + 1; body = body .. tostring(1000000 * ((tid or 0) + 1) + uniq) end\n")
        .append("  local h = {Accept = r.a}\n")
        .append("  if body then h[\"Content-Type\"] = \"application/x-www-form-urlencoded\" end\n")
        .append("  return wrk.format(r.m, r.p, h, body)\n")
        .append("end\n");
    return s.toString();
  }

  /** Up to {@code n} trackers spread over the dump: slug → {website host, a class name under a code signature}. */
  private static Map<String, String[]> trackers(Path nt, int n) throws IOException {
    String prefix = "<https://w3id.org/tracker-kg/id/tracker/";
    Map<String, String> hosts = new TreeMap<>();
    Map<String, String> classes = new TreeMap<>();
    try (Stream<String> lines = Files.lines(nt)) {
      lines.filter(l -> l.startsWith(prefix)).forEach(l -> {
        String subject = l.substring(prefix.length(), l.indexOf('>'));
        String slug = subject.contains("/") ? subject.substring(0, subject.indexOf('/')) : subject;
        if (!subject.contains("/") && l.contains("> <http://schema.org/url> <")) {
          String url = l.substring(l.lastIndexOf(" <") + 2, l.lastIndexOf('>'));
          try {
            String host = URI.create(url).getHost();
            if (host != null) {
              hosts.putIfAbsent(slug, host);
            }
          } catch (IllegalArgumentException e) {
            // not a URL a host can be taken from
          }
        } else if (subject.contains("/signature/code-") && l.contains("ontology#pattern> \"")) {
          String p = l.substring(l.indexOf("pattern> \"") + 10, l.lastIndexOf('"'));
          classes.putIfAbsent(slug, p + ".Tracker");
        }
      });
    }
    List<String> both = hosts.keySet().stream().filter(classes::containsKey).toList();
    if (both.isEmpty()) {
      throw new IllegalStateException(nt + ": no tracker with both a website and a code signature");
    }
    Map<String, String[]> out = new LinkedHashMap<>();
    int step = Math.max(1, both.size() / n);
    for (int i = 0; i < both.size() && out.size() < n; i += step) {
      String s = both.get(i);
      out.put(s, new String[] {hosts.get(s), classes.get(s)});
    }
    return out;
  }
}
