package io.pdmgitops.model.plan;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.drift.GuestLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One action on one resource of any kind, on one remote, with why. What only its kind understands
 * is in {@link #params()}.
 *
 * @param remote the remote the action's call goes to (a cross-cluster move: the source)
 */
public record PlannedAction(
    ObjectRef resource, String remote, ActionType type, String reason, ActionParams params) {
  public PlannedAction {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(params, "params");
  }

  /** An action on a guest where it was observed; the placement for moves. */
  public static PlannedAction guest(
      ObjectRef guest,
      GuestLocation at,
      GuestAction type,
      String reason,
      Optional<Placement> placement) {
    if (guest.kind() != Kind.GUEST) {
      throw new IllegalArgumentException("not a guest: " + guest);
    }
    return new PlannedAction(guest, at.remote(), type, reason, new GuestTarget(at, placement));
  }
}
