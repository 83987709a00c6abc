package io.pdmgitops.controller.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold credentials in the data directory (the bootstrap login, the demo's logins, the
 * second-factor key): written under a temporary name created owner-only (0600), then moved into
 * place, so the content is never readable by others, not even for a moment, and a crash leaves no
 * half-written file.
 */
public final class OwnerOnlyFile {
  private OwnerOnlyFile() {}

  public static void write(Path file, CharSequence text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temporary); // not a POSIX file system
    }
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
