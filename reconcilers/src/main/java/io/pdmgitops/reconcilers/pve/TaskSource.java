package io.pdmgitops.reconcilers.pve;

/** Which tasks {@code GET /nodes/{node}/tasks} lists; PVE's default is finished ones only. */
public enum TaskSource {
  /** Finished tasks. */
  ARCHIVE,
  /** Running tasks. */
  ACTIVE,
  /** Both. */
  ALL;

  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
