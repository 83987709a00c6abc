package io.pdmgitops.controller.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The desired-state files of one commit, read from a repository's object database: listed, or
 * written out to a directory the loader reads. Only regular files below the subdirectory; at most
 * {@link #MAX_FILES} files and {@link #MAX_BYTES} in all.
 */
final class TreeFiles {
  static final int MAX_FILES = 10_000;
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private TreeFiles() {}

  /**
   * Each file's path relative to the desired-state directory, in Git's order, with whether it holds
   * credential hashes ({@link CredentialRedaction}); one walk, each blob read once.
   */
  static Map<String, Boolean> credentialsByPath(
      Repository repository, ObjectId commitId, Optional<String> subdirectory) throws IOException {
    Map<String, Boolean> paths = new LinkedHashMap<>();
    walk(
        repository,
        commitId,
        subdirectory,
        (relative, blob) -> {
          List<String> lines =
              new String(repository.open(blob).getBytes(), StandardCharsets.UTF_8).lines().toList();
          paths.put(relative, !CredentialRedaction.redact(lines).equals(lines));
        });
    return paths;
  }

  static void write(
      Repository repository, ObjectId commitId, Optional<String> subdirectory, Path into)
      throws IOException {
    walk(
        repository,
        commitId,
        subdirectory,
        (relative, blob) -> {
          Path target = into.resolve(relative).normalize();
          if (!target.startsWith(into)) {
            return; // Git never stores such a path; refuse it all the same
          }
          Files.createDirectories(target.getParent());
          try (OutputStream out = Files.newOutputStream(target)) {
            repository.open(blob).copyTo(out);
          }
        });
  }

  private interface Visitor {
    void file(String relative, ObjectId blob) throws IOException;
  }

  private static void walk(
      Repository repository, ObjectId commitId, Optional<String> subdirectory, Visitor visitor)
      throws IOException {
    Optional<String> dir =
        subdirectory.map(s -> s.replaceAll("^/+|/+$", "")).filter(s -> !s.isEmpty());
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      RevCommit commit = walk.parseCommit(commitId);
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      dir.ifPresent(d -> tree.setFilter(PathFilter.create(d)));
      int files = 0;
      long bytes = 0;
      while (tree.next()) {
        if (tree.getFileMode(0) != FileMode.REGULAR_FILE
            && tree.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
          continue; // links and submodules are not desired state
        }
        String path = tree.getPathString();
        if (dir.isPresent() && !path.startsWith(dir.get() + "/")) {
          continue;
        }
        ObjectLoader blob = repository.open(tree.getObjectId(0));
        files++;
        bytes += blob.getSize();
        if (files > MAX_FILES || bytes > MAX_BYTES) {
          throw new IOException(
              "the commit holds more than "
                  + MAX_FILES
                  + " files or "
                  + (MAX_BYTES >> 20)
                  + " MiB of desired state; no more is read");
        }
        visitor.file(
            dir.map(d -> path.substring(d.length() + 1)).orElse(path), tree.getObjectId(0));
      }
    }
  }
}
