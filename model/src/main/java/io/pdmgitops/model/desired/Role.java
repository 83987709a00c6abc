package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** Built-in roles, from least to most privileged. */
public enum Role {
  /** Read only. */
  AUDIT("Audit"),
  /** Read and change power state, not configuration. */
  MANAGE("Manage"),
  /** Everything. */
  ADMIN("Admin");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
