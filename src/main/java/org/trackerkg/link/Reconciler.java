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
  private static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

  /** One entity that can be reconciled against. */
  public record Entity(String id, String type, String name, Set<String> labels, Set<String> domains,
      String description) {}

  /** One candidate of a query. */
  public record Candidate(Entity entity, int score, boolean match) {}

  /**
   * A property of the data extension and of query scoring: its id (what {@code properties} and {@code extend}
   * name), its name for people, and the entity types that have it.
   */
  public record ServiceProperty(String id, String name, Set<String> types) {}

  /** The properties served: data extension columns, and query properties that count in scoring. */
  public static final List<ServiceProperty> PROPERTIES = List.of(
      new ServiceProperty("company", "company (maker)", Set.of(TRACKER)),
      new ServiceProperty("owner", "owner", Set.of(TRACKER, ORGANIZATION)),
      new ServiceProperty("website", "website", Set.of(TRACKER, ORGANIZATION)),
      new ServiceProperty("exodusId", "\u03b5xodus id", Set.of(TRACKER)),
      new ServiceProperty("country", "country (ISO 3166)", Set.of(TRACKER, ORGANIZATION)),
      new ServiceProperty("wikidata", "Wikidata id", Set.of(TRACKER, ORGANIZATION)));

  /** What the data states about an entity, for the data extension and property scoring. */
  record Facts(List<String> company, List<String> owner, List<String> website, List<String> exodusId,
      List<String> country, List<String> wikidata) {
    List<String> get(String property) {
      return switch (property) {
        case "company" -> company;
        case "owner" -> owner;
        case "website" -> website;
        case "exodusId" -> exodusId;
        case "country" -> country;
        case "wikidata" -> wikidata;
        default -> List.of();
      };
    }
  }

  private final String base;
  private final String serviceUrl;
  private final Map<String, Entity> entities;
  private final SignatureMatcher signatures;
  private final Map<String, Facts> facts;

  private Reconciler(String base, String serviceUrl, Map<String, Entity> entities, SignatureMatcher signatures,
      Map<String, Facts> facts) {
    this.base = base;
    this.serviceUrl = serviceUrl;
    this.entities = entities;
    this.signatures = signatures;
    this.facts = facts;
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
    Map<String, Facts> facts = new TreeMap<>();
    for (Entity e : entities.values()) {
      facts.put(e.id(), facts(union, Vocab.uri(iris.base() + "id/" + e.id()), iris.base() + "id/", entities));
    }
    return new Reconciler(iris.base(), serviceUrl, entities, signatures, facts);
  }

  private static Facts facts(Graph g, Node s, String idSpace, Map<String, Entity> entities) {
    return new Facts(ids(g, s, TKG.company.asNode(), idSpace, entities), ids(g, s, TKG.owner.asNode(), idSpace,
        entities), values(g, s, Vocab.schemaUrl, false), values(g, s, TKG.exodusId.asNode(), false),
        sorted(g.find(s, Vocab.schemaAddress, Node.ANY).toList().stream()
            .flatMap(a -> values(g, a.getObject(), Vocab.schemaAddressCountry, false).stream()).toList()),
        values(g, s, Vocab.sameAs, true));
  }

  /** The objects that are entities of this service, as ids. */
  private static List<String> ids(Graph g, Node s, Node p, String idSpace, Map<String, Entity> entities) {
    return sorted(g.find(s, p, Node.ANY).toList().stream().map(t -> t.getObject())
        .filter(o -> o.isURI() && o.getURI().startsWith(idSpace))
        .map(o -> o.getURI().substring(idSpace.length())).filter(entities::containsKey).toList());
  }

  /** Literal values or IRIs as strings; {@code wikidata}: only Wikidata entities, as their Q-ids. */
  private static List<String> values(Graph g, Node s, Node p, boolean wikidata) {
    List<String> out = new ArrayList<>();
    g.find(s, p, Node.ANY).forEachRemaining(t -> {
      Node o = t.getObject();
      if (wikidata) {
        if (o.isURI() && o.getURI().startsWith(WIKIDATA_ENTITY)) {
          out.add(o.getURI().substring(WIKIDATA_ENTITY.length()));
        }
      } else if (o.isLiteral()) {
        out.add(o.getLiteralLexicalForm());
      } else if (o.isURI()) {
        out.add(o.getURI());
      }
    });
    return sorted(out);
  }

  private static List<String> sorted(List<String> l) {
    return List.copyOf(new TreeSet<>(l));
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
    if (batch.size() == 1 && batch.path("queries").isObject() && !batch.path("queries").has("query")) {
      batch = batch.get("queries"); // {"queries": {…}}: the batch wrapped as some clients send it
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
      for (Candidate c : query(q.path("query").asText(), type, limit, properties(q.path("properties")))) {
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

  /** A query's {@code properties} ({@code [{"pid":"website","v":"appsflyer.com"}]}) as property → values. */
  private static Map<String, List<String>> properties(JsonNode props) {
    Map<String, List<String>> out = new TreeMap<>();
    if (!props.isArray()) {
      return out;
    }
    for (JsonNode p : props) {
      String pid = p.path("pid").asText("");
      JsonNode v = p.path("v");
      for (JsonNode one : v.isArray() ? v : List.of(v)) {
        String value = one.isObject() ? one.path("id").asText(one.path("name").asText("")) : one.asText("");
        if (!pid.isEmpty() && !value.isBlank()) {
          out.computeIfAbsent(pid, k -> new ArrayList<>()).add(value.strip());
        }
      }
    }
    return out;
  }

  /** The candidates for one query, best first (score, then id), at most {@code limit}. */
  public List<Candidate> query(String query, String type, int limit) {
    return query(query, type, limit, Map.of());
  }

  /**
   * The same, with the query's properties counting in the score: a candidate whose website domain, package or
   * host ({@code package}, {@code class}, {@code host}), εxodus id, country, Wikidata id, company or owner matches a
   * property's value gains 20 (up to 100), and among equal scores the one matching more properties comes first; a
   * candidate found only by a property gets 60. Property ids are those of {@link #PROPERTIES} and {@code package},
   * {@code class}, {@code host} ({@code url} is read as {@code website}).
   */
  public List<Candidate> query(String query, String type, int limit, Map<String, List<String>> properties) {
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
    Map<String, Integer> propertyMatches = new TreeMap<>();
    properties.forEach((pid, values) -> {
      for (String v : values) {
        for (String id : matching(pid, v)) {
          Entity e = entities.get(id);
          if (e != null && (t == null || t.equals(e.type()))) {
            propertyMatches.merge(id, 1, Integer::sum);
            scores.merge(id, 60, (old, x) -> Math.min(100, old + 20));
          }
        }
      }
    });
    // a name the entity's own name or slug gives, not an alias only
    java.util.function.Predicate<Entity> byName = e -> OrgNames.key(e.name()).equals(qKey)
        || e.id().substring(e.id().indexOf('/') + 1).equals(qSlug);
    // best score first; then more matching properties; then trackers before organisations (an untyped name is
    // most often the product's); then by id
    java.util.Comparator<Map.Entry<String, Integer>> order = Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(en -> -propertyMatches.getOrDefault(en.getKey(), 0))
        .thenComparing(en -> en.getKey().startsWith("tracker/") ? 0 : 1)
        .thenComparing(Map.Entry::getKey);
    List<Candidate> ranked = new ArrayList<>();
    scores.entrySet().stream().sorted(order)
        .forEach(en -> ranked.add(new Candidate(entities.get(en.getKey()), en.getValue(), false)));
    boolean pair = t == null && makerPair(ranked);
    if (pair && !TRACKER.equals(ranked.get(0).entity().type())) {
      ranked.add(0, ranked.remove(1)); // the tracker before its same-named maker
    }
    List<Candidate> out = new ArrayList<>(ranked.subList(0, Math.min(ranked.size(), Math.max(1, limit))));
    if (!out.isEmpty()) {
      Candidate first = out.get(0);
      int top = first.score();
      int second = ranked.size() > 1 ? ranked.get(1).score() : 0;
      int firstProps = propertyMatches.getOrDefault(first.entity().id(), 0);
      int secondProps = ranked.size() > 1 ? propertyMatches.getOrDefault(ranked.get(1).entity().id(), 0) : 0;
      boolean clear = top == 100 && second < 100 || top >= 80 && top - second >= 20
          || top == 100 && firstProps > secondProps || pair;
      // a name of one or two letters is too common to decide on an alias alone
      boolean shortAlias = qKey.length() <= 2 && !byName.test(first.entity()) && firstProps == 0;
      if (clear && !shortAlias) {
        out.set(0, new Candidate(first.entity(), top, true));
      }
    }
    return out;
  }

  /**
   * Whether the two best candidates, both of score 100 and ahead of the rest, are a tracker and the organisation
   * that makes it (a product named after its company: one clear entity pair, the tracker meant).
   */
  private boolean makerPair(List<Candidate> ranked) {
    if (ranked.size() < 2 || ranked.get(0).score() != 100 || ranked.get(1).score() != 100
        || ranked.size() > 2 && ranked.get(2).score() == 100) {
      return false;
    }
    Entity a = ranked.get(0).entity();
    Entity b = ranked.get(1).entity();
    Entity tracker = TRACKER.equals(a.type()) ? a : TRACKER.equals(b.type()) ? b : null;
    Entity org = ORGANIZATION.equals(a.type()) ? a : ORGANIZATION.equals(b.type()) ? b : null;
    return tracker != null && org != null && facts.get(tracker.id()).company().contains(org.id());
  }

  /** The entities a query property's value points to. */
  private Set<String> matching(String pid, String value) {
    Set<String> out = new TreeSet<>();
    String v = value.strip();
    switch (pid) {
      case "website", "url" -> {
        String d = domainOf(v);
        if (d != null) {
          entities.values().stream().filter(e -> e.domains().contains(d)).forEach(e -> out.add(e.id()));
        }
      }
      case "package", "class", "host", "signature" ->
          signatureHits(v).forEach(h -> out.add("tracker/" + h.tracker().slug()));
      case "exodusId", "country", "wikidata" -> {
        String want = pid.equals("wikidata") && v.startsWith(WIKIDATA_ENTITY) ? v.substring(WIKIDATA_ENTITY.length())
            : v;
        facts.forEach((id, f) -> {
          if (f.get(pid).stream().anyMatch(x -> x.equalsIgnoreCase(want))) {
            out.add(id);
          }
        });
      }
      case "company", "owner" -> {
        String key = OrgNames.key(v);
        facts.forEach((id, f) -> {
          for (String o : f.get(pid)) {
            Entity oe = entities.get(o);
            if (o.equals(v) || oe != null && (OrgNames.key(oe.name()).equals(key)
                || oe.labels().stream().anyMatch(l -> OrgNames.key(l).equals(key)))) {
              out.add(id);
            }
          }
        });
      }
      default -> {
        // a property this service does not know: no effect on the score
      }
    }
    return out;
  }

  // --------------------------------------------------------------------------------------- data extension, suggest

  /**
   * A data extension query ({@code {"ids":["tracker/appsflyer"],"properties":[{"id":"company"}]}}) →
   * {@code {"meta":[…],"rows":{id:{property:[values]}}}}: entities as {@code {"id","name"}}, texts as
   * {@code {"str"}}, εxodus ids as {@code {"int"}}; an unknown id gets empty cells, an unknown property an empty
   * column. Throws IllegalArgumentException for a query that is not such an object.
   */
  public ObjectNode extend(String extendJson) {
    JsonNode q;
    try {
      q = JSON.readTree(extendJson);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("extend is not JSON: " + e.getMessage());
    }
    if (q == null || !q.path("ids").isArray() || !q.path("properties").isArray()) {
      throw new IllegalArgumentException("extend must be {\"ids\": […], \"properties\": [{\"id\": …}]}");
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode meta = out.putArray("meta");
    List<String> pids = new ArrayList<>();
    for (JsonNode p : q.get("properties")) {
      String pid = p.path("id").asText("");
      if (pid.isEmpty()) {
        throw new IllegalArgumentException("a property without an id");
      }
      pids.add(pid);
      ObjectNode m = meta.addObject().put("id", pid).put("name", PROPERTIES.stream()
          .filter(x -> x.id().equals(pid)).map(ServiceProperty::name).findFirst().orElse(pid));
      if (pid.equals("company") || pid.equals("owner")) {
        m.putObject("type").put("id", ORGANIZATION).put("name", ORGANIZATION);
      }
    }
    ObjectNode rows = out.putObject("rows");
    for (JsonNode idNode : q.get("ids")) {
      String id = idNode.asText();
      ObjectNode row = rows.putObject(id);
      Facts f = facts.get(id);
      for (String pid : pids) {
        ArrayNode cell = row.putArray(pid);
        for (String v : f == null ? List.<String>of() : f.get(pid)) {
          Entity e = entities.get(v);
          if ((pid.equals("company") || pid.equals("owner")) && e != null) {
            cell.addObject().put("id", e.id()).put("name", e.name());
          } else if (pid.equals("exodusId") && v.matches("\\d{1,9}")) {
            cell.addObject().put("int", Integer.parseInt(v));
          } else {
            cell.addObject().put("str", v);
          }
        }
      }
    }
    return out;
  }

  /** The properties to propose for a type ({@code null}: all): {@code {"type":…,"properties":[{"id","name"}]}}. */
  public ObjectNode proposeProperties(String type, int limit) {
    String t = normaliseType(type);
    ObjectNode out = JSON.createObjectNode();
    out.put("type", t == null ? "" : t);
    ArrayNode props = out.putArray("properties");
    PROPERTIES.stream().filter(p -> t == null || p.types().contains(t)).limit(Math.max(1, limit))
        .forEach(p -> props.addObject().put("id", p.id()).put("name", p.name()));
    out.put("limit", Math.max(1, limit));
    return out;
  }

  /**
   * The suggest services: {@code kind} is {@code entity}, {@code type} or {@code property}; entities by the same
   * matching as queries (typos forgiven), types and properties by a prefix of their id or name. Each result is
   * {@code {"id","name"}}, entities with their {@code description} and {@code notable} types.
   */
  public ObjectNode suggest(String kind, String prefix, int limit) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode result = out.putArray("result");
    String p = prefix == null ? "" : prefix.strip();
    int n = Math.max(1, limit);
    switch (kind) {
      case "entity" -> {
        for (Candidate c : query(p, null, n)) {
          ObjectNode r = result.addObject().put("id", c.entity().id()).put("name", c.entity().name());
          if (c.entity().description() != null) {
            r.put("description", abbreviate(c.entity().description(), 200));
          }
          r.putArray("notable").addObject().put("id", c.entity().type()).put("name", c.entity().type());
        }
      }
      case "type" -> {
        for (String t : List.of(TRACKER, ORGANIZATION)) {
          if (t.toLowerCase(Locale.ROOT).startsWith(p.toLowerCase(Locale.ROOT)) && result.size() < n) {
            result.addObject().put("id", t).put("name", t);
          }
        }
      }
      case "property" -> PROPERTIES.stream().filter(x -> x.id().toLowerCase(Locale.ROOT)
              .startsWith(p.toLowerCase(Locale.ROOT)) || x.name().toLowerCase(Locale.ROOT)
              .startsWith(p.toLowerCase(Locale.ROOT))).limit(n)
          .forEach(x -> result.addObject().put("id", x.id()).put("name", x.name()));
      default -> throw new IllegalArgumentException("no suggest service '" + kind + "' (entity, type, property)");
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
    int d = editDistance(q, label);
    int max = Math.max(q.length(), label.length());
    int min = Math.min(q.length(), label.length());
    int similarity = (int) Math.round(100.0 * (max - d) / max);
    if (label.startsWith(q) && min >= 3) {
      // the query is the start of the name (typed in part)
      similarity = Math.max(similarity, 70 + 20 * min / max);
    } else if (q.startsWith(label) && min >= 3) {
      // the name is the start of the query (a longer name of which this is a part): less sure
      similarity = Math.max(similarity, 60 + 20 * min / max);
    } else if (label.contains(q) && q.length() >= 4) {
      similarity = Math.max(similarity, 60);
    }
    if (q.charAt(0) != label.charAt(0)) {
      similarity -= 3; // a typo is rarer in the first letter: between equals, the name that starts alike
    }
    similarity = Math.min(similarity, 95);
    return similarity >= 50 ? similarity : 0;
  }

  /**
   * Edit distance with adjacent transpositions (optimal string alignment): one typo, whether a wrong, missing,
   * extra or swapped letter, is one edit.
   */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + c);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
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
