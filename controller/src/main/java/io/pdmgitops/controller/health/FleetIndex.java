package io.pdmgitops.controller.health;

import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ViewFilter;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fleet table's resources by id, built once per loop cycle (the overviews ask per guest), and
 * what the health rules ask of it: a guest's row, and whether it is production.
 */
public final class FleetIndex {
  /** The pool, tag and view name that mark a guest as production. */
  public static final String PRODUCTION = "production";

  private record Built(FleetSnapshot source, Map<String, FleetResource> byId) {}

  private final FleetPort fleet;
  private final AtomicReference<Built> built = new AtomicReference<>();

  public FleetIndex(FleetPort fleet) {
    this.fleet = fleet;
  }

  private Built current() {
    FleetSnapshot now = fleet.snapshot();
    Built b = built.get();
    if (b == null || b.source() != now) {
      b =
          new Built(
              now,
              now.resources().stream()
                  .collect(Collectors.toMap(FleetResource::id, Function.identity(), (x, y) -> x)));
      built.set(b);
    }
    return b;
  }

  /** A row by PDM's id: {@code remote/dc-east/guest/100}. */
  public Optional<FleetResource> resource(String id) {
    return Optional.ofNullable(current().byId().get(id));
  }

  /**
   * Why the guest counts as production: its pool ({@code pool production}), a tag ({@code tag
   * production}), or the view named production showing it ({@code view production}); empty when
   * none does.
   */
  public Optional<String> production(String remote, GuestObservation guest) {
    if (guest.pool().filter(PRODUCTION::equals).isPresent()) {
      return Optional.of("pool " + PRODUCTION);
    }
    if (guest.tags().contains(PRODUCTION)) {
      return Optional.of("tag " + PRODUCTION);
    }
    Built b = current();
    Optional<ViewFilter> view = b.source().view(PRODUCTION);
    FleetResource row = b.byId().get("remote/" + remote + "/guest/" + guest.vmid());
    if (view.isPresent() && row != null && view.get().matches(row)) {
      return Optional.of("view " + PRODUCTION);
    }
    return Optional.empty();
  }
}
