package io.pdmgitops.model.load;

/** How bad a problem is. */
public enum Severity {
  /** The snapshot is rejected; nothing of it reaches the fleet. */
  ERROR,
  /** Worth a look; the snapshot is still applied. */
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
