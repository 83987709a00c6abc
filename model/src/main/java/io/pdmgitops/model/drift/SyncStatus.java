package io.pdmgitops.model.drift;

/** Whether the fleet matches Git for one resource. */
public enum SyncStatus {
  /** Observed equals desired. */
  SYNCED,
  /** Observed differs from desired in at least one field. */
  OUT_OF_SYNC,
  /** Cannot tell: the remote or node could not be observed. */
  UNKNOWN
}
