package io.pdmgitops.model.desired;

import java.util.Arrays;
import java.util.Optional;

/** The keys of a view filter rule, as PDM's parser accepts them. */
public enum FilterKey {
  /** storage, qemu, lxc, network, datastore or node. */
  RESOURCE_TYPE("resource-type"),
  /** The PVE pool of a guest. */
  RESOURCE_POOL("resource-pool"),
  /** Any one tag of a guest. */
  TAG("tag"),
  /** The remote's name. */
  REMOTE("remote"),
  /** A global resource id such as {@code remote/dc-east/guest/100}. */
  RESOURCE_ID("resource-id");

  private final String wire;

  FilterKey(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<FilterKey> fromWire(String value) {
    return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
  }
}
