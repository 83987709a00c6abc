package io.pdmgitops.reconcilers.pve;

/** The {@code type} filter of {@code /cluster/resources}. */
public enum ResourceType {
  /** qemu and lxc guests. */
  VM,
  /** Storages, once per node where enabled. */
  STORAGE,
  /** Nodes. */
  NODE,
  /** SDN zones. */
  SDN;

  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
