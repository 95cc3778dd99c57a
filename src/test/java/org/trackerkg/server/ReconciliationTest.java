package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.link.Reconciler;

/**
 * The reconciliation service as OpenRefine uses it, over real HTTP on the whole published data: manifest, query
 * batches (also wrapped as {@code {"queries":…}}), data extension, property proposals and the three suggest
 * services, each answer checked against the Reconciliation API 0.2 JSON Schemas in test resources
 * ({@code reconciliation-0.2/}); the matching rules (properties in scoring, packages, short names, tracker/maker
 * pairs); and a typo over every tracker name.
 */
class ReconciliationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TrackerServer server;

  @BeforeAll
  static void start() {
    server = CorpusServer.get();
  }

  static Schema schema(String name) throws IOException {
    try (InputStream in = ReconciliationTest.class.getResourceAsStream("/org/trackerkg/link/reconciliation-0.2/"
        + name)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static JsonNode valid(String schema, HttpResponse<String> r) throws IOException {
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode json = JSON.readTree(r.body());
    var errors = schema(schema).validate(json);
    assertTrue(errors.isEmpty(), schema + ": " + errors + "\n" + r.body());
    return json;
  }

  static JsonNode batch(String queries) throws Exception {
    return valid("reconciliation-result-batch.json", Fixture.post(server, "/reconcile",
        "application/x-www-form-urlencoded", "queries=" + Fixture.enc(queries)));
  }

  @Test
  void everyAnswerConformsToTheSchemas() throws Exception {
    JsonNode m = valid("manifest.json", Fixture.get(server, "/reconcile"));
    assertEquals("/suggest/entity", m.at("/suggest/entity/service_path").asText());
    assertEquals("/properties", m.at("/extend/propose_properties/service_path").asText());
    batch("{\"q0\":{\"query\":\"AppsFlyer\",\"type\":\"Tracker\"},\"q1\":{\"query\":\"Google\"}}");
    JsonNode wrapped = batch("{\"queries\":{\"q0\":{\"query\":\"mParticle\"}}}");
    assertEquals("tracker/mparticle", wrapped.at("/q0/result/0/id").asText(), wrapped.toString());
    JsonNode ext = valid("data-extension-response.json", Fixture.post(server, "/reconcile",
        "application/x-www-form-urlencoded", "extend=" + Fixture.enc("{\"ids\":[\"tracker/appsflyer\","
            + "\"org/google\",\"tracker/no-such\"],\"properties\":[{\"id\":\"company\"},{\"id\":\"owner\"},"
            + "{\"id\":\"website\"},{\"id\":\"exodusId\"},{\"id\":\"country\"},{\"id\":\"wikidata\"}]}")));
    assertEquals(6, ext.get("meta").size());
    assertFalse(ext.at("/rows/tracker~1appsflyer/company").isEmpty(), ext.toString());
    assertTrue(ext.at("/rows/tracker~1appsflyer/exodusId/0/int").isInt(), ext.toString());
    assertTrue(ext.at("/rows/tracker~1no-such/company").isEmpty());
    // the same by GET, as OpenRefine sends it
    valid("data-extension-response.json", Fixture.get(server, "/reconcile?extend=" + Fixture.enc(
        "{\"ids\":[\"org/google\"],\"properties\":[{\"id\":\"owner\"}]}")));
    JsonNode proposals = valid("property-proposals-response.json",
        Fixture.get(server, "/reconcile/properties?type=Tracker"));
    List<String> ids = new ArrayList<>();
    proposals.get("properties").forEach(p -> ids.add(p.get("id").asText()));
    assertEquals(List.of("company", "owner", "website", "exodusId", "country", "wikidata"), ids);
    JsonNode entity = valid("suggest-response.json", Fixture.get(server, "/reconcile/suggest/entity?prefix=appsfl"));
    assertEquals("tracker/appsflyer", entity.at("/result/0/id").asText(), entity.toString());
    JsonNode type = valid("suggest-response.json", Fixture.get(server, "/reconcile/suggest/type?prefix=Tra"));
    assertEquals("Tracker", type.at("/result/0/id").asText());
    JsonNode prop = valid("suggest-response.json", Fixture.get(server, "/reconcile/suggest/property?prefix=wiki"));
    assertEquals("wikidata", prop.at("/result/0/id").asText());
    assertEquals(400, Fixture.post(server, "/reconcile", "application/x-www-form-urlencoded",
        "extend=" + Fixture.enc("{\"ids\":1}")).statusCode());
  }

  @Test
  void matchingRules() throws Exception {
    // a package name that stops where a signature's trailing dot begins
    JsonNode pkg = batch("{\"q\":{\"query\":\"com.appsflyer\"}}");
    assertEquals("tracker/appsflyer", pkg.at("/q/result/0/id").asText(), pkg.toString());
    // properties count: a website property lifts the right one of several same-scored candidates
    Reconciler r = server.reconciler();
    JsonNode plain = batch("{\"q\":{\"query\":\"Google\"}}");
    JsonNode withSite = batch("{\"q\":{\"query\":\"Google\",\"properties\":[{\"pid\":\"website\","
        + "\"v\":\"https://firebase.google.com\"}]}}");
    assertTrue(withSite.at("/q/result/0/score").asInt() >= plain.at("/q/result/0/score").asInt());
    JsonNode byPackage = batch("{\"q\":{\"query\":\"Firebase\",\"type\":\"Tracker\",\"properties\":[{\"pid\":"
        + "\"package\",\"v\":\"com.google.firebase.analytics\"}]}}");
    assertTrue(byPackage.at("/q/result/0/id").asText().startsWith("tracker/"), byPackage.toString());
    // one- and two-letter names never auto-match on an alias alone
    for (Reconciler.Entity e : r.entities()) {
      for (String alias : e.labels()) {
        String key = alias.replaceAll("[^A-Za-z0-9]", "");
        if (key.length() <= 2 && !key.isEmpty() && !alias.equalsIgnoreCase(e.name())) {
          for (Reconciler.Candidate c : r.query(alias, null, 5)) {
            assertFalse(c.match() && c.entity().id().equals(e.id()) && !c.entity().name().equalsIgnoreCase(alias),
                "'" + alias + "' auto-matched " + c.entity().id() + " on an alias alone");
          }
        }
      }
    }
    // an untyped name shared by a tracker and its maker: the tracker first, matched
    int pairs = 0;
    for (Reconciler.Entity e : r.entities()) {
      if (!Reconciler.TRACKER.equals(e.type())) {
        continue;
      }
      List<Reconciler.Candidate> cs = r.query(e.name(), null, 3);
      if (cs.size() >= 2 && cs.get(1).score() == 100 && Reconciler.ORGANIZATION.equals(cs.get(1).entity().type())
          && (cs.size() < 3 || cs.get(2).score() < 100)) {
        ObjectNode ext = r.extend("{\"ids\":[\"" + e.id() + "\"],\"properties\":[{\"id\":\"company\"}]}");
        if (ext.toString().contains("\"" + cs.get(1).entity().id() + "\"")) {
          pairs++;
          assertEquals(e.id(), cs.get(0).entity().id());
          assertTrue(cs.get(0).match(), e.name());
        }
      }
    }
    assertTrue(pairs >= 5, "tracker/maker pairs found: " + pairs);
  }

  /** One random edit (substitute, delete, insert or swap two letters) at a random place. */
  static String typo(String name, Random rnd) {
    StringBuilder b = new StringBuilder(name);
    int i = rnd.nextInt(name.length());
    char c = (char) ('a' + rnd.nextInt(26));
    switch (rnd.nextInt(4)) {
      case 0 -> b.setCharAt(i, c == Character.toLowerCase(b.charAt(i)) ? (char) ('a' + (c - 'a' + 1) % 26) : c);
      case 1 -> b.deleteCharAt(i);
      case 2 -> b.insert(i, c);
      default -> {
        int j = Math.min(i + 1, name.length() - 1);
        char t = b.charAt(i);
        b.setCharAt(i, b.charAt(j));
        b.setCharAt(j, t);
      }
    }
    return b.toString();
  }

  @Test
  void oneTypoInEveryTrackerName() throws Exception {
    Reconciler r = server.reconciler();
    Random rnd = new Random(20261203L);
    List<Reconciler.Entity> trackers = r.entities().stream().filter(e -> Reconciler.TRACKER.equals(e.type()))
        .toList();
    ObjectNode queries = JSON.createObjectNode();
    List<String> typos = new ArrayList<>();
    for (int i = 0; i < trackers.size(); i++) {
      String t = typo(trackers.get(i).name(), rnd);
      typos.add(t);
      queries.putObject("q" + i).put("query", t).put("type", "Tracker").put("limit", 3);
    }
    JsonNode answers = batch(JSON.writeValueAsString(queries)); // one batch over HTTP, as OpenRefine sends it
    int top1 = 0;
    List<String> misses = new ArrayList<>();
    List<String> wrongMatches = new ArrayList<>();
    for (int i = 0; i < trackers.size(); i++) {
      JsonNode first = answers.at("/q" + i + "/result/0");
      String want = trackers.get(i).id();
      if (want.equals(first.path("id").asText())) {
        top1++;
      } else {
        misses.add(typos.get(i) + " → " + first.path("id").asText("(none)") + " (want " + want + ")");
        if (first.path("match").asBoolean()) {
          wrongMatches.add(typos.get(i) + " → " + first.path("id").asText());
        }
      }
    }
    double rate = 100.0 * top1 / trackers.size();
    System.out.printf("reconciliation typo test: %d/%d top-1 (%.1f %%); misses: %s%n", top1, trackers.size(), rate,
        misses);
    assertTrue(wrongMatches.isEmpty(), "wrong auto-matches: " + wrongMatches);
    assertTrue(rate >= 98.0, String.format("top-1 %.1f %% < 98 %%: %s", rate, misses));
  }
}
