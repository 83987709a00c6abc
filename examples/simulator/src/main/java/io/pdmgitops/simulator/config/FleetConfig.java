package io.pdmgitops.simulator.config;

import java.time.Duration;
import java.util.List;

/**
 * A simulated fleet: PVE clusters and Proxmox Backup Servers, each served on its own HTTPS
 * listeners.
 *
 * @param taskDuration how long simulated tasks (start, stop, migrate...) take by default
 */
public record FleetConfig(
    Duration taskDuration, List<ClusterConfig> clusters, List<PbsConfig> backupServers) {
  public FleetConfig {
    clusters = List.copyOf(clusters);
    backupServers = List.copyOf(backupServers);
  }
}
