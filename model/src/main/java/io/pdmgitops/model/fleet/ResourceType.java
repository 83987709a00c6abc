package io.pdmgitops.model.fleet;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of rows in the fleet table, with PDM's names for them. */
public enum ResourceType {
  REMOTE("remote"),
  NODE("node"),
  QEMU("qemu"),
  LXC("lxc"),
  STORAGE("storage"),
  DATASTORE("datastore");

  private final String wire;

  ResourceType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The row type of a guest of this kind. */
  public static ResourceType of(io.pdmgitops.model.desired.GuestType type) {
    return type == io.pdmgitops.model.desired.GuestType.LXC ? LXC : QEMU;
  }

  public boolean isGuest() {
    return this == QEMU || this == LXC;
  }

  public static Optional<ResourceType> fromWire(String value) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
  }
}
