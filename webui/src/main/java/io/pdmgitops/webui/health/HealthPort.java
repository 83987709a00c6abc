package io.pdmgitops.webui.health;

/** What the health routes ask of the controller. */
public interface HealthPort {
  /** Every finding and where each overview's data stands, unfiltered: the routes filter. */
  HealthReport report();

  /**
   * Reads the remote's overviews again now (the per-remote refresh button); false when they were
   * read moments ago or a read is running.
   */
  boolean refresh(String remote);
}
