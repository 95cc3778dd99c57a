package org.trackerkg.vocab;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * The two SKOS schemes of the ontology (policy-clause kinds, tracker categories), looked up by any of their
 * labels, case-insensitively. A category the ontology does not know is minted under the same namespace.
 */
public final class Concepts {
  private static final Node SKOS_IN_SCHEME = Vocab.inScheme;
  private static final String[] LABELS = {
    Vocab.SKOS + "prefLabel", Vocab.SKOS + "altLabel", Vocab.SKOS + "hiddenLabel", Vocab.RDFS + "label"
  };

  private final Map<String, Node> clauseKinds = new HashMap<>();
  private final Map<String, Node> categories = new HashMap<>();

  public Concepts(Graph ontology) {
    index(ontology, TKG.ClauseKindScheme.asNode(), clauseKinds);
    index(ontology, TKG.CategoryScheme.asNode(), categories);
  }

  private static void index(Graph g, Node scheme, Map<String, Node> into) {
    g.find(Node.ANY, SKOS_IN_SCHEME, scheme).forEachRemaining(t -> {
      Node concept = t.getSubject();
      for (String p : LABELS) {
        for (Triple lt : g.find(concept, Vocab.uri(p), Node.ANY).toList()) {
          if (lt.getObject().isLiteral()) {
            into.putIfAbsent(norm(lt.getObject().getLiteralLexicalForm()), concept);
          }
        }
      }
    });
  }

  static String norm(String label) {
    return Iris.asciiFold(label).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  /** The clause kind for a label as written (null label → "other"), by label, then by keywords. */
  public Node clauseKind(String label) {
    if (label != null) {
      Node exact = clauseKinds.get(norm(label));
      if (exact != null) {
        return exact;
      }
      String l = norm(label);
      String key = l.contains("retention") || l.contains("retain") || l.contains("storage") ? "retention"
          : l.contains("opt") || l.contains("choice") || l.contains("unsubscribe") ? "opt-out"
          : l.contains("third") ? "third-parties"
          : l.contains("shar") || l.contains("disclos") ? "sharing"
          : l.contains("collect") || l.contains("information we") ? "collection"
          : l.contains("secur") ? "security"
          : l.contains("international") || l.contains("transfer") || l.contains("law")
              || l.contains("shield") ? "international-transfer"
          : "other";
      return Vocab.uri(TKG.CLAUSE_KIND_NS + key);
    }
    return Vocab.uri(TKG.CLAUSE_KIND_NS + "other");
  }

  /** The category concept for a name, or null when the ontology does not know it (the caller mints one). */
  public Node category(String name) {
    return categories.get(norm(name));
  }

  public static Node mintCategory(String name) {
    return Vocab.uri(TKG.CATEGORY_NS + Iris.slug(name));
  }
}
