package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;

/** Finds where a field of one document is written, by JSON pointer ({@code /spec/remote}). */
@FunctionalInterface
public interface FieldLocator {
  /** The value for a scalar; the key for a mapping or list, where a reader looks for all of it. */
  SourceLocation locate(String pointer);

  /** From a parsed document, kept in memory. */
  static FieldLocator of(YamlDocument document) {
    return pointer -> {
      boolean container = document.root().at(pointer).isContainer();
      return container
          ? document.positions().keyAt(pointer)
          : document.positions().valueAt(pointer);
    };
  }
}
