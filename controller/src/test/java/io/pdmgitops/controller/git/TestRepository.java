package io.pdmgitops.controller.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real Git repository in a temp directory, playing the user's desired-state repository. */
final class TestRepository implements AutoCloseable {
  private final Path dir;
  private final Git git;

  TestRepository(Path dir) throws GitAPIException {
    this.dir = dir;
    this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
  }

  org.eclipse.jgit.lib.Repository repository() {
    return git.getRepository();
  }

  String url() {
    return dir.toUri().toString();
  }

  /** Copies a directory tree into the repository (replacing what was there) and commits it. */
  String commitTree(Path source, String message) throws IOException, GitAPIException {
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
        deleteRecursively(p);
      }
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    return commitAll(message);
  }

  String write(String path, String content, String message) throws IOException, GitAPIException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return commitAll(message);
  }

  private String commitAll(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent alice = new PersonIdent("Alice Admin", "alice@corp.example");
    return git.commit().setMessage(message).setAuthor(alice).setCommitter(alice).call().getName();
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
