package io.pdmgitops.model.plan;

import io.pdmgitops.model.ObjectRef;
import java.util.Objects;

/**
 * A drifting guest the planner will not act on, because PVE would refuse the action as declared;
 * the reason is for people, and only a change in Git (or in the guest) lifts it.
 *
 * @param kind the action the drift would have asked for
 */
public record BlockedAction(ObjectRef guest, ActionKind kind, String reason) {
  public BlockedAction {
    Objects.requireNonNull(guest, "guest");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
