package io.pdmgitops.webui.health;

import java.util.List;
import java.util.Optional;

/** What the health routes ask of the controller. */
public interface HealthPort {
  /** Every finding and where each overview's data stands, unfiltered: the routes filter. */
  HealthReport report();

  /**
   * Reads the remote's overviews again now (the per-remote refresh button); false when they were
   * read moments ago or a read is running.
   */
  boolean refresh(String remote);

  /** Every overview's tab, in the order the page lists them: names only, no rows drawn. */
  List<OverviewTab> tabs();

  /** One overview's table by its name ({@code updates}); empty for no such overview. */
  Optional<OverviewTable> table(String overview);
}
