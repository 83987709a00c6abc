package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the controller does about a guest's drift. */
public enum DriftPolicy {
  /** Act to remove the drift. */
  ENFORCE("enforce"),
  /** Show the drift, never act. */
  REPORT("report"),
  /** Neither show nor act. */
  IGNORE("ignore");

  private final String wire;

  DriftPolicy(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
