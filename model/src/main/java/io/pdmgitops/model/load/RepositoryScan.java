package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the YAML files of a repository: {@code *.yaml} and {@code *.yml}, sorted, skipping hidden
 * directories such as {@code .git}. Symbolic links are not followed: a link could pull files from
 * outside the repository into the desired state. A link that would have been read (to a YAML file
 * or a directory) is an error rather than a warning, because skipping it silently drops its objects
 * from the desired state: the controller would then treat them as removed.
 */
final class RepositoryScan {
  /** Directory depth below the root; desired-state trees are shallow. */
  static final int MAX_DEPTH = 32;

  private final List<Path> files = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private RepositoryScan() {}

  List<Path> files() {
    return files;
  }

  List<Problem> problems() {
    return problems;
  }

  static String relative(Path root, Path file) {
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  static RepositoryScan of(Path root, LoaderLimits limits) throws IOException {
    RepositoryScan scan = new RepositoryScan();
    Files.walkFileTree(
        root,
        EnumSet.noneOf(FileVisitOption.class),
        MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            boolean yaml = isYaml(name);
            boolean hidden = name.startsWith("."); // skipped like a hidden directory, link or not
            if (attrs.isSymbolicLink() && !hidden && (yaml || Files.isDirectory(file))) {
              // LIMIT, not IO: the link is content of the repository, refused for safety; the
              // file system read it fine.
              scan.problems.add(
                  Problem.error(
                          ProblemCategory.LIMIT,
                          SourceLocation.startOf(relative(root, file)),
                          "symbolic link not followed")
                      .withHint("commit the file itself; links may point outside the repository"));
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isDirectory() && !hidden) {
              // Only a directory at MAX_DEPTH is visited as a file; what is below it is not read.
              scan.problems.add(
                  Problem.error(
                          ProblemCategory.LIMIT,
                          SourceLocation.startOf(relative(root, file)),
                          "directory nested more than " + MAX_DEPTH + " levels deep, not read")
                      .withHint("keep desired state in a shallow tree of directories"));
              return FileVisitResult.CONTINUE;
            }
            if (!yaml) {
              return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile()) {
              // A pipe or device would block or never end; refuse it instead of reading it.
              scan.problems.add(
                  Problem.error(
                          ProblemCategory.IO,
                          SourceLocation.startOf(relative(root, file)),
                          "not a regular file")
                      .withHint("desired state is read from plain files only"));
              return FileVisitResult.CONTINUE;
            }
            if (scan.files.size() == limits.maxFiles()) {
              scan.problems.add(
                  Problem.error(
                          ProblemCategory.LIMIT,
                          SourceLocation.startOf(relative(root, file)),
                          "more than " + limits.maxFiles() + " YAML files in the repository")
                      .withHint("point the controller at the subdirectory with the desired state"));
              return FileVisitResult.TERMINATE;
            }
            scan.files.add(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            scan.problems.add(
                Problem.error(
                    ProblemCategory.IO,
                    SourceLocation.startOf(relative(root, file)),
                    "cannot read: " + e.getClass().getSimpleName()));
            return FileVisitResult.CONTINUE;
          }
        });
    scan.files.sort(Comparator.comparing(f -> relative(root, f)));
    return scan;
  }

  private static boolean isYaml(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
  }
}
