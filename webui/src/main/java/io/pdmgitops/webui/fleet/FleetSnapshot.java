package io.pdmgitops.webui.fleet;

import io.pdmgitops.model.desired.View;
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
 * @param views each View document by name, in name order
 */
public record FleetSnapshot(
    Instant observedAt, List<FleetResource> resources, Map<String, View> views) {
  public FleetSnapshot {
    Objects.requireNonNull(observedAt, "observedAt");
    resources = List.copyOf(resources);
    views = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(views));
  }

  public static FleetSnapshot empty() {
    return new FleetSnapshot(Instant.EPOCH, List.of(), Map.of());
  }

  /** The view's filter, for {@code view:} searches. */
  public Optional<ViewFilter> view(String name) {
    return Optional.ofNullable(views.get(name)).map(ViewFilter::of);
  }
}
