package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPARQLWrapper's CONSTRUCT and DESCRIBE requests, byte for byte as version 1.8.5 (Debian's python3-sparqlwrapper)
 * builds them in {@code _getRequestEncodedParameters} and {@code _getAcceptHeader}: its return format in
 * {@code format}, {@code output} and {@code results} (twice each for RDFXML and JSONLD: the name, then the media
 * types), and its own Accept header; by GET and by form POST. Each answer must have a Content-Type its
 * {@code convert()} recognises and parse in that syntax.
 */
class SparqlWrapperTest {
  static final String CONSTRUCT = "PREFIX tkg: <https://w3id.org/tracker-kg/ontology#> "
      + "CONSTRUCT { ?t a tkg:Tracker ; <http://schema.org/name> ?n } WHERE { ?t a tkg:Tracker ; <http://schema.org/name> ?n }";
  static final String DESCRIBE = "DESCRIBE <https://w3id.org/tracker-kg/id/tracker/mparticle>";
  static TrackerServer server;

  /** One SPARQLWrapper return format: the values it sends and the types its convert() takes. */
  record ReturnFormat(String name, List<String> paramValues, String accept, List<String> convertible) {}

  static final List<ReturnFormat> FORMATS = List.of(
      new ReturnFormat("rdf+xml", List.of("rdf+xml", "application/rdf+xml"), "application/rdf+xml",
          List.of("application/rdf+xml")),
      new ReturnFormat("n3", List.of("n3"),
          "application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3",
          List.of("application/turtle", "text/turtle", "text/rdf+n3", "application/n-triples", "application/n3",
              "text/n3")),
      new ReturnFormat("json-ld", List.of("json-ld", "application/ld+json,application/x-json+ld"),
          "application/ld+json,application/x-json+ld", List.of("application/ld+json", "application/x-json+ld")),
      new ReturnFormat("turtle", List.of("turtle"), "application/turtle,text/turtle",
          List.of("application/turtle", "text/turtle")));

  @BeforeAll
  static void start() {
    server = Fixture.server(Fixture.seed()).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** {@code query=…&format=…&output=…&results=…}, quoted as urllib's quote_plus(safe='/') does. */
  static String parameters(String query, ReturnFormat f) {
    StringBuilder b = new StringBuilder("query=").append(quotePlus(query));
    for (String param : List.of("format", "output", "results")) {
      for (String v : f.paramValues()) {
        b.append('&').append(param).append('=').append(quotePlus(v));
      }
    }
    return b.toString();
  }

  static String quotePlus(String s) {
    return Fixture.enc(s).replace("%2F", "/");
  }

  @Test
  void everyRdfReturnFormatByGetAndPost() throws Exception {
    for (String query : List.of(CONSTRUCT, DESCRIBE)) {
      for (ReturnFormat f : FORMATS) {
        String params = parameters(query, f);
        HttpResponse<String> get = Fixture.get(server, "/sparql?" + params, "Accept", f.accept());
        HttpResponse<String> post = Fixture.post(server, "/sparql", "application/x-www-form-urlencoded", params,
            "Accept", f.accept());
        for (HttpResponse<String> r : List.of(get, post)) {
          String what = f.name() + " " + r.request().method() + " " + query;
          assertEquals(200, r.statusCode(), what + ": " + r.body());
          String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip()
              .toLowerCase(Locale.ROOT);
          assertTrue(f.convertible().contains(type), what + ": Content-Type " + type);
          Graph g = RDFParser.fromString(r.body(), lang(type)).toGraph();
          assertFalse(g.isEmpty(), what);
        }
      }
    }
  }

  @Test
  void everyRegistryNameWorksAsFormatAndAnUnknownOneIs400LikeFuseki() throws Exception {
    String q = "&query=" + Fixture.enc(CONSTRUCT);
    for (String[] t : new String[][] {{"rdf", "application/rdf+xml"}, {"rdfxml", "application/rdf+xml"},
        {"rdf+xml", "application/rdf+xml"}, {"rdf-xml", "application/rdf+xml"}, {"n3", "text/turtle"},
        {"jsonld", "application/ld+json"}, {"json-ld", "application/ld+json"}, {"ntriples", "application/n-triples"},
        {"nt", "application/n-triples"}, {"ttl", "text/turtle"}, {"turtle", "text/turtle"}}) {
      HttpResponse<String> r = Fixture.get(server, "/sparql?format=" + Fixture.enc(t[0]) + q);
      assertEquals(200, r.statusCode(), t[0] + ": " + r.body());
      assertEquals(t[1], r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip(), t[0]);
      assertFalse(RDFParser.fromString(r.body(), lang(t[1])).toGraph().isEmpty(), t[0]);
    }
    // SELECT keeps Fuseki's result names
    HttpResponse<String> xml = Fixture.get(server, "/sparql?format=xml&query=" + Fixture.enc("SELECT * { ?s ?p ?o } LIMIT 1"));
    assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"));
    // a name nobody knows: 400, as Fuseki answers it (no fallback to Accept)
    HttpResponse<String> bogus = Fixture.get(server, "/sparql?format=bogus" + q, "Accept", "text/turtle");
    assertEquals(400, bogus.statusCode(), bogus.body());
  }

  private static Lang lang(String type) {
    return switch (type) {
      case "application/rdf+xml" -> Lang.RDFXML;
      case "application/ld+json", "application/x-json+ld" -> Lang.JSONLD;
      case "application/n-triples" -> Lang.NTRIPLES;
      default -> Lang.TURTLE; // turtle, and n3 which our Turtle is
    };
  }
}
