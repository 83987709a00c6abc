package io.pdmgitops.model.load;

/**
 * Bounds on what the loader reads, so a hostile or broken commit costs at most a clear error: a 50
 * MB file or an alias bomb is refused before it can exhaust memory or time.
 *
 * @param maxFiles YAML files per repository
 * @param maxFileBytes size of one YAML file
 * @param maxDocumentsPerFile {@code ---}-separated documents in one file
 * @param maxNestingDepth nesting of mappings and sequences
 * @param maxAliases aliases to mappings or sequences in one document
 * @param maxNodesPerDocument nodes of one document after alias expansion
 * @param maxProblems problems reported before the rest are summarised
 */
public record LoaderLimits(
    int maxFiles,
    long maxFileBytes,
    int maxDocumentsPerFile,
    int maxNestingDepth,
    int maxAliases,
    int maxNodesPerDocument,
    int maxProblems) {

  /** 20,000 files. */
  public static final int DEFAULT_MAX_FILES = 20_000;

  /** 1 MiB: hundreds of guests per file, far below memory trouble. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;

  /** 1,000 documents per file. */
  public static final int DEFAULT_MAX_DOCUMENTS_PER_FILE = 1_000;

  /** 32 levels: our deepest kind (View layout) needs 8. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

  /** 100 collection aliases per document: enough for anchors of shared defaults. */
  public static final int DEFAULT_MAX_ALIASES = 100;

  /** 100,000 nodes per document after alias expansion: stops exponential alias bombs. */
  public static final int DEFAULT_MAX_NODES_PER_DOCUMENT = 100_000;

  /** 1,000 problems; the summary still counts the rest. */
  public static final int DEFAULT_MAX_PROBLEMS = 1_000;

  public LoaderLimits {
    if (maxFiles < 1
        || maxFileBytes < 1
        || maxDocumentsPerFile < 1
        || maxNestingDepth < 2
        || maxAliases < 0
        || maxNodesPerDocument < 1
        || maxProblems < 1) {
      throw new IllegalArgumentException("loader limits must be positive");
    }
  }

  public static LoaderLimits defaults() {
    return new LoaderLimits(
        DEFAULT_MAX_FILES,
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_MAX_DOCUMENTS_PER_FILE,
        DEFAULT_MAX_NESTING_DEPTH,
        DEFAULT_MAX_ALIASES,
        DEFAULT_MAX_NODES_PER_DOCUMENT,
        DEFAULT_MAX_PROBLEMS);
  }
}
