package org.trackerkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** How the reader's newer facts land in the graph (#14): policy dates typed as written, each company's seat. */
class ReaderFactsGraphTest {
  static final String PREFIXES = """
      PREFIX tkg: <https://w3id.org/tracker-kg/ontology#>
      PREFIX schema: <http://schema.org/>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      """;

  @TempDir
  Path dir;

  private Dataset convert(String markdown) throws Exception {
    Path file = dir.resolve("examplytics.md");
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
    Pipeline.Loaded loaded = Pipeline.load(List.of(file), Iris.DEFAULT_BASE);
    assertTrue(loaded.diagnostics().stream().noneMatch(d -> d.isError()), loaded.diagnostics().toString());
    return DatasetFactory.wrap(loaded.dataset());
  }

  private static List<String> select(Dataset ds, String where, String var) {
    List<String> out = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + "SELECT ?" + var + " WHERE { GRAPH ?g { "
        + where + " } } ORDER BY ?" + var).build()) {
      qe.execSelect().forEachRemaining(s -> out.add(s.get(var).isLiteral() && !s.getLiteral(var).getDatatypeURI()
          .endsWith("#string") ? s.getLiteral(var).getLexicalForm() + "^^" + s.getLiteral(var).getDatatypeURI()
          : s.get(var).toString()));
    }
    return out;
  }

  @Test
  void aPolicysDateIsTypedAsPreciselyAsItIsWritten() throws Exception {
    Dataset ds = convert("# Examplytics\n\n## Privacy policy\n\n[Policy as of 18/5/2018, reviewed 1/2/2019:](https://a.example/p)\n"
        + "* It collects the device model.\n\n[Policy as of 8/9/2017:](https://a.example/old)\n\n"
        + "[Policy as of May 2016:](https://a.example/older)\n");
    assertEquals(List.of("2016-05^^http://www.w3.org/2001/XMLSchema#gYearMonth",
        "2017^^http://www.w3.org/2001/XMLSchema#gYear", "2018-05-18^^http://www.w3.org/2001/XMLSchema#date"),
        select(ds, "?p a tkg:PrivacyPolicy ; tkg:asOf ?d", "d"));
    assertEquals(List.of("Policy as of 8/9/2017:"),
        select(ds, "?p tkg:asOf \"2017\"^^<http://www.w3.org/2001/XMLSchema#gYear> ; schema:description ?t", "t"),
        "the date as written stays in the header");
  }

  @Test
  void aLocationLineNamingTwoCompaniesGivesEachItsSeat() throws Exception {
    Dataset ds = convert("# Examplytics\n\n## Primary location\n\nContoso: United States (Seattle) / "
        + "Fabrikam: Germany (Stuttgart) [Registry, 01](https://registry.example/f)\n");
    assertEquals(List.of("Seattle", "Stuttgart"), select(ds,
        "?org a tkg:Organization ; schema:address/schema:addressLocality ?city", "city"));
    assertEquals(List.of("DE"), select(ds, "?org rdfs:label \"Fabrikam\" ; schema:address/schema:addressCountry ?c", "c"));
    assertEquals(List.of("Seattle"), select(ds, "?t a tkg:Tracker ; schema:address/schema:addressLocality ?city", "city"),
        "the tracker keeps the first place named");
  }
}
