package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of guest on a PVE remote. */
public enum GuestType {
  /** A virtual machine. */
  QEMU("qemu"),
  /** A container. */
  LXC("lxc");

  private final String wire;

  GuestType(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
