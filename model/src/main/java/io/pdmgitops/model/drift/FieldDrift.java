package io.pdmgitops.model.drift;

import java.util.Objects;

/** One field whose observed value differs from the desired one. */
public record FieldDrift(DriftField field, String desired, String observed) {
  public FieldDrift {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(observed, "observed");
  }

  /** The field's path as people read it. */
  public String path() {
    return field.path();
  }
}
