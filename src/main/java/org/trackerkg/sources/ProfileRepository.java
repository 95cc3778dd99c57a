package org.trackerkg.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The Yale profiles' Git repository, kept as a bare clone in a cache folder: cloned the first time, fetched after.
 * The profiles are the files of {@code trackers/} in the commit HEAD names; nothing is checked out.
 */
public final class ProfileRepository {
  /** Where the profiles live upstream. */
  public static final String UPSTREAM = "https://github.com/YalePrivacyLab/tracker-profiles.git";
  /** The folder of the repository that holds the profiles. */
  public static final String FOLDER = "trackers";

  private ProfileRepository() {}

  /** The profiles of one commit: their paths (below {@link #FOLDER}) and bytes, with the commit's id and date. */
  public record Tree(String commit, Instant date, Map<String, byte[]> files) {}

  /**
   * Clones {@code url} into {@code cache} (bare), or fetches every branch into it when it is already a clone, and
   * returns the profiles of its HEAD. A failed clone leaves no cache behind.
   */
  public static Tree update(String url, Path cache) throws IOException {
    try {
      if (Files.isDirectory(cache.resolve("objects")) || Files.isDirectory(cache.resolve(".git"))) {
        try (Git git = Git.open(cache.toFile())) {
          pointHead(git.getRepository(), fetch(git, url));
          return read(git.getRepository());
        }
      }
      Path tmp = cache.resolveSibling("." + cache.getFileName() + ".cloning");
      if (Files.exists(tmp)) {
        org.trackerkg.base.AtomicFile.deleteRecursively(tmp);
      }
      Files.createDirectories(tmp.getParent());
      // a bare clone by hand (init + fetch) so that automatic gc, which JGit would start in the background after
      // a clone, is off before the first fetch: the folder is renamed into place right after
      try (Git git = Git.init().setBare(true).setDirectory(tmp.toFile()).setInitialBranch("master").call()) {
        StoredConfig config = git.getRepository().getConfig();
        config.setInt("gc", null, "auto", 0);
        config.setBoolean("gc", null, "autoDetach", false);
        config.save();
        FetchResult fetched = fetch(git, url);
        pointHead(git.getRepository(), fetched);
        Tree t = read(git.getRepository());
        git.close();
        Files.move(tmp, cache);
        return t;
      } finally {
        if (Files.exists(tmp)) {
          org.trackerkg.base.AtomicFile.deleteRecursively(tmp);
        }
      }
    } catch (GitAPIException | org.eclipse.jgit.errors.RepositoryNotFoundException e) {
      throw new IOException(e.getMessage(), e);
    } catch (RuntimeException e) {  // JGit wraps transport failures in unchecked exceptions too
      throw new IOException(String.valueOf(e.getMessage()), e);
    }
  }

  private static FetchResult fetch(Git git, String url) throws GitAPIException {
    return git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*")).setForceUpdate(true)
        .setRemoveDeletedRefs(true).call();
  }

  /** HEAD names the branch the remote's HEAD names (or, when it does not say, the branch at the same commit). */
  private static void pointHead(Repository repo, FetchResult fetched) throws IOException {
    Ref remoteHead = fetched.getAdvertisedRef(Constants.HEAD);
    String branch = null;
    if (remoteHead != null && remoteHead.isSymbolic()) {
      branch = remoteHead.getTarget().getName();
    } else if (remoteHead != null) {
      for (Ref r : fetched.getAdvertisedRefs()) {
        if (r.getName().startsWith(Constants.R_HEADS) && remoteHead.getObjectId().equals(r.getObjectId())
            && (branch == null || r.getName().endsWith("/main") || r.getName().endsWith("/master"))) {
          branch = r.getName();
        }
      }
    }
    if (branch != null && repo.exactRef(branch) != null) {
      RefUpdate u = repo.getRefDatabase().newUpdate(Constants.HEAD, false);
      u.link(branch);
    }
  }

  /** Opens a repository folder: bare, or a work tree with its {@code .git}. */
  public static Repository open(Path dir) throws IOException {
    FileRepositoryBuilder b = new FileRepositoryBuilder();
    Path dotGit = dir.resolve(Constants.DOT_GIT);
    b.setGitDir(Files.isDirectory(dotGit) ? dotGit.toFile() : dir.toFile()).setMustExist(true);
    return b.build();
  }

  /** The profiles at HEAD. */
  public static Tree read(Repository repo) throws IOException {
    ObjectId head = repo.resolve(Constants.HEAD);
    if (head == null) {
      throw new IOException("the repository has no commit at HEAD");
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(head);
      return new Tree(c.getName(), c.getCommitterIdent().getWhenAsInstant(), files(repo, c));
    }
  }

  /** The files below {@link #FOLDER} in one commit, by path. */
  static Map<String, byte[]> files(Repository repo, RevCommit c) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(c.getTree());
      tw.setRecursive(true);
      tw.setFilter(PathFilter.create(FOLDER));
      while (tw.next()) {
        files.put(tw.getPathString(), repo.open(tw.getObjectId(0)).getBytes());
      }
    }
    return files;
  }
}
