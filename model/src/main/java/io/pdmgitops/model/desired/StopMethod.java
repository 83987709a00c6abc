package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a running guest is brought to {@code power: stopped}: PVE's two calls. A shutdown asks the
 * guest's OS (ACPI for a VM) and waits; a stop cuts its power at once, as pulling the plug.
 */
public enum StopMethod {
  /** {@code status/shutdown}: the guest OS shuts down cleanly (the default). */
  SHUTDOWN("shutdown"),
  /** {@code status/stop}: at once, without asking the guest. */
  STOP("stop");

  private final String wire;

  StopMethod(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
