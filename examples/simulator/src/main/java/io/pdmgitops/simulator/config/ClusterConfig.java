package io.pdmgitops.simulator.config;

import java.util.List;

/**
 * One PVE cluster.
 *
 * @param certificate name of a shipped certificate ({@code sim-1} .. {@code sim-6})
 * @param sdn SDN changes not applied yet and zones that failed on a node
 * @param listen ports, one listener each; 0 picks a free port. Several ports stand for several node
 *     addresses of the same cluster, so clients can fail over between them.
 */
public record ClusterConfig(
    String name,
    String certificate,
    List<Integer> listen,
    String version,
    List<NodeConfig> nodes,
    List<StorageConfig> storages,
    List<GuestConfig> guests,
    List<TokenConfig> tokens,
    FaultConfig faults,
    boolean legacy,
    SdnConfig sdn) {
  public ClusterConfig {
    sdn = sdn == null ? SdnConfig.applied() : sdn;
    listen = List.copyOf(listen);
    nodes = List.copyOf(nodes);
    storages = List.copyOf(storages);
    guests = List.copyOf(guests);
    tokens = List.copyOf(tokens);
  }

  public ClusterConfig(
      String name,
      String certificate,
      List<Integer> listen,
      String version,
      List<NodeConfig> nodes,
      List<StorageConfig> storages,
      List<GuestConfig> guests,
      List<TokenConfig> tokens,
      FaultConfig faults,
      boolean legacy) {
    this(
        name,
        certificate,
        listen,
        version,
        nodes,
        storages,
        guests,
        tokens,
        faults,
        legacy,
        SdnConfig.applied());
  }
}
