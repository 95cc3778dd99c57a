package org.trackerkg.link.app;

import java.util.List;
import org.trackerkg.link.SignatureMatcher;

/**
 * The privacy report of one app: what it is, which permissions it asks for and what they expose, and per tracker it
 * embeds, the evidence and what the tracker's policy says, each statement with its clause and citations.
 *
 * @param app what was read from the file
 * @param scanned when, as an ISO-8601 instant ({@code xsd:dateTime})
 * @param permissions the manifest's permissions, grouped by the personal data they expose; ungrouped last
 * @param trackers the trackers the app embeds: a code signature matched its class names (network matches of the
 *     same trackers are added as further evidence), by display name
 * @param hostsOnly trackers whose network signatures match host names in the code or manifest but none of whose code
 *     signatures matched: weaker evidence (a URL in a string is not an SDK), reported apart and not as embedded
 */
public record AppReport(AppContents app, String scanned, List<PermissionGroup> permissions, List<Finding> trackers,
    List<Finding> hostsOnly) {
  public AppReport {
    permissions = List.copyOf(permissions);
    trackers = List.copyOf(trackers);
    hostsOnly = List.copyOf(hostsOnly);
  }

  /** Permissions exposing one category ({@code category} null: the other permissions). */
  public record PermissionGroup(Concept category, List<String> permissions) {
    public PermissionGroup {
      permissions = List.copyOf(permissions);
    }
  }

  /** A DPV (or tkg) concept: its IRI, its prefixed name and its label. */
  public record Concept(String iri, String curie, String label) {}

  /** A tracker found in the app, why, and what its policy says ({@code profile} null: no policy in the data). */
  public record Finding(SignatureMatcher.Tracker tracker, List<Evidence> code, List<Evidence> network,
      Maker maker, Profile profile) {
    public Finding {
      code = List.copyOf(code);
      network = List.copyOf(network);
    }
  }

  /**
   * One signature that matched: its kind (code: class names, network: host names, weaker evidence), its pattern,
   * how many names matched it and the first few of them.
   */
  public record Evidence(String kind, String pattern, int count, List<String> examples) {
    public static final int EXAMPLES = 5;

    public Evidence {
      examples = List.copyOf(examples);
    }
  }

  /** The organisation that makes the tracker and the chain of its owners, nearest first (empty when unknown). */
  public record Maker(Party company, List<Party> owners) {
    public Maker {
      owners = List.copyOf(owners);
    }

    /** The last owner: the ultimate parent, else the company itself. */
    public Party ultimateOwner() {
      return owners.isEmpty() ? company : owners.get(owners.size() - 1);
    }
  }

  /** An organisation: IRI and name. */
  public record Party(String iri, String name) {}

  /** The policy clauses of a tracker's profile, and the topics a report shows, each as the clauses that say it. */
  public record Profile(List<Clause> clauses) {
    public Profile {
      clauses = List.copyOf(clauses);
    }

    /** Clauses annotated with the DPV property ({@code dpv:hasPersonalData}…), or of one of the clause kinds. */
    public List<Clause> about(String dpvProperty, String... kinds) {
      return clauses.stream().filter(c -> c.annotations().stream().anyMatch(a -> a.property().equals(dpvProperty))
          || List.of(kinds).contains(c.kind())).toList();
    }

    /** The distinct concepts of one DPV property over all clauses, by prefixed name. */
    public List<Concept> concepts(String dpvProperty) {
      java.util.Map<String, Concept> out = new java.util.TreeMap<>();
      for (Clause c : clauses) {
        for (Annotation a : c.annotations()) {
          if (a.property().equals(dpvProperty)) {
            out.putIfAbsent(a.concept().curie(), a.concept());
          }
        }
      }
      return List.copyOf(out.values());
    }

    /**
     * What a report shows of a policy, in this order: the personal data it collects, the purposes, retention,
     * sharing with third parties, opting out. Each topic lists its DPV concepts and the clauses that say it.
     */
    public List<Topic> topics() {
      return List.of(
          new Topic("data", "Personal data", concepts("dpv:hasPersonalData"), about("dpv:hasPersonalData")),
          new Topic("purposes", "Purposes", concepts("dpv:hasPurpose"), about("dpv:hasPurpose")),
          new Topic("retention", "Retention", concepts("dpv:hasDuration"), about("dpv:hasDuration", "retention")),
          new Topic("sharing", "Third-party sharing", concepts("dpv:hasRecipient"),
              about("dpv:hasRecipient", "sharing", "third-parties")),
          new Topic("opt-out", "Opt-out", List.of(), clauses.stream().filter(c -> c.kind().equals("opt-out")
              || c.annotations().stream().anyMatch(a -> a.concept().curie().equals("dpv:OptingOutFromProcess")))
              .toList()));
    }

    /** Whether some clause keeps data without end ({@code dpv:hasDuration dpv:EndlessDuration}). */
    public boolean indefiniteRetention() {
      return clauses.stream().anyMatch(Clause::indefinite);
    }
  }

  /** One topic of a policy: key ({@code retention}), title, DPV concepts, and the clauses that say it. */
  public record Topic(String key, String title, List<Concept> concepts, List<Clause> clauses) {
    public Topic {
      concepts = List.copyOf(concepts);
      clauses = List.copyOf(clauses);
    }
  }

  /** One policy clause: label, kind key ({@code retention}…), verbatim text, citations and DPV annotations. */
  public record Clause(String iri, String label, String kind, String text, List<Citation> citations,
      List<Annotation> annotations) {
    public Clause {
      citations = List.copyOf(citations);
      annotations = List.copyOf(annotations);
    }

    public boolean indefinite() {
      return annotations.stream().anyMatch(a -> a.property().equals("dpv:hasDuration")
          && a.concept().curie().equals("dpv:EndlessDuration"));
    }
  }

  /** A DPV annotation of a clause: property (prefixed), concept, and the words that triggered it. */
  public record Annotation(String property, Concept concept, String evidence) {}

  /** A source the dossier cites for a clause: its key ("mParticle, 12") and URL (null when none). */
  public record Citation(String key, String url) {}
}
