package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** Desired power of a guest. */
public enum PowerState {
  /** The guest should run. */
  RUNNING("running"),
  /** The guest should be stopped. */
  STOPPED("stopped");

  private final String wire;

  PowerState(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
