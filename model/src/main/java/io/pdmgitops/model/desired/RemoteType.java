package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** The product behind a remote. */
public enum RemoteType {
  /** A Proxmox VE cluster or single node. */
  PVE("pve"),
  /** A Proxmox Backup Server. */
  PBS("pbs");

  private final String wire;

  RemoteType(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
