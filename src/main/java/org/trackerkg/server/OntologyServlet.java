package org.trackerkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.trackerkg.vocab.Labels;
import org.trackerkg.vocab.Ontology;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * {@code /ontology}: the ontology as a page or in a negotiated RDF format.
 */
final class OntologyServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Site site;

  OntologyServlet(Site site) {
    this.site = site;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String chosen = Http.negotiate(req, resp, RdfFormat.offers(true), true);
    if (chosen == null) {
      return;
    }
    RdfFormat f = RdfFormat.forOffer(chosen, false);
    Site.Cached c = site.cached("ontology " + f, () -> switch (f) {
      case HTML -> Site.Cached.of(Pages.render("ontology.jte", ontologyView()), Pages.HTML);
      case TURTLE -> Site.Cached.of(Ontology.bytes(Ontology.TRACKER_TTL), f.contentType());
      default -> Site.Cached.of(f.write(Ontology.graph(), site.data().base()), f.contentType());
    });
    LinkedDataServlet.sendAs(req, resp, c, f, chosen);
  }

  private Views.Ontology ontologyView() {
    Graph o = Ontology.graph();
    ViewBuilder v = new ViewBuilder(o, site.data().base());
    List<Views.Term> classes = new ArrayList<>();
    List<Views.Term> props = new ArrayList<>();
    List<Views.Term> concepts = new ArrayList<>();
    java.util.Set<Node> subjects = new java.util.TreeSet<>(Comparator.comparing(Node::toString));
    o.find().forEachRemaining(t -> {
      if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(TKG.NS)
          && t.getSubject().getURI().length() > TKG.NS.length()) {
        subjects.add(t.getSubject());
      }
    });
    for (Node s : subjects) {
      String id = s.getURI().substring(TKG.NS.length());
      String comment = Labels.literal(o, s, ViewBuilder.uri(Vocab.RDFS + "comment"));
      if (comment == null) {
        comment = Labels.literal(o, s, ViewBuilder.uri(Vocab.SKOS + "definition"));
      }
      List<Views.Link> details = new ArrayList<>();
      for (String[] p : new String[][] {{Vocab.RDFS + "subClassOf", "subclass of"},
          {Vocab.RDFS + "subPropertyOf", "subproperty of"}, {Vocab.RDFS + "domain", "domain"},
          {Vocab.RDFS + "range", "range"}, {Vocab.SKOS + "broader", "broader"},
          {Vocab.SKOS + "inScheme", "in scheme"}, {Vocab.SKOS + "exactMatch", "exact match"},
          {Vocab.SKOS + "closeMatch", "close match"}}) {
        for (Node x : v.objects(s, ViewBuilder.uri(p[0]))) {
          if (x.isURI()) {
            details.add(new Views.Link(v.href(x.getURI()), p[1] + " " + Labels.shortIri(x)));
          }
        }
      }
      Views.Term term = new Views.Term(id, Labels.label(o, s), s.getURI(), comment, details);
      boolean isClass = o.contains(s, Vocab.type, ViewBuilder.uri(Vocab.OWL + "Class"))
          || o.contains(s, Vocab.type, ViewBuilder.uri(Vocab.RDFS + "Class"));
      boolean isConcept = o.contains(s, Vocab.type, Vocab.skosConcept)
          || o.contains(s, Vocab.type, ViewBuilder.uri(Vocab.SKOS + "ConceptScheme"));
      if (isClass) {
        classes.add(term);
      } else if (isConcept) {
        concepts.add(term);
      } else if (o.find(s, Vocab.type, Node.ANY).toList().stream().map(Triple::getObject)
          .anyMatch(t -> t.isURI() && t.getURI().endsWith("Property"))) {
        props.add(term);
      }
    }
    Node onto = ViewBuilder.uri(TKG.NS.substring(0, TKG.NS.length() - 1));
    String title = Labels.literal(o, onto, Vocab.dctTitle);
    if (title == null) {
      title = Labels.literal(o, onto, Vocab.label);
    }
    String comment = Labels.literal(o, onto, ViewBuilder.uri(Vocab.RDFS + "comment"));
    if (comment == null) {
      comment = Labels.literal(o, onto, ViewBuilder.uri(Vocab.DCT + "description"));
    }
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "DefinedTermSet");
    ld.put("@id", TKG.NS);
    ld.put("name", title == null ? "tracker-kg ontology" : title);
    Views.Page page = new Views.Page("Ontology", Pages.jsonLd(ld),
        List.of(new Views.Link("/ontology?format=ttl", "Turtle")));
    return new Views.Ontology(page, TKG.NS, title == null ? "The tracker-kg ontology" : title, comment,
        classes, props, concepts);
  }

}
