package io.pdmgitops.webui.fleet;

import io.pdmgitops.model.fleet.FleetResource;
import java.time.Instant;
import java.util.List;

/** One page of matching resources and how many matched in all. */
public record ResourcePage(
    int total, int page, int size, List<FleetResource> rows, Instant observedAt) {
  public ResourcePage {
    rows = List.copyOf(rows);
  }

  public int pages() {
    return Math.max(1, (total + size - 1) / size);
  }

  public boolean hasNext() {
    return page < pages();
  }

  public boolean hasPrevious() {
    return page > 1;
  }
}
