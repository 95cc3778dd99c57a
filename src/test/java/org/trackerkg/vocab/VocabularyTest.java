package org.trackerkg.vocab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackerkg.vocab.Ontology;
import org.trackerkg.vocab.TKG;

/** Every vocabulary constant of {@link TKG} is declared in ontology/tracker.ttl, with an English label and comment. */
class VocabularyTest {
  static final String ONTOLOGY = "/org/trackerkg/ontology/tracker.ttl";
  private static final Set<Resource> DECLARING_TYPES = Set.of(
      OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, SKOS.ConceptScheme);

  private static Model ontology;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = VocabularyTest.class.getResourceAsStream(ONTOLOGY)) {
      assertNotNull(in, "ontology not on the classpath: " + ONTOLOGY);
      ontology = ModelFactory.createDefaultModel();
      RDFDataMgr.read(ontology, in, Lang.TURTLE);
    }
  }

  static List<Resource> constants() throws IllegalAccessException {
    List<Resource> out = new ArrayList<>();
    for (Field f : TKG.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
          && Resource.class.isAssignableFrom(f.getType())) {
        out.add((Resource) f.get(null));
      }
    }
    return out;
  }

  @Test
  void everyConstantIsDeclared() throws Exception {
    List<Resource> constants = constants();
    assertTrue(constants.size() > 50, "expected the TKG constants, found " + constants.size());
    List<String> missing = new ArrayList<>();
    for (Resource c : constants) {
      Resource term = ontology.getResource(c.getURI());
      boolean declared = DECLARING_TYPES.stream().anyMatch(t -> ontology.contains(term, RDF.type, t));
      if (!declared) {
        missing.add(c.getURI());
      }
    }
    assertTrue(missing.isEmpty(), "TKG constants not declared in tracker.ttl: " + missing);
  }

  @Test
  void everyConstantHasEnglishLabelAndComment() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Resource c : constants()) {
      Resource term = ontology.getResource(c.getURI());
      if (!hasEnglish(term, RDFS.label.getURI())) {
        problems.add(c.getLocalName() + ": no rdfs:label@en");
      }
      if (!hasEnglish(term, RDFS.comment.getURI())) {
        problems.add(c.getLocalName() + ": no rdfs:comment@en");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void namespacesMatchTheOntology() {
    assertTrue(ontology.contains(ontology.getResource("https://w3id.org/tracker-kg/ontology"), RDF.type, OWL.Ontology));
    assertTrue(TKG.CLAUSE_KIND_NS.startsWith(TKG.NS));
    assertFalse(ontology.listResourcesWithProperty(SKOS.inScheme, TKG.ClauseKindScheme).toList().isEmpty());
    assertFalse(ontology.listResourcesWithProperty(SKOS.inScheme, TKG.CategoryScheme).toList().isEmpty());
    for (Resource c : ontology.listResourcesWithProperty(SKOS.inScheme, TKG.ClauseKindScheme).toList()) {
      assertTrue(c.getURI().startsWith(TKG.CLAUSE_KIND_NS), c.getURI());
    }
    for (Resource c : ontology.listResourcesWithProperty(SKOS.inScheme, TKG.CategoryScheme).toList()) {
      assertTrue(c.getURI().startsWith(TKG.CATEGORY_NS), c.getURI());
    }
  }

  private static boolean hasEnglish(Resource term, String property) {
    for (RDFNode o : ontology.listObjectsOfProperty(term, ontology.getProperty(property)).toList()) {
      if (o.isLiteral() && "en".equalsIgnoreCase(o.asLiteral().getLanguage()) && !o.asLiteral().getString().isBlank()) {
        return true;
      }
    }
    return false;
  }
}
