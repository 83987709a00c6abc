package io.pdmgitops.model.load;

/** Which stage found a problem. */
public enum ProblemCategory {
  /** A file could not be read at all: a usage problem, not a content problem. */
  IO,
  /**
   * A size, count, depth or alias limit was exceeded, or something refused for safety, such as a
   * symbolic link.
   */
  LIMIT,
  /** The text is not well-formed YAML. */
  SYNTAX,
  /** A document does not match its kind's JSON Schema. */
  SCHEMA,
  /** Documents are each well-formed but do not fit together (duplicates, dangling references). */
  SEMANTIC
}
