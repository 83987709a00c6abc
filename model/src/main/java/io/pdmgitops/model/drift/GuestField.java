package io.pdmgitops.model.drift;

/** The fields of a Guest that drift is measured on. */
public enum GuestField implements DriftField {
  /** The observed guest's name differs: an identity doubt, never acted on. */
  NAME("name"),
  /** qemu declared, lxc found (or the other way): an identity doubt, never acted on. */
  TYPE("type"),
  /** Declared on another remote than where it runs: a cross-cluster move. */
  PLACEMENT_REMOTE("placement.remote"),
  /** Declared on another node of its cluster: a migration. */
  PLACEMENT_NODE("placement.node"),
  POWER("power"),
  /** Asked to have been restarted after a time it has been running since. */
  RESTARTED_AT("restartedAt");

  private final String path;

  GuestField(String path) {
    this.path = path;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String toString() {
    return path;
  }
}
