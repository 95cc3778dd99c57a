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

  /** A policy clause: its text rendered from Markdown ({@link Markdown}: escaped, http(s) links only). */
  public record Clause(String label, String html, List<Link> tags, List<Link> citations, String prose) {}

  /**
   * A value with the references that support it and, when it was read from a sentence of prose rather than a
   * labelled list, that sentence ({@code prose}, else null).
   */
  public record Cited(Link link, List<Link> citations, String prose) {}

  /** A relation's heading and its values, each with its sources. */
  public record Relation(String label, List<Cited> items) {}

  /** Funding raised: the amount as written for people, the text it was read from, its sources. */
  public record Funding(String amount, String description, List<Link> citations, String prose) {}

  /** A source document of a page: its page, file name, rights holder, licence, and the file's SHA-256. */
  public record SourceDoc(Link link, String file, Link holder, Link licence, String sha256) {}

  public record Group(String label, List<Link> links) {}

  public record Product(String name, String description, int depth, List<Link> citations) {}

  /** A cited reference, once per key, with every URL the sources give it. */
  public record Reference(String key, String title, List<Link> urls) {}

  /**
   * A tracker's page. {@code ownerChains}: each path from a maker up to an owner nobody owns ({@code Crashlytics →
   * Google}); {@code founded}, {@code funding} and {@code wikidata} are the makers'.
   */
  public record Tracker(Page page, String iri, String name, List<String> aliases, String description,
      List<Cited> company, List<List<Link>> ownerChains, List<String> founded, List<Funding> funding,
      List<Link> wikidata, String location, List<Link> websites, List<Link> documentation,
      String exodus, Link exodusLink, List<Signature> signatures, List<Link> categories, List<Clause> clauses,
      List<Relation> relations, List<Product> products, List<Reference> references, List<SourceDoc> sources,
      Link networkPicture) {}

  /**
   * An organisation's page: the trackers it makes, those it owns through subsidiaries ({@code tkg:owner*}), its
   * owner chains, the relations that name it, its websites, Wikidata item and sources.
   */
  public record Organisation(Page page, String iri, String name, List<String> labels, List<Link> makes,
      List<Link> ownedTrackers, List<Link> owns, List<Link> ownedBy, List<List<Link>> ownerChains,
      List<Relation> namedBy, List<Link> websites, Link wikidata, List<String> founded, List<Funding> funding,
      List<Link> sources, Link ownershipPicture) {}

  /** One statement about a thing: property and value (outgoing) or subject and property (incoming). */
  public record Row(Link first, Link second) {}

  public record Thing(Page page, String iri, String name, List<Row> outgoing, List<Row> incoming,
      List<Row> owned) {}

  public record Term(String id, String label, String iri, String comment, List<Link> details) {}

  public record Ontology(Page page, String iri, String title, String comment, List<Term> classes,
      List<Term> properties, List<Term> concepts) {}

  /**
   * A canned query on the SPARQL page: its text (defaults or an example substituted), the link that runs it in the
   * editor, and its parameter page (null when it has no parameters).
   */
  public record Canned(String name, String title, String query, String runHref, String pageHref) {}

  /** A canned query's parameter: type, default (null when required), and the value to show in the form. */
  public record CannedParam(String name, String type, String defaultValue, String description, boolean required,
      String value) {}

  /** A canned query for /queries: {@code href} runs it, {@code sparqlHref} opens {@code text} in the editor. */
  public record CannedEntry(String name, String title, String description, List<CannedParam> params, String text,
      String href, String sparqlHref) {}

  /** One canned query's results ({@code results} null when {@code error} says why). */
  public record CannedResults(Page page, CannedEntry query, Results results, String error) {}

  /** A results-table cell: its text (an IRI's label), its link, and the IRI's prefixed name or IRI on hover. */
  public record Cell(String href, String text, String title) {}

  public record Results(List<String> vars, List<List<Cell>> rows, Boolean ask, boolean capped, long maxRows) {}

  /** The SPARQL page; {@code downloads} are the same query's results as files (JSON, CSV…). */
  public record Sparql(Page page, String query, List<Canned> canned, Results results, String error,
      long timeoutSeconds, long maxRows, List<Link> downloads) {}

  public record Queries(Page page, List<CannedEntry> queries) {}

  public record DumpFile(String name, long size, String type, String modified) {}

  /** The dumps page: the current version's id (null for a folder of plain files) and its files. */
  public record Dumps(Page page, String version, List<DumpFile> files) {}

  public record Error(Page page, int status, String message) {}

  /** One licence of the sources: its link, how many source documents and triples it covers. */
  public record Licence(Link licence, long documents, long triples) {}

  /** A dump file to download: its link, size, and SHA-256 (null when SHA256SUMS does not list it). */
  public record Download(Link link, long bytes, String sha256) {}

  /**
   * The VoID page for people: sizes, the sources' licences, attribution, downloads with checksums, when the data
   * was loaded, and the description itself (Turtle, one click away as a file).
   */
  public record Void(Page page, String turtle, long triples, long entities, long trackers, long organisations,
      long sources, List<Licence> licences, List<Download> downloads, String modified) {}
}
