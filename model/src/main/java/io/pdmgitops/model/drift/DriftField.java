package io.pdmgitops.model.drift;

import java.util.Objects;

/**
 * A field of a kind's spec that drift is measured on. Each kind names its fields in its own enum,
 * so the planner matches a field by type, not by its text; {@link #path()} is what people and the
 * store see.
 */
public interface DriftField {
  /** The field's path in the spec as written in YAML, e.g. {@code placement.node}. */
  String path();

  /** A field known only by its path, as read back from the store. */
  static DriftField named(String path) {
    return new Named(path);
  }

  /** A field read back from the store or an API answer: equal by path. */
  record Named(String path) implements DriftField {
    public Named {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
      return path;
    }
  }
}
