package org.trackerkg.server;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The server's URL table: the SPARQL endpoint and its guards, the write endpoints when writes are on, the replica's
 * state when following, and one servlet per family of pages and APIs. README "URLs" lists the same.
 */
record Routes(int port, long maxBody, long scanMaxUpload, java.nio.file.Path dumpsDir, String updatePassword,
    java.util.function.Supplier<org.trackerkg.store.replication.Replica.Status> replication) {

  /** The write endpoints behind a password file, when writes are on. */
  private FusekiServer.Builder writeEndpoints(FusekiServer.Builder fb, Site site, DatasetGraph served)
      throws IOException {
    if (updatePassword == null) {
      return fb;
    }
    // our own Basic check, not Jetty's properties-file realm (DESIGN.md, known traps): see AdminAuthFilter
    AdminAuthFilter auth = new AdminAuthFilter(TrackerServer.UPDATE_USER, updatePassword);
    AuthPolicy admin = Auth.policyAllowSpecific(TrackerServer.UPDATE_USER);
    return fb
        .add("/update", DataService.newBuilder(served).addEndpoint(Operation.Update, "", admin).build())
        .add("/data", DataService.newBuilder(served).addEndpoint(Operation.GSP_RW, "", admin).build())
        .addFilter("/update", auth)
        .addFilter("/data", auth)
        .addFilter("/update", new WriteFilter(site.results()))
        .addFilter("/data", new WriteFilter(site.results()));
  }

  /** The replica's state at /$/replication and on /$/ping, when following a patch log. */
  private FusekiServer.Builder replication(FusekiServer.Builder fb) {
    if (replication == null) {
      return fb;
    }
    return fb.addServlet("/$/replication", new ReplicationServlet(replication))
        .addFilter("/$/ping", new ReplicationServlet.PingFilter(replication));
  }

  /** Adds every route to {@code fb}, serving {@code served} through {@code site}. */
  FusekiServer.Builder add(FusekiServer.Builder fb, Site site, DatasetGraph served) throws IOException {
    // the query protocol, and the Graph Store Protocol read-only (GET/HEAD ?graph=IRI or ?default: Fuseki's own
    // GSP_R; a PUT, POST or DELETE there is refused, the data is never written through /sparql)
    DataService service = DataService.newBuilder(served).addEndpoint(Operation.Query, "")
        .addEndpoint(Operation.GSP_R, "").build();
    return replication(writeEndpoints(fb, site, served))
        .port(port)
        .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new BoundedQuery(site.limits()))
        .add(TrackerServer.SPARQL_PATH, service)
        .enablePing(true)
        .enableMetrics(true)
        .enableCors(true, null)
        .addFilter("/*", new SecurityHeadersFilter())
        .addFilter("/*", new RequestLimitFilter(maxBody, scanMaxUpload > 0 ? "/scan" : null))
        .addFilter(TrackerServer.SPARQL_PATH, new SparqlFrontFilter(site))
        .addFilter("/queries/*", new CannedResultFilter(site))
        .addServlet("", new LandingServlet(site))
        .addServlet("/id/*", new LinkedDataServlet(site))
        .addServlet("/doc/*", new LinkedDataServlet(site))
        .addServlet("/graph/*", new LinkedDataServlet(site))
        .addServlet("/ontology", new OntologyServlet(site))
        .addServlet(ContextServlet.PATH, new ContextServlet(site))
        .addServlet("/void", new VoidServlet(site))
        .addServlet("/.well-known/void", new VoidServlet(site))
        .addServlet("/queries/*", new QueriesServlet(site))
        .addServlet("/reconcile/*", new ReconcileServlet(site))
        .addServlet("/match", new MatchServlet(site))
        .addServlet("/search", new SearchServlet(site))
        .addServlet("/trackers", new ListingServlet(site))
        .addServlet("/organisations", new ListingServlet(site))
        .addServlet("/pictures/*", new PictureServlet(site))
        .addServlet("/scan", new ScanServlet(site, scanMaxUpload))
        .addServlet("/static/*", new StaticServlet())
        .addServlet("/dumps/*", new DumpsServlet(dumpsDir));
  }
}
