package io.pdmgitops.controller.store;

/** What an event records. */
public enum EventType {
  /** A fetched commit validated and is now the snapshot in force. */
  COMMIT_ACCEPTED,
  /** A fetched commit did not validate; the previous snapshot stays. */
  COMMIT_REJECTED,
  /** A resource's sync status, health or drifts changed. */
  STATUS_CHANGED,
  /** A resource is no longer declared. */
  RESOURCE_REMOVED
}
