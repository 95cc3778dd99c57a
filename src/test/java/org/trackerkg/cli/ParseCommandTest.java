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
    assertEquals("mParticle", d.get("name").asText());
    assertTrue(d.get("inExodus").asBoolean());
    assertEquals("US", d.get("location").get("countryCode").asText());
    assertEquals("New York", d.get("location").get("city").asText());
    assertEquals("mparticle\\.com", d.get("networkSignatures").get(0).asText());
    assertEquals(30, d.get("customers").size());
    assertEquals("mParticle, 03", d.get("customers").get(26).get("citations").get(0).get("key").asText());
    assertEquals(19, d.get("integrations").size());
    assertEquals(6, d.get("clauses").size());
    assertEquals(2013, d.get("foundedYear").asInt());
    assertEquals(76000000, d.get("funding").get("amount").asLong());
    assertEquals(14, d.get("references").size());
    assertEquals("data/dossiers/mparticle.md", d.get("source").get("file").asText());
    assertEquals(0, root.get("diagnostics").size());
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
    assertEquals("mParticle", root.get("dossiers").get(0).get("name").asText());
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
