package io.pdmgitops.controller.git;

import io.pdmgitops.controller.threads.DaemonThreads;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.SourceFile;
import io.pdmgitops.webui.api.SourcePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads desired-state files from the clone's object database at any fetched commit, so a link made
 * for one commit shows that commit's text even after the work tree moved on. Credential hashes in
 * them are hidden ({@link CredentialRedaction}).
 */
public final class CommitFiles implements SourcePort {
  /** Largest file shown; the loader refuses larger ones anyway. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitFiles.class);

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  /** Longest a file read may take before the caller gets an answer without it. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final Path clone;
  private final ExecutorService readers = DaemonThreads.pool("commit-files", 2);
  private final Optional<String> subdirectory;

  public CommitFiles(Path clone, Optional<String> subdirectory) {
    this.clone = clone;
    this.subdirectory =
        subdirectory.map(s -> s.replaceAll("^/+|/+$", "")).filter(s -> !s.isEmpty());
  }

  @Override
  public SourceFile file(String commit, String path) {
    if (!SHA.matcher(commit).matches()) {
      throw new NotFoundException("'" + commit + "' is not a full commit id (40 hex digits)");
    }
    String relative = path.replaceAll("^/+", "");
    if (relative.isEmpty()
        || List.of(relative.split("/")).stream().anyMatch(s -> s.equals("..") || s.isEmpty())) {
      throw new NotFoundException(
          "'" + path + "' is not a path inside the desired-state directory");
    }
    String inRepository = subdirectory.map(d -> d + "/" + relative).orElse(relative);
    if (!Files.isDirectory(clone.resolve(".git"))) {
      throw new NotFoundException("nothing has been fetched yet");
    }
    // Bounded: a read once stalled for 30 s beside a fetch (JGit rescanning packs); a page must
    // not wait on it. Cancelling interrupts JGit, which checks for that.
    Future<SourceFile> read = readers.submit(() -> read(commit, relative, inRepository));
    try {
      return read.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      LOG.warn("reading {} at {} took longer than {}", relative, commit, READ_TIMEOUT);
      throw new NotFoundException(
          "reading "
              + relative
              + " at commit "
              + commit.substring(0, 12)
              + " took too long; try again");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new NotFoundException("cannot read " + relative + " at commit " + commit);
    } catch (InterruptedException e) {
      read.cancel(true);
      Thread.currentThread().interrupt();
      throw new NotFoundException("cannot read " + relative + " at commit " + commit);
    }
  }

  private SourceFile read(String commit, String relative, String inRepository) {
    String text = text(commit, relative, inRepository);
    return new SourceFile(commit, relative, CredentialRedaction.redact(text.lines().toList()));
  }

  private String text(String commit, String relative, String inRepository) {
    try (Repository repository =
            new FileRepositoryBuilder().setGitDir(clone.resolve(".git").toFile()).build();
        RevWalk walk = new RevWalk(repository)) {
      RevCommit revision;
      try {
        revision = walk.parseCommit(ObjectId.fromString(commit));
      } catch (org.eclipse.jgit.errors.MissingObjectException e) {
        throw new NotFoundException("commit " + commit + " is not in the clone");
      }
      try (TreeWalk tree = TreeWalk.forPath(repository, inRepository, revision.getTree())) {
        if (tree == null || tree.isSubtree()) {
          throw new NotFoundException(
              "no file " + relative + " at commit " + commit.substring(0, 12));
        }
        ObjectLoader blob = repository.open(tree.getObjectId(0));
        if (blob.getSize() > MAX_BYTES) {
          throw new NotFoundException(
              relative + " is larger than " + (MAX_BYTES >> 20) + " MiB and is not shown");
        }
        return new String(blob.getBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // JGit's message may name paths of the clone: logged, not shown.
      LOG.warn("cannot read {} at {}", relative, commit, e);
      throw new NotFoundException("cannot read " + relative + " at commit " + commit);
    }
  }

  /**
   * The desired-state paths at a commit of the clone, each with whether it holds credential hashes
   * ({@link #holdsCredentials}), read in one pass.
   *
   * @throws NotFoundException when the commit is not in the clone
   */
  public Map<String, Boolean> credentialsByPath(String commit) {
    return withRepository(
        commit, (repository, id) -> TreeFiles.credentialsByPath(repository, id, subdirectory));
  }

  /** Writes the desired-state files of a commit of the clone under {@code into}. */
  public void writeTree(String commit, Path into) {
    withRepository(
        commit,
        (repository, id) -> {
          TreeFiles.write(repository, id, subdirectory, into);
          return null;
        });
  }

  /**
   * A file's text at a commit as Git holds it, credential hashes included: for the editor, which
   * refuses such files ({@link #holdsCredentials}), never for a page.
   */
  public Optional<String> rawText(String commit, String path) {
    try {
      return Optional.of(text(commit, path, subdirectory.map(d -> d + "/" + path).orElse(path)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Whether the text holds a password or token hash, which pages never show. */
  public static boolean holdsCredentials(String text) {
    List<String> lines = text.lines().toList();
    return !CredentialRedaction.redact(lines).equals(lines);
  }

  private interface RepositoryWork<T> {
    T run(Repository repository, ObjectId commit) throws IOException;
  }

  private <T> T withRepository(String commit, RepositoryWork<T> work) {
    if (!SHA.matcher(commit).matches()) {
      throw new NotFoundException("'" + commit + "' is not a full commit id (40 hex digits)");
    }
    try (Repository repository =
        new FileRepositoryBuilder().setGitDir(clone.resolve(".git").toFile()).build()) {
      return work.run(repository, ObjectId.fromString(commit));
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      throw new NotFoundException("commit " + commit + " is not in the clone");
    } catch (IOException e) {
      LOG.warn("cannot read the files of {}", commit, e);
      throw new NotFoundException("cannot read the files of commit " + commit);
    }
  }
}
