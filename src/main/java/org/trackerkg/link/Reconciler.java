package org.trackerkg.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.base.Domains;
import org.trackerkg.graph.OrgNames;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The W3C Entity Reconciliation Service API (0.2) over trackers and organisations, without HTTP: the manifest,
 * queries (single or batch, as JSON) and previews. Candidates are found by name (every label, case and legal
 * suffixes aside), by website domain ({@code mparticle.com}) and by package or host name through the trackers'
 * signatures ({@code com.mparticle.MParticle}). Scores run from 0 to 100; {@code match} is true only for a sole
 * candidate of score 100 or one ahead of the next by 20 or more.
 *
 * <p>Entity ids are {@code tracker/{slug}} and {@code org/{slug}}: the identifier space is {@code {base}id/}, so
 * an id appended to it is the entity's IRI.
 */
public final class Reconciler {
  public static final String TRACKER = "Tracker";
  public static final String ORGANIZATION = "Organization";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_LIMIT = 10;

  /** One entity that can be reconciled against. */
  public record Entity(String id, String type, String name, Set<String> labels, Set<String> domains,
      String description) {}

  /** One candidate of a query. */
  public record Candidate(Entity entity, int score, boolean match) {}

  private final String base;
  private final String serviceUrl;
  private final Map<String, Entity> entities;
  private final SignatureMatcher signatures;

  private Reconciler(String base, String serviceUrl, Map<String, Entity> entities, SignatureMatcher signatures) {
    this.base = base;
    this.serviceUrl = serviceUrl;
    this.entities = entities;
    this.signatures = signatures;
  }

  /**
   * A reconciler over the trackers and organisations of the dataset. {@code serviceUrl} is where the service is
   * served ({@code http://host:port/reconcile}), for the preview URL of the manifest.
   */
  public static Reconciler fromDataset(DatasetGraph dsg, String base, String serviceUrl) {
    return fromUnion(dsg.getUnionGraph(), base, serviceUrl, SignatureMatcher.fromDataset(dsg, base));
  }

  /**
   * The same from the union of the named graphs (a materialised copy answers far faster than a view) and the
   * signature matcher already built over the dataset.
   */
  public static Reconciler fromUnion(Graph union, String base, String serviceUrl, SignatureMatcher signatures) {
    Iris iris = new Iris(base);
    Map<String, Entity> entities = new TreeMap<>();
    collect(union, TKG.Tracker.asNode(), iris.tracker(""), "tracker/", TRACKER, entities);
    collect(union, TKG.Organization.asNode(), iris.org(""), "org/", ORGANIZATION, entities);
    return new Reconciler(iris.base(), serviceUrl, entities, signatures);
  }

  private static void collect(Graph dsg, Node type, String prefix, String idPrefix, String typeId,
      Map<String, Entity> out) {
    Set<String> iris = new TreeSet<>();
    dsg.find(Node.ANY, Vocab.type, type).forEachRemaining(q -> {
      String iri = q.getSubject().getURI();
      if (iri != null && iri.startsWith(prefix) && iri.indexOf('/', prefix.length()) < 0) {
        iris.add(iri);
      }
    });
    for (String iri : iris) {
      Node s = Vocab.uri(iri);
      String slug = iri.substring(prefix.length());
      Set<String> labels = new TreeSet<>();
      for (Node p : List.of(Vocab.label, Vocab.schemaName, Vocab.altLabel)) {
        dsg.find(s, p, Node.ANY).forEachRemaining(q -> {
          if (q.getObject().isLiteral()) {
            labels.add(q.getObject().getLiteralLexicalForm());
          }
        });
      }
      Set<String> domains = new TreeSet<>();
      dsg.find(s, Vocab.schemaUrl, Node.ANY).forEachRemaining(q -> {
        if (q.getObject().isURI()) {
          try {
            String host = java.net.URI.create(q.getObject().getURI()).getHost();
            if (host != null) {
              domains.add(Domains.registrable(host));
            }
          } catch (IllegalArgumentException e) {
            // not a URI java.net can read: no domain
          }
        }
      });
      String[] description = {null};
      dsg.find(s, Vocab.schemaDescription, Node.ANY).forEachRemaining(q -> {
        if (description[0] == null && q.getObject().isLiteral()) {
          description[0] = q.getObject().getLiteralLexicalForm();
        }
      });
      String name = Labels.label(dsg, s);
      out.put(idPrefix + slug, new Entity(idPrefix + slug, typeId, name, labels, domains, description[0]));
    }
  }

  public int size() {
    return entities.size();
  }

  /** Every entity, sorted by id. */
  public java.util.Collection<Entity> entities() {
    return java.util.Collections.unmodifiableCollection(entities.values());
  }

  public Entity entity(String id) {
    return entities.get(id);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The service manifest (GET /reconcile without queries). */
  public ObjectNode manifest() {
    ObjectNode m = JSON.createObjectNode();
    m.putArray("versions").add("0.2");
    m.put("name", "tracker-kg: mobile-app trackers and the organisations behind them");
    m.put("identifierSpace", base + "id/");
    m.put("schemaSpace", TKG.NS);
    ArrayNode types = m.putArray("defaultTypes");
    types.addObject().put("id", TRACKER).put("name", "Tracker");
    types.addObject().put("id", ORGANIZATION).put("name", "Organization");
    m.putObject("view").put("url", base + "id/{{id}}");
    ObjectNode preview = m.putObject("preview");
    preview.put("url", serviceUrl + "/preview?id={{id}}");
    preview.put("width", 400);
    preview.put("height", 120);
    return m;
  }

  /**
   * A batch of queries as the API sends it ({@code {"q0":{"query":"mparticle","type":"Tracker","limit":3}}}) →
   * {@code {"q0":{"result":[…]}}}. Throws IllegalArgumentException for a batch that is not an object of objects.
   */
  public ObjectNode reconcile(String queriesJson) {
    JsonNode batch;
    try {
      batch = JSON.readTree(queriesJson);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("queries is not JSON: " + e.getMessage());
    }
    if (batch == null || !batch.isObject()) {
      throw new IllegalArgumentException("queries must be a JSON object of queries");
    }
    ObjectNode out = JSON.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> it = batch.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode q = e.getValue();
      if (!q.isObject() || !q.path("query").isTextual()) {
        throw new IllegalArgumentException("query " + e.getKey() + " has no \"query\" string");
      }
      String type = q.path("type").isTextual() ? q.path("type").asText() : null;
      int limit = q.path("limit").canConvertToInt() ? q.path("limit").asInt() : DEFAULT_LIMIT;
      ArrayNode result = out.putObject(e.getKey()).putArray("result");
      for (Candidate c : query(q.path("query").asText(), type, limit)) {
        ObjectNode r = result.addObject();
        r.put("id", c.entity().id());
        r.put("name", c.entity().name());
        r.put("score", c.score());
        r.put("match", c.match());
        r.putArray("type").addObject().put("id", c.entity().type()).put("name", c.entity().type());
        if (c.entity().description() != null) {
          r.put("description", abbreviate(c.entity().description(), 200));
        }
      }
    }
    return out;
  }

  /** The candidates for one query, best first (score, then id), at most {@code limit}. */
  public List<Candidate> query(String query, String type, int limit) {
    String t = normaliseType(type);
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> scores = new TreeMap<>();
    String qKey = OrgNames.key(q);
    String qSlug = Iris.slug(q);
    String qDomain = domainOf(q);
    for (Entity e : entities.values()) {
      if (t != null && !t.equals(e.type())) {
        continue;
      }
      int best = 0;
      String slug = e.id().substring(e.id().indexOf('/') + 1);
      if (slug.equals(qSlug)) {
        best = 100;
      }
      for (String l : e.labels()) {
        best = Math.max(best, nameScore(qKey, OrgNames.key(l)));
      }
      if (qDomain != null && e.domains().contains(qDomain)) {
        // a domain several entities share points to each less surely
        long sharing = entities.values().stream().filter(o -> o.domains().contains(qDomain)).count();
        best = Math.max(best, sharing == 1 ? 100 : Math.max(60, 95 - 5 * (int) sharing));
      }
      if (best > 0) {
        scores.put(e.id(), best);
      }
    }
    // package or host names: the trackers whose signatures cover them
    if (q.indexOf(' ') < 0 && q.indexOf('.') > 0) {
      List<SignatureMatcher.Tracker> ts = new ArrayList<>(new java.util.LinkedHashSet<>(
          signatureHits(q).stream().map(SignatureMatcher.Hit::tracker).toList()));
      for (SignatureMatcher.Tracker tr : ts) {
        String id = "tracker/" + tr.slug();
        Entity e = entities.get(id);
        if (e != null && (t == null || t.equals(TRACKER))) {
          scores.merge(id, ts.size() == 1 ? 100 : 90, Math::max);
        }
      }
    }
    List<Candidate> out = new ArrayList<>();
    scores.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
        .limit(Math.max(1, limit))
        .forEach(en -> out.add(new Candidate(entities.get(en.getKey()), en.getValue(), false)));
    if (!out.isEmpty()) {
      int top = out.get(0).score();
      int second = out.size() > 1 ? out.get(1).score() : 0;
      if (top == 100 && second < 100 || top >= 80 && top - second >= 20) {
        out.set(0, new Candidate(out.get(0).entity(), top, true));
      }
    }
    return out;
  }

  /**
   * Why an entity is a candidate for a query, in words for people (the search page shows it beside each hit):
   * {@code "name"}, {@code "alias Braze"}, {@code "website domain appsflyer.com"},
   * {@code "host name signature appsflyer\\.com"}, {@code "package or class signature com.appsflyer"}, or
   * {@code "similar name Flurry"} for a name found despite a typo. Reuses the rules of {@link #query}.
   */
  public String why(Entity e, String query) {
    String q = query == null ? "" : query.strip();
    String qKey = OrgNames.key(q);
    String slug = e.id().substring(e.id().indexOf('/') + 1);
    String nameKey = OrgNames.key(e.name());
    if (qKey.equals(nameKey) || slug.equals(Iris.slug(q))) {
      return "name";
    }
    String bestLabel = null;
    int best = 0;
    for (String l : e.labels()) {
      int s = nameScore(qKey, OrgNames.key(l));
      if (s > best) {
        best = s;
        bestLabel = l;
      }
    }
    if (best == 100) {
      return "alias " + bestLabel;
    }
    String qDomain = domainOf(q);
    if (qDomain != null && e.domains().contains(qDomain)) {
      return "website domain " + qDomain;
    }
    if (TRACKER.equals(e.type()) && q.indexOf(' ') < 0 && q.indexOf('.') > 0) {
      for (SignatureMatcher.Hit h : signatureHits(q)) {
        if (("tracker/" + h.tracker().slug()).equals(e.id())) {
          return (h.kind() == org.trackerkg.dossier.Signature.Kind.NETWORK ? "host name signature "
              : "package or class signature ") + h.pattern();
        }
      }
    }
    if (bestLabel != null) {
      return (OrgNames.key(bestLabel).startsWith(qKey) || OrgNames.key(bestLabel).contains(qKey)
          ? "name " : "similar name ") + bestLabel;
    }
    return "name";
  }

  /**
   * The signatures a host, class or package name matches; a package named alone ({@code com.appsflyer}) matches
   * the code signatures of its classes ({@code com.appsflyer.}).
   */
  private List<SignatureMatcher.Hit> signatureHits(String q) {
    List<SignatureMatcher.Hit> hits = signatures.match(q);
    return hits.isEmpty() && !q.endsWith(".") ? signatures.match(q + ".", SignatureMatcher.As.CLASS) : hits;
  }

  private static String normaliseType(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    String t = type.strip();
    if (t.startsWith(TKG.NS)) {
      t = t.substring(TKG.NS.length());
    }
    if (t.equalsIgnoreCase(TRACKER)) {
      return TRACKER;
    }
    if (t.equalsIgnoreCase(ORGANIZATION) || t.equalsIgnoreCase("Organisation")) {
      return ORGANIZATION;
    }
    return t; // an unknown type: no candidates
  }

  /** 100 for the same key; else by prefix and edit distance, below 100. */
  static int nameScore(String q, String label) {
    if (q.isEmpty() || label.isEmpty()) {
      return 0;
    }
    if (q.equals(label)) {
      return 100;
    }
    int d = levenshtein(q, label);
    int max = Math.max(q.length(), label.length());
    int similarity = (int) Math.round(100.0 * (max - d) / max);
    if (label.startsWith(q) || q.startsWith(label)) {
      similarity = Math.max(similarity, 70 + 20 * Math.min(q.length(), label.length()) / max);
    } else if (label.contains(q) && q.length() >= 4) {
      similarity = Math.max(similarity, 60);
    }
    similarity = Math.min(similarity, 95);
    return similarity >= 50 ? similarity : 0;
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The registrable domain of a query that looks like a host or URL ("mparticle.com", "https://x.io/a"), or null. */
  static String domainOf(String q) {
    String s = q.strip().toLowerCase(Locale.ROOT);
    if (s.contains(" ") || !s.contains(".")) {
      return null;
    }
    if (!s.contains("://")) {
      s = "http://" + s;
    }
    try {
      String host = java.net.URI.create(s).getHost();
      if (host == null || !host.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
        return null;
      }
      return Domains.registrable(host);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String abbreviate(String s, int n) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= n ? t : t.substring(0, n - 1) + "…";
  }

  /** An HTML snippet for the preview of an entity, every text escaped; null for an unknown id. */
  public String preview(String id) {
    Entity e = id == null ? null : entities.get(id);
    if (e == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(e.name()))
        .append("</title></head><body style=\"font-family:sans-serif;margin:0;padding:4px;font-size:13px\">");
    sb.append("<div><a href=\"").append(escape(base + "id/" + e.id())).append("\" target=\"_blank\"><b>")
        .append(escape(e.name())).append("</b></a> <small>").append(escape(e.type())).append("</small></div>");
    if (!e.domains().isEmpty()) {
      sb.append("<div><small>").append(escape(String.join(", ", e.domains()))).append("</small></div>");
    }
    if (e.description() != null) {
      sb.append("<p style=\"margin:4px 0\">").append(escape(abbreviate(e.description(), 300))).append("</p>");
    }
    sb.append("</body></html>");
    return sb.toString();
  }

  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
