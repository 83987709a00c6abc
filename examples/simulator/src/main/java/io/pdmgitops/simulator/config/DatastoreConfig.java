package io.pdmgitops.simulator.config;

import java.util.List;

/**
 * A PBS datastore with its backup groups and the results of its jobs.
 *
 * @param growthPerDay bytes the store grows by each day: the usage history and the estimated full
 *     date follow from it (0: not growing)
 * @param gcState the last garbage collection's result: {@code OK}, {@code WARNINGS: n} or the error
 *     message, as PBS's {@code last-run-state}
 * @param verifyState the last verify job's result, same form; null for no verify job
 * @param pruneState the last prune job's result, same form; null for no prune job
 */
public record DatastoreConfig(
    String name,
    long size,
    long used,
    List<BackupGroupConfig> groups,
    long growthPerDay,
    String gcState,
    String verifyState,
    String pruneState) {
  public DatastoreConfig {
    groups = List.copyOf(groups);
    gcState = gcState == null ? "OK" : gcState;
  }

  public DatastoreConfig(String name, long size, long used, List<BackupGroupConfig> groups) {
    this(name, size, used, groups, 0, "OK", "OK", "OK");
  }

  /**
   * A backup group.
   *
   * @param type vm, ct or host
   * @param snapshots backup times, epoch seconds
   * @param verify the newest snapshot's verification: {@code ok}, {@code failed}, or null when it
   *     was never verified
   */
  public record BackupGroupConfig(
      String type, String id, String owner, List<Long> snapshots, String verify) {
    public BackupGroupConfig {
      snapshots = List.copyOf(snapshots);
    }

    public BackupGroupConfig(String type, String id, String owner, List<Long> snapshots) {
      this(type, id, owner, snapshots, "ok");
    }
  }
}
