package io.pdmgitops.model;

import java.util.Objects;

/**
 * A place in the repository: a file relative to the repository root (always with '/'), and a
 * 1-based line and column.
 */
public record SourceLocation(String file, int line, int column) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based");
    }
  }

  public static SourceLocation startOf(String file) {
    return new SourceLocation(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
