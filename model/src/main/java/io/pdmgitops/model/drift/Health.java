package io.pdmgitops.model.drift;

/** How a resource is doing, ordered from best to worst for combining. */
public enum Health {
  /** Running as it should. */
  HEALTHY,
  /** Changing: a task or lock holds it, or an action is on its way. */
  PROGRESSING,
  /** Declared but not found on its remote. */
  MISSING,
  /** Found but wrong in a way the controller will not fix by itself (identity, template). */
  DEGRADED,
  /** Cannot tell. */
  UNKNOWN;

  public boolean isWorseThan(Health other) {
    return ordinal() > other.ordinal();
  }

  public static Health worst(Health a, Health b) {
    return a.isWorseThan(b) ? a : b;
  }
}
