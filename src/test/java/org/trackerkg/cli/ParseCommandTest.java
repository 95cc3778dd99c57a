package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tkg parse} through the real entry point. */
class ParseCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }

  @Test
  void jsonHasTheSeedFacts() throws Exception {
    assertEquals(0, run("parse", "data/dossiers/mparticle.md", "--format", "json"), err.toString());
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode d = root.get("dossiers").get(0);
    // the dossier's groups as objects: naming, exodus, company, detection, texts
    assertEquals("mParticle", d.at("/naming/name").asText());
    assertTrue(d.at("/exodus/inExodus").asBoolean());
    assertEquals("US", d.at("/company/location/countryCode").asText());
    assertEquals("New York", d.at("/company/location/city").asText());
    assertEquals("mparticle\\.com", network(d).get(0));
    List<JsonNode> customers = ofKind(d, "CUSTOMER");
    assertEquals(30, customers.size());
    assertEquals("mParticle, 03", customers.get(26).at("/citations/0/key").asText());
    assertEquals(19, ofKind(d, "INTEGRATION").size());
    assertEquals(6, d.at("/texts/clauses").size());
    assertEquals(2013, d.at("/company/founding/year").asInt());
    assertEquals(76000000, d.at("/company/funding/amount").asLong());
    assertEquals(14, d.at("/texts/references").size());
    assertEquals("data/dossiers/mparticle.md", d.at("/source/file").asText());
    assertEquals(0, root.get("diagnostics").size());
  }

  private static List<JsonNode> ofKind(JsonNode d, String kind) {
    List<JsonNode> out = new java.util.ArrayList<>();
    d.at("/company/relationships").forEach(r -> {
      if (r.get("kind").asText().equals(kind)) {
        out.add(r);
      }
    });
    return out;
  }

  private static List<String> network(JsonNode d) {
    List<String> out = new java.util.ArrayList<>();
    d.at("/detection/signatures").forEach(s -> {
      if (s.get("kind").asText().equals("NETWORK")) {
        out.add(s.get("pattern").asText());
      }
    });
    return out;
  }

  @Test
  void diagnosticsCarryTheirPosition() throws Exception {
    Files.writeString(dir.resolve("t.md"), "# Tracker Name\nAcme\n\n## Primary Location\n\nAtlantis\n");
    assertEquals(0, run("parse", dir.resolve("t.md").toString(), "--format", "json"));
    JsonNode diag = new ObjectMapper().readTree(out.toString()).at("/diagnostics/0");
    assertEquals(6, diag.get("line").asInt());
    assertEquals(1, diag.get("column").asInt());
    assertEquals("WARNING", diag.get("severity").asText());
    assertFalse(diag.has("error"), diag.toString());
  }

  @Test
  void textSummary() {
    assertEquals(0, run("parse", "data/dossiers/mparticle.md"));
    assertTrue(out.toString().contains("customers (30)"), out.toString());
    assertTrue(out.toString().startsWith("mParticle"));
  }

  @Test
  void badFileExitsTwoAndGoodOnesStillOutput() throws Exception {
    Files.copy(Path.of("data/dossiers/mparticle.md"), dir.resolve("good.md"));
    Files.write(dir.resolve("bad.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    assertEquals(2, run("parse", dir.toString(), "--format", "json"));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals(1, root.get("dossiers").size());
    assertTrue(err.toString().contains(dir.resolve("bad.md") + ":1: error:"), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void fileOverTheListItemLimitExitsTwoAndTheGoodOneIsRead() throws Exception {
    Files.copy(Path.of("data/dossiers/mparticle.md"), dir.resolve("good.md"));
    Files.writeString(dir.resolve("items.md"), "# Items\n\n## Products and Services\n" + "- a\n".repeat(1_000_000));
    assertEquals(2, run("parse", dir.toString(), "--format", "json"));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals(1, root.get("dossiers").size());
    assertEquals("mParticle", root.at("/dossiers/0/naming/name").asText());
    assertTrue(err.toString().contains(dir.resolve("items.md")
        + ":100004: error: more than 100 000 list items (the limit for one file); not read"), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void deterministic() {
    run("parse", "data/dossiers/mparticle.md", "--format", "json");
    String first = out.toString();
    out.getBuffer().setLength(0);
    run("parse", "data/dossiers/mparticle.md", "--format", "json");
    assertEquals(first, out.toString());
  }
}
