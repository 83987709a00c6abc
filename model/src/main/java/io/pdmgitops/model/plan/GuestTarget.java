package io.pdmgitops.model.plan;

import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.drift.GuestLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a guest action goes: the guest's location as observed, and for a move, the declared
 * placement.
 */
public record GuestTarget(GuestLocation at, Optional<Placement> placement) implements ActionParams {
  public GuestTarget {
    Objects.requireNonNull(at, "at");
    placement = placement == null ? Optional.empty() : placement;
  }

  /** The guest target of a guest action; anything else is a bug in the dispatch. */
  public static GuestTarget of(PlannedAction action) {
    if (action.params() instanceof GuestTarget target) {
      return target;
    }
    throw new IllegalArgumentException("not a guest action: " + action);
  }
}
