package org.trackerkg.server;

import java.util.List;

/** What the page templates (src/main/jte) show: plain values, every link already checked to be safe. */
public final class Views {
  private Views() {}

  /** A link, or plain text when {@code href} is null (a value that is not an http(s) IRI). */
  public record Link(String href, String text) {
    public static Link text(String text) {
      return new Link(null, text);
    }
  }

  /** What every page has: its title, its schema.org JSON-LD (already escaped for a script element), formats. */
  public record Page(String title, String jsonLd, List<Link> formats) {
    public Page {
      formats = formats == null ? List.of() : List.copyOf(formats);
    }
  }

  public record Landing(Page page, long trackers, long organisations, long triples, String q,
      List<Link> trackerLinks, long shown) {}

  public record Signature(String kind, String pattern) {}

  public record Clause(String label, String text, List<Link> tags, List<Link> citations) {}

  public record Group(String label, List<Link> links) {}

  public record Product(String name, String description, int depth, List<Link> citations) {}

  public record Reference(String key, String title, Link url) {}

  public record Tracker(Page page, String iri, String name, List<String> aliases, String description,
      List<Link> company, List<Link> owners, String location, List<Link> websites, List<Link> documentation,
      String exodus, Link exodusLink, List<Signature> signatures, List<Link> categories, List<Clause> clauses,
      List<Group> relations, List<Product> products, List<Reference> references, List<Link> sources) {}

  public record Organisation(Page page, String iri, String name, List<String> labels, List<Link> makes,
      List<Link> owns, List<Link> ownedBy, List<Group> namedBy) {}

  /** One statement about a thing: property and value (outgoing) or subject and property (incoming). */
  public record Row(Link first, Link second) {}

  public record Thing(Page page, String iri, String name, List<Row> outgoing, List<Row> incoming,
      List<Row> owned) {}

  public record Term(String id, String label, String iri, String comment, List<Link> details) {}

  public record Ontology(Page page, String iri, String title, String comment, List<Term> classes,
      List<Term> properties, List<Term> concepts) {}

  /** A canned query on the SPARQL page: its text (defaults substituted), to run in the editor, and its page. */
  public record Canned(String name, String title, String query, String runHref, String pageHref) {}

  /** A canned query's parameter: type, default (null when required), and the value to show in the form. */
  public record CannedParam(String name, String type, String defaultValue, String description, boolean required,
      String value) {}

  /** A canned query for /queries: {@code href} runs it, {@code sparqlHref} opens {@code text} in the editor. */
  public record CannedEntry(String name, String title, String description, List<CannedParam> params, String text,
      String href, String sparqlHref) {}

  /** One canned query's results ({@code results} null when {@code error} says why). */
  public record CannedResults(Page page, CannedEntry query, Results results, String error) {}

  public record Results(List<String> vars, List<List<Link>> rows, Boolean ask, boolean capped, long maxRows) {}

  public record Sparql(Page page, String query, List<Canned> canned, Results results, String error,
      long timeoutSeconds, long maxRows) {}

  public record Queries(Page page, List<CannedEntry> queries) {}

  public record DumpFile(String name, long size, String type, String modified) {}

  public record Dumps(Page page, List<DumpFile> files) {}

  public record Error(Page page, int status, String message) {}

  public record Void(Page page, String turtle, long triples, long entities, long trackers, long organisations) {}
}
