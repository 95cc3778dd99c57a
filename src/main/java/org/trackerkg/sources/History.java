package org.trackerkg.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.trackerkg.base.AtomicFile;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.ReadResult;
import org.trackerkg.graph.GraphBuilder;
import org.trackerkg.publish.GraphDiff;
import org.trackerkg.vocab.Iris;
import org.trackerkg.vocab.TKG;
import org.trackerkg.vocab.Vocab;

/**
 * Every version of every profile in a Git repository, as dated data. Commits are walked oldest first; a profile
 * file whose content differs from its tracker's previous version is a new version, mapped on its own into the
 * named graph {@code {base}graph/profiles/{slug}/{commit-short}} (see {@link Iris#versionGraph}), which describes
 * itself as a {@code tkg:SourceDocument} with {@code prov:generatedAtTime} (the commit date),
 * {@code prov:wasRevisionOf} (the previous version), {@code tkg:commit} and {@code tkg:commitMessage}, and lists
 * the statements it added and removed since that version ({@code tkg:added}/{@code tkg:removed} → rdf:Statement,
 * computed by {@link GraphDiff} over the facts, the document's own description aside). A renamed file with the same
 * content is the same version; a profile whose file is deleted gets {@code prov:invalidatedAtTime} on its last
 * version. A version the reader cannot read is a diagnostic naming the commit and file; the others still load.
 */
public final class History {
  private static final Node GENERATED = Vocab.uri(Vocab.PROV + "generatedAtTime");
  private static final Node INVALIDATED = Vocab.uri(Vocab.PROV + "invalidatedAtTime");
  private static final Node REVISION_OF = Vocab.uri(Vocab.PROV + "wasRevisionOf");
  private static final Node STATEMENT = Vocab.uri(Vocab.RDF + "Statement");
  private static final Node SUBJECT = Vocab.uri(Vocab.RDF + "subject");
  private static final Node PREDICATE = Vocab.uri(Vocab.RDF + "predicate");
  private static final Node OBJECT = Vocab.uri(Vocab.RDF + "object");

  private History() {}

  /** One version of one profile. */
  public record Version(String slug, String graph, String commit, Instant date, String path, String previous) {}

  public record Result(DatasetGraph dataset, List<Version> versions, List<Diagnostic> diagnostics) {}

  /** The last version of a tracker, with the facts it stated (as triples in a default graph, for the diff). */
  private record Last(Version version, ObjectId blob, DatasetGraph facts) {}

  public static Result read(Path repositoryDir, String base) throws IOException {
    try (Repository repo = ProfileRepository.open(repositoryDir)) {
      return read(repo, base);
    } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
      throw new IOException("not a Git repository: " + repositoryDir);
    }
  }

  public static Result read(Repository repo, String base) throws IOException {
    Iris iris = new Iris(base);
    DatasetGraph out = DatasetGraphFactory.create();
    List<Version> versions = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, Last> last = new TreeMap<>();          // by slug
    Map<String, ObjectId> before = new HashMap<>();    // path → blob in the previous commit
    Map<String, String> slugOfPath = new HashMap<>();
    ObjectId head = repo.resolve(Constants.HEAD);
    if (head == null) {
      throw new IOException("the repository has no commit at HEAD");
    }
    Path tmp = Files.createTempDirectory("tkg-history-");
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(head));
      for (RevCommit c : walk) {
        Instant date = c.getCommitterIdent().getWhenAsInstant();
        String shortId = c.getName().substring(0, 12);
        Map<String, ObjectId> now = blobs(repo, c);
        for (Map.Entry<String, ObjectId> f : now.entrySet()) {
          if (f.getValue().equals(before.get(f.getKey()))) {
            continue;
          }
          String where = shortId + ":" + f.getKey();
          String name = f.getKey().substring(f.getKey().lastIndexOf('/') + 1);
          Path file = tmp.resolve(shortId).resolve(name);
          Files.createDirectories(file.getParent());
          Files.write(file, repo.open(f.getValue()).getBytes());
          ReadResult r = DossierReader.readFile(file.toString());
          r.diagnostics().forEach(d -> diagnostics.add(
              new Diagnostic(d.severity(), d.file().replace(file.toString(), where), d.line(), d.message())));
          Files.delete(file);
          if (r.hasErrors() || r.dossiers().isEmpty()) {
            continue;  // reported; the other versions still load
          }
          GraphBuilder.Result g = GraphBuilder.create().base(base).build(r.dossiers());
          diagnostics.addAll(g.diagnostics().stream().map(d ->
              new Diagnostic(d.severity(), d.file().replace(file.toString(), where), d.line(), d.message())).toList());
          for (String graph : g.sourceFiles().keySet()) {
            String slug = graph.substring(graph.lastIndexOf('/') + 1);
            slugOfPath.put(f.getKey(), slug);
            Last prev = last.get(slug);
            if (prev != null && prev.blob().equals(f.getValue())) {
              continue;  // renamed or copied, same content: the same version
            }
            String vg = iris.versionGraph("profiles", slug, shortId);
            Version v = new Version(slug, vg, c.getName(), date, f.getKey(),
                prev == null ? null : prev.version().graph());
            DatasetGraph facts = DatasetGraphFactory.create();
            Node gOld = NodeFactory.createURI(graph);
            Node gNew = NodeFactory.createURI(vg);
            g.dataset().find(gOld, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
              Node s = rename(q.getSubject(), graph, vg);
              Node o = rename(q.getObject(), graph, vg);
              out.add(gNew, s, q.getPredicate(), o);
              if (!s.isURI() || !s.getURI().startsWith(vg)) {
                facts.getDefaultGraph().add(s, q.getPredicate(), o);
              }
            });
            out.add(gNew, gNew, GENERATED, NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdateTime));
            out.add(gNew, gNew, TKG.commit.asNode(), NodeFactory.createLiteralString(c.getName()));
            out.add(gNew, gNew, TKG.commitMessage.asNode(), NodeFactory.createLiteralString(c.getFullMessage().strip()));
            if (prev != null) {
              Node gPrev = NodeFactory.createURI(prev.version().graph());
              out.add(gNew, gNew, REVISION_OF, gPrev);
              GraphDiff diff = GraphDiff.compute(prev.facts(), facts);
              changes(out, gNew, vg, "removed", TKG.removed.asNode(), diff.removed());
              changes(out, gNew, vg, "added", TKG.added.asNode(), diff.added());
            }
            versions.add(v);
            last.put(slug, new Last(v, f.getValue(), facts));
          }
        }
        // a profile whose file is gone, and no other file carries it: its last version ends here
        for (String path : before.keySet()) {
          String slug = slugOfPath.get(path);
          if (!now.containsKey(path) && slug != null && last.containsKey(slug)
              && now.keySet().stream().noneMatch(p -> slug.equals(slugOfPath.get(p)))) {
            Node gl = NodeFactory.createURI(last.get(slug).version().graph());
            out.add(gl, gl, INVALIDATED, NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdateTime));
            last.remove(slug);
          }
        }
        before.clear();
        before.putAll(now);
      }
    } finally {
      AtomicFile.deleteRecursively(tmp);
    }
    return new Result(out, List.copyOf(versions), List.copyOf(diagnostics));
  }

  /** Each statement as an rdf:Statement node under the version, linked by {@code tkg:added}/{@code tkg:removed}. */
  private static void changes(DatasetGraph out, Node g, String vg, String kind, Node link, List<Quad> quads) {
    for (Quad q : quads) {
      Node st = NodeFactory.createURI(vg + "/" + kind + "/" + Iris.shortHash(q.getSubject().toString(),
          q.getPredicate().toString(), q.getObject().toString()));
      out.add(g, g, link, st);
      out.add(g, st, Vocab.type, STATEMENT);
      out.add(g, st, SUBJECT, q.getSubject());
      out.add(g, st, PREDICATE, q.getPredicate());
      out.add(g, st, OBJECT, q.getObject());
    }
  }

  private static Node rename(Node n, String from, String to) {
    if (n.isURI() && (n.getURI().equals(from) || n.getURI().startsWith(from + "/"))) {
      return NodeFactory.createURI(to + n.getURI().substring(from.length()));
    }
    return n;
  }

  private static Map<String, ObjectId> blobs(Repository repo, RevCommit c) throws IOException {
    Map<String, ObjectId> m = new LinkedHashMap<>();
    try (TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(c.getTree());
      tw.setRecursive(true);
      tw.setFilter(PathFilter.create(ProfileRepository.FOLDER));
      while (tw.next()) {
        m.put(tw.getPathString(), tw.getObjectId(0));
      }
    }
    return m;
  }
}
