package org.trackerkg.link;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.Vocab;

/**
 * Link exports: QuickStatements v1 adding "described at URL" (P973) with our IRI to each Wikidata item an entity
 * is {@code owl:sameAs}, and a CSV of every tracker and organisation for OpenRefine.
 */
public final class LinkExport {
  private LinkExport() {}

  /** Entity IRI → its Wikidata Q-ids, for trackers and organisations of the base. */
  public static Map<String, Set<String>> wikidata(DatasetGraph dsg, String base) {
    Iris iris = new Iris(base);
    Map<String, Set<String>> out = new TreeMap<>();
    dsg.find(Node.ANY, Node.ANY, Vocab.sameAs, Node.ANY).forEachRemaining(q -> {
      String s = q.getSubject().getURI();
      String o = q.getObject().isURI() ? q.getObject().getURI() : "";
      if (s != null && (s.startsWith(iris.org("")) || s.startsWith(iris.tracker(""))) && o.startsWith(Vocab.WIKIDATA)
          && o.substring(Vocab.WIKIDATA.length()).matches("Q[1-9][0-9]*")) {
        out.computeIfAbsent(s, k -> new TreeSet<>()).add(o.substring(Vocab.WIKIDATA.length()));
      }
    });
    return out;
  }

  /**
   * {@code Q95<TAB>P973<TAB>"https://w3id.org/tracker-kg/id/org/google"<TAB>S854<TAB>"…"<TAB>S813<TAB>+2024-01-01T00:00:00Z/11},
   * one line per link, sorted: each "described at URL" (P973) carries its reference, the tracker-kg document
   * (S854, "reference URL") and the retrieval date (S813), the data's modified date (the newest εxodus creation
   * date, as in the VoID description), omitted when the data has none. Then "owned by" (P127) between two linked
   * organisations, proposed only where our sources agree: an owner stated (tkg:owner) and no other source naming
   * another owner of the same organisation.
   */
  /** The page about an entity: {@code {base}id/…} → {@code {base}doc/…} (what the entity IRI's 303 leads to). */
  static String document(String base, String iri) {
    String b = base.endsWith("/") ? base : base + "/";
    return iri.startsWith(b + "id/") ? b + "doc/" + iri.substring(b.length() + 3) : iri;
  }

  public static int quickStatements(DatasetGraph dsg, String base, PrintWriter out) {
    int n = 0;
    Set<String> lines = new TreeSet<>((a, b) -> {
      int qa = Integer.parseInt(a.substring(1, a.indexOf('\t')));
      int qb = Integer.parseInt(b.substring(1, b.indexOf('\t')));
      return qa != qb ? Integer.compare(qa, qb) : a.compareTo(b);
    });
    java.time.LocalDate modified = org.trackerkg.publish.VoidDescription.defaultModified(dsg);
    String date = modified == null ? "" : "\tS813\t+" + modified + "T00:00:00Z/11";
    Map<String, Set<String>> wd = wikidata(dsg, base);
    wd.forEach((iri, qids) -> qids.forEach(q -> lines.add(q + "\tP973\t\"" + iri + "\"\tS854\t\"" + document(base, iri) + "\""
        + date)));
    // P127 owned by: both linked, one owner only (sources agree)
    Node owner = org.trackerkg.vocab.TKG.owner.asNode();
    Map<String, Set<String>> owners = new TreeMap<>();
    dsg.find(Node.ANY, Node.ANY, owner, Node.ANY).forEachRemaining(q -> {
      if (q.getSubject().isURI() && q.getObject().isURI()) {
        owners.computeIfAbsent(q.getSubject().getURI(), k -> new TreeSet<>()).add(q.getObject().getURI());
      }
    });
    owners.forEach((org, os) -> {
      if (os.size() == 1 && wd.containsKey(org) && wd.containsKey(os.iterator().next())
          && wd.get(org).size() == 1 && wd.get(os.iterator().next()).size() == 1) {
        String q = wd.get(org).iterator().next();
        String parent = wd.get(os.iterator().next()).iterator().next();
        if (!q.equals(parent)) {
          lines.add(q + "\tP127\t" + parent + "\tS854\t\"" + document(base, org) + "\"" + date);
        }
      }
    });
    for (String l : lines) {
      out.print(l);
      out.print('\n');
      n++;
    }
    out.flush();
    return n;
  }

  /**
   * id,name,type,wikidata,url (RFC 4180) for every tracker and organisation; cells a spreadsheet would run as a formula
   * are neutralised.
   */
  public static int csv(DatasetGraph dsg, String base, PrintWriter out) {
    Reconciler r = Reconciler.fromDataset(dsg, base, base + "reconcile");
    Map<String, Set<String>> wd = wikidata(dsg, base);
    Iris iris = new Iris(base);
    out.print("id,name,type,wikidata,url\r\n");
    int n = 0;
    for (Reconciler.Entity e : r.entities()) {
      String url = iris.base() + "id/" + e.id();
      out.print(String.join(",", csvField(e.id()), csvField(e.name()), csvField(e.type()),
          csvField(String.join(" ", wd.getOrDefault(url, Set.of()))), csvField(url)));
      out.print("\r\n");
      n++;
    }
    out.flush();
    return n;
  }

  /** One cell, neutralised for spreadsheets ({@link org.trackerkg.base.SpreadsheetCsv}). */
  static String csvField(String s) {
    return org.trackerkg.base.SpreadsheetCsv.field(s);
  }
}
