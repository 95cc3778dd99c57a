package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiationTest {
  static final List<String> OFFERS = RdfFormat.offers(true);

  @Test
  void qValuesSpecificityAndOrder() {
    assertEquals("text/turtle", Negotiation.choose(null, OFFERS));
    assertEquals("text/turtle", Negotiation.choose("*/*", OFFERS));
    assertEquals("text/html", Negotiation.choose("text/html,application/xhtml+xml,*/*;q=0.8", OFFERS));
    assertEquals("application/ld+json", Negotiation.choose("application/ld+json;q=0.9, text/turtle;q=0.5", OFFERS));
    assertEquals("text/html", Negotiation.choose("text/*;q=0.5, text/turtle;q=0", OFFERS));
    assertEquals("application/n-triples", Negotiation.choose("application/n-triples", OFFERS));
    assertEquals("application/rdf+xml", Negotiation.choose("application/rdf+xml, */*;q=0.1", OFFERS));
    assertNull(Negotiation.choose("image/png", OFFERS));
    assertNull(Negotiation.choose("text/turtle;q=0", List.of("text/turtle")));
    assertEquals("text/turtle", Negotiation.choose("garbage, text/turtle;q=bad, text/turtle", List.of("text/turtle")));
  }
}
