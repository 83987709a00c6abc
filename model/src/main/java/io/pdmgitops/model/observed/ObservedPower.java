package io.pdmgitops.model.observed;

/** A guest's power as the remote reports it. */
public enum ObservedPower {
  /** Running. */
  RUNNING,
  /** Running but paused (qemu suspend to RAM). */
  PAUSED,
  /** Stopped. */
  STOPPED,
  /** The remote could not say (node offline, no statistics yet). */
  UNKNOWN
}
