package io.pdmgitops.controller.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The data directory holds the journal, the Git clone (with whatever the repository holds) and the
 * web certificate's key: owner-only, 0700 for directories and 0600 for files. The directory is
 * created so from the start; files H2 and JGit create inside it with the process's umask are
 * tightened once they exist. On a file system without POSIX permissions nothing is changed.
 */
final class PrivateDataDir {
  private PrivateDataDir() {}

  /** Creates the directory owner-only, or makes an existing one so. */
  static void prepare(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
      try {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectory(dir);
      }
    }
    restrict(dir, "rwx------");
  }

  /** Makes what the store and the clone created owner-only: files 0600, directories 0700. */
  static void tighten(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        if (Files.isSymbolicLink(entry)) {
          continue;
        }
        restrict(entry, Files.isDirectory(entry) ? "rwx------" : "rw-------");
      }
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to set
    }
  }
}
