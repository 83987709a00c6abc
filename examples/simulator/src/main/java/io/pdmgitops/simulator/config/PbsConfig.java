package io.pdmgitops.simulator.config;

import java.util.List;

/** One Proxmox Backup Server. */
public record PbsConfig(
    String name,
    String certificate,
    List<Integer> listen,
    String version,
    List<DatastoreConfig> datastores,
    List<TokenConfig> tokens,
    FaultConfig faults) {
  public PbsConfig {
    listen = List.copyOf(listen);
    datastores = List.copyOf(datastores);
    tokens = List.copyOf(tokens);
  }
}
