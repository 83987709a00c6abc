package io.pdmgitops.webui.fleet;

import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ViewFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet table of one reconcile cycle, with the views of the snapshot in force.
 *
 * @param observedAt when the poll behind it started
 */
public record FleetSnapshot(
    Instant observedAt, List<FleetResource> resources, Map<String, ViewFilter> views) {
  public FleetSnapshot {
    Objects.requireNonNull(observedAt, "observedAt");
    resources = List.copyOf(resources);
    views = Map.copyOf(views);
  }

  public static FleetSnapshot empty() {
    return new FleetSnapshot(Instant.EPOCH, List.of(), Map.of());
  }

  public Optional<ViewFilter> view(String name) {
    return Optional.ofNullable(views.get(name));
  }
}
