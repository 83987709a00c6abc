package io.pdmgitops.model.plan;

import io.pdmgitops.model.ObjectRef;
import java.util.Objects;

/**
 * A drifting resource the planner will not act on, because PVE would refuse the action as declared;
 * the reason is for people, and only a change in Git (or in the guest) lifts it.
 *
 * @param type the action the drift would have asked for
 */
public record BlockedAction(ObjectRef resource, ActionType type, String reason) {
  public BlockedAction {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
  }
}
