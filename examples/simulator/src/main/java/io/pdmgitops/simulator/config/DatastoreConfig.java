package io.pdmgitops.simulator.config;

import java.util.List;

/** A PBS datastore with its backup groups. */
public record DatastoreConfig(String name, long size, long used, List<BackupGroupConfig> groups) {
  public DatastoreConfig {
    groups = List.copyOf(groups);
  }

  /**
   * A backup group.
   *
   * @param type vm, ct or host
   * @param snapshots backup times, epoch seconds
   */
  public record BackupGroupConfig(String type, String id, String owner, List<Long> snapshots) {
    public BackupGroupConfig {
      snapshots = List.copyOf(snapshots);
    }
  }
}
