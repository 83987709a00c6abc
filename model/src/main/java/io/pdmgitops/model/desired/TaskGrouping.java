package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a task summary groups tasks. */
public enum TaskGrouping {
  /** By task category. */
  CATEGORY("category"),
  /** By remote. */
  REMOTE("remote");

  private final String wire;

  TaskGrouping(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
