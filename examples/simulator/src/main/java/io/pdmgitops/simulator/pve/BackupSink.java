package io.pdmgitops.simulator.pve;

/** Where a backup job's backups land: the simulated backup server behind a {@code pbs} storage. */
@FunctionalInterface
public interface BackupSink {
  BackupSink NONE = (server, datastore, type, id, time, owner) -> {};

  /**
   * One guest's backup, written when its job's task ends well.
   *
   * @param type {@code vm} or {@code ct}, as PBS names backup groups
   */
  void stored(String server, String datastore, String type, String id, long time, String owner);
}
