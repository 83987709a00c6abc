package io.pdmgitops.model.plan;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.drift.GuestLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One action on one guest, with where it is and why.
 *
 * @param placement the desired placement, for migrations
 */
public record PlannedAction(
    ObjectRef guest,
    GuestLocation at,
    ActionKind kind,
    String reason,
    Optional<Placement> placement) {
  public PlannedAction {
    Objects.requireNonNull(guest, "guest");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    placement = placement == null ? Optional.empty() : placement;
  }
}
