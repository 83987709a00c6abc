package io.pdmgitops.controller.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A clone of the desired-state repository kept under the work directory. {@link #fetch()} brings
 * the branch up to date and checks out its head; only one thread may use it at a time (the poller
 * guarantees that).
 */
// Not final: tests count fetches through a subclass.
public class GitSource {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GitSource.class);
  private final GitSourceSettings settings;
  private final GitTransport transport;
  private final Path clone;
  private boolean lockCheckDone;

  public GitSource(GitSourceSettings settings) {
    this.settings = settings;
    this.transport = new GitTransport(settings);
    this.clone = settings.workDir().resolve("repository");
  }

  /** Fetches the branch and checks out its head; returns the head commit. */
  public CommitInfo fetch() throws GitSourceException {
    Optional<String> token = Optional.empty();
    try {
      if (!lockCheckDone) {
        removeStaleLocks();
        lockCheckDone = true;
      }
      if (!Files.isDirectory(clone.resolve(".git"))) {
        Files.createDirectories(settings.workDir());
        var cloning =
            Git.cloneRepository()
                .setURI(settings.url())
                .setDirectory(clone.toFile())
                .setBranch(settings.branch());
        token = transport.configure(cloning);
        cloning.call().close();
      }
      try (Git git = Git.open(clone.toFile())) {
        String remoteRef = "refs/remotes/origin/" + settings.branch();
        var fetching =
            git.fetch()
                .setRemote("origin")
                .setRefSpecs("+refs/heads/" + settings.branch() + ":" + remoteRef);
        // Read anew each time: a rotated token works from the next fetch on.
        token = transport.configure(fetching);
        fetching.call();
        ObjectId head = git.getRepository().resolve(remoteRef);
        if (head == null) {
          throw new GitSourceException(
              "branch '" + settings.branch() + "' not found in " + settings.redactedUrl());
        }
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
        git.clean().setCleanDirectories(true).setForce(true).setIgnore(false).call();
        try (RevWalk walk = new RevWalk(git.getRepository())) {
          RevCommit commit = walk.parseCommit(head);
          return new CommitInfo(
              head.name(),
              commit.getAuthorIdent().getName()
                  + " <"
                  + commit.getAuthorIdent().getEmailAddress()
                  + ">",
              commit.getFullMessage().strip(),
              Instant.ofEpochSecond(commit.getCommitTime()));
        }
      }
    } catch (GitAPIException | IOException | RuntimeException e) {
      // JGit's messages name the URL as given; the settings never hold credentials in it.
      throw new GitSourceException(
          "cannot fetch "
              + settings.redactedUrl()
              + " ("
              + settings.branch()
              + "): "
              + e.getClass().getSimpleName()
              + ": "
              + GitTransport.redact(e.getMessage(), token));
    }
  }

  /**
   * A controller killed in the middle of a fetch leaves Git's lock files behind, and every later
   * fetch would fail on them. This clone belongs to this source alone (one controller per data
   * directory), so at its first fetch any lock file is a leftover and goes.
   */
  private void removeStaleLocks() throws IOException {
    Path git = clone.resolve(".git");
    if (!Files.isDirectory(git)) {
      return;
    }
    try (var files = Files.walk(git, 6)) {
      for (Path lock : files.filter(p -> p.getFileName().toString().endsWith(".lock")).toList()) {
        if (Files.deleteIfExists(lock)) {
          LOG.warn("removed a lock file a previous run left behind: {}", clone.relativize(lock));
        }
      }
    }
  }

  /** The desired-state files at any fetched commit. */
  public CommitFiles files() {
    return new CommitFiles(clone, settings.subdirectory());
  }

  /** The checked-out desired-state directory. */
  /** The repository's URL for messages, without any user info. */
  public String displayUrl() {
    return settings.redactedUrl();
  }

  public Path desiredStateRoot() {
    return settings.subdirectory().map(clone::resolve).orElse(clone);
  }
}
