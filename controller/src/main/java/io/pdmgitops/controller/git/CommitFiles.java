package io.pdmgitops.controller.git;

import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.SourceFile;
import io.pdmgitops.webui.api.SourcePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * for one commit shows that commit's text even after the work tree moved on.
 */
public final class CommitFiles implements SourcePort {
  /** Largest file shown; the loader refuses larger ones anyway. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitFiles.class);

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  private final Path clone;
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
        String text = new String(blob.getBytes(), StandardCharsets.UTF_8);
        return new SourceFile(commit, relative, text.lines().toList());
      }
    } catch (IOException e) {
      // JGit's message may name paths of the clone: logged, not shown.
      LOG.warn("cannot read {} at {}", relative, commit, e);
      throw new NotFoundException("cannot read " + relative + " at commit " + commit);
    }
  }
}
