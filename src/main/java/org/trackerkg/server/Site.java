package org.trackerkg.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.trackerkg.link.Reconciler;
import org.trackerkg.link.SignatureMatcher;
import org.trackerkg.query.CannedQuery;
import org.trackerkg.query.ParameterException;
import org.trackerkg.query.QueryCatalogue;
import org.trackerkg.store.ServedData;

/**
 * What every servlet of the server shares: the served data, the query limits, the dumps folder, the canned
 * queries, the signature matcher, and the page cache. The pages themselves are one servlet class per URL family
 * ({@link LandingServlet}, {@link LinkedDataServlet}, {@link OntologyServlet}, {@link VoidServlet},
 * {@link QueriesServlet}, {@link MatchServlet}, {@link ReconcileServlet}); HTTP helpers are in {@link Http}.
 * Serialised documents are kept while the data stays the same (it changes only through the optional write
 * endpoints, which bump the {@link ResultCache#generation()}).
 */
final class Site {
  /** The page cache's bound: the bytes of the kept documents (not their number). */
  static final long PAGE_CACHE_BYTES = 64L << 20;

  /** A serialised response: body, its ETag, its Content-Type. */
  record Cached(byte[] body, String etag, String contentType) {
    static Cached of(byte[] body, String contentType) {
      return new Cached(body, Http.etag(body), contentType);
    }
  }

  private final ServedData data;
  private final QueryLimits limits;
  private final Path dumpsDir;
  private final QueryCatalogue catalogue;
  private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumWeight(PAGE_CACHE_BYTES)
      .weigher((String k, Cached c) -> c.body().length + 2 * k.length() + 64).executor(Runnable::run)
      .recordStats().build();
  private final ResultCache results;
  private long cacheGeneration;
  private SignatureMatcher matcher;
  private Reconciler reconciler;
  private Listings listings;

  Site(ServedData data, QueryLimits limits, Path dumpsDir, ResultCache results) {
    this.results = results;
    this.data = data;
    this.limits = limits;
    this.dumpsDir = dumpsDir;
    this.catalogue = QueryCatalogue.load();
  }

  ServedData data() {
    return data;
  }

  /** SPARQL protocol responses kept while the data stays the same; its generation also guards {@link #cached}. */
  ResultCache results() {
    return results;
  }

  /** The trackers' signatures, built once for {@code /match} and {@code /reconcile} alike. */
  /** The data changed (a replica applied a patch): kept answers, pages and the matcher are rebuilt on demand. */
  synchronized void dataChanged() {
    results.dataChanged();
    matcher = null;
    reconciler = null;
    listings = null;
  }

  synchronized SignatureMatcher matcher() {
    if (matcher == null) {
      matcher = data.read(() -> SignatureMatcher.fromDataset(data.dataset(), data.union(), data.base()));
    }
    return matcher;
  }

  /** Trackers and organisations by name, domain, host or class: {@code /reconcile} and {@code /search} alike. */
  synchronized Reconciler reconciler() {
    if (reconciler == null) {
      SignatureMatcher m = matcher();
      reconciler = data.read(() -> Reconciler.fromUnion(data.union(), data.base(), "/reconcile", m));
    }
    return reconciler;
  }

  /** The rows of {@code /trackers} and {@code /organisations}, read once from the data. */
  synchronized Listings listings() {
    if (listings == null) {
      listings = data.read(() -> Listings.read(data.union(), data.base()));
    }
    return listings;
  }

  /** The page cache, for its statistics on {@code /$/metrics}. */
  Cache<String, Cached> pages() {
    return cache;
  }

  Path dumpsDir() {
    return dumpsDir;
  }

  QueryLimits limits() {
    return limits;
  }

  QueryCatalogue catalogue() {
    return catalogue;
  }

  ViewBuilder views() {
    return new ViewBuilder(data.union(), data.base());
  }

  /** The page cache: a response kept under its key while the data stays the same. */
  Cached cached(String key, java.util.function.Supplier<Cached> make) {
    long generation = results.generation();
    synchronized (cache) {
      if (generation != cacheGeneration) {  // a write went through: nothing kept is current
        cache.invalidateAll();
        cacheGeneration = generation;
      }
    }
    Cached c = cache.getIfPresent(key);
    if (c == null) {
      c = make.get();
      if (results.generation() == generation) {
        cache.put(key, c);
      }
    }
    return c;
  }

  /** The service description in a negotiated RDF format, or false when the client accepts none of them. */
  boolean serviceDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<String> offers = RdfFormat.offers(false);
    String chosen = Negotiation.choose(req.getHeader("Accept"), offers);
    resp.setHeader("Vary", "Accept");
    if (chosen == null) {
      return false;
    }
    RdfFormat f = RdfFormat.forOffer(chosen, false);
    String root = Http.root(req);
    LinkedDataServlet.sendAs(req, resp, cached("sd " + f + " " + root,
        () -> Cached.of(f.write(Descriptions.serviceDescription(data, root, limits), data.base()),
            f.contentType())), f, chosen);
    return true;
  }

  // ---------------------------------------------------------------- canned queries

  /** The canned queries for the SPARQL page: the text with the defaults substituted (as written if required). */
  List<Views.Canned> cannedViews() {
    List<Views.Canned> out = new ArrayList<>();
    for (QueryCatalogue.Entry q : catalogue.list()) {
      String text;
      try {
        text = CannedQuery.bind(q, examples(q), data.base()).substituted().serialize();
      } catch (ParameterException e) {
        // a required parameter with no example: unbound, the query would run over everything (and time out),
        // so its link opens the page that asks for the value
        out.add(new Views.Canned(q.name(), q.title(), q.text(), "/queries/" + q.name(), "/queries/" + q.name()));
        continue;
      }
      out.add(new Views.Canned(q.name(), q.title(), text, "/sparql?format=html&query=" + Http.enc(text),
          q.params().isEmpty() ? null : "/queries/" + q.name()));
    }
    return out;
  }

  /** Example values for a query's required tracker parameters: mParticle (the seed) or the first tracker. */
  private Map<String, String> examples(QueryCatalogue.Entry q) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (org.trackerkg.query.QueryParam p : q.params()) {
      if (p.required() && p.type() == org.trackerkg.query.ParamType.TRACKER && !data.trackers().isEmpty()) {
        String prefix = data.base() + "id/tracker/";
        String example = data.trackers().stream().map(ServedData.Entry::iri)
            .filter(i -> i.equals(prefix + "mparticle")).findFirst().orElse(data.trackers().get(0).iri());
        out.put(p.name(), example.substring(prefix.length()));
      }
    }
    return out;
  }

  NavigableSet<String> owned(String iri) {
    return data.owned(iri);
  }
}
