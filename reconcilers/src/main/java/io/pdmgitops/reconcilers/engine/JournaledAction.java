package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.ObjectRef;
import java.util.Objects;

/**
 * An action as the journal stores it, the same for every kind: the resource, the remote the call
 * goes to, the action's name, and what only its kind understands as JSON. The kind's codec turns a
 * planned action into this and back.
 */
public record JournaledAction(
    ObjectRef resource, String remote, String action, String params, String reason) {
  public JournaledAction {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(reason, "reason");
  }
}
