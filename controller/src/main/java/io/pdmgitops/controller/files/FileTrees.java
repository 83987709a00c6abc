package io.pdmgitops.controller.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory and everything below it: scratch copies, a seed's work tree. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes the tree; nothing when it does not exist. */
  public static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Deletes the tree as far as it can, for scratch space whose leftovers a later sweep removes;
   * returns whether it is gone.
   */
  public static boolean deleteQuietly(Path dir) {
    try {
      delete(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
