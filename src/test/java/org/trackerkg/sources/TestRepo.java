package org.trackerkg.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A Git repository of profiles built in a test with JGit, commit by commit, with fixed authors and dates. */
public final class TestRepo implements AutoCloseable {
  final Path dir;
  final Git git;
  private Instant clock = Instant.parse("2019-01-01T12:00:00Z");

  public TestRepo(Path dir) throws GitAPIException {
    this.dir = dir;
    this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call();
  }

  static Path profile(String name) {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("data/sources/yale-tracker-profiles").resolve(name);
  }

  TestRepo write(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve("trackers").resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
    return this;
  }

  public TestRepo write(String name, String text) throws IOException {
    return write(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public TestRepo copy(String profile) throws IOException {
    return write(profile, Files.readAllBytes(profile(profile)));
  }

  TestRepo delete(String name) throws IOException {
    Files.delete(dir.resolve("trackers").resolve(name));
    return this;
  }

  /** Commits everything in the work tree (additions, changes, deletions) one day after the previous commit. */
  public String commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    clock = clock.plusSeconds(86_400);
    PersonIdent who = new PersonIdent("Tester", "tester@example.org", Date.from(clock),
        TimeZone.getTimeZone(ZoneOffset.UTC));
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getName();
  }

  @Override
  public void close() {
    git.close();
  }
}
