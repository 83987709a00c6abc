package io.pdmgitops.controller.loop;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.plan.GuestTarget;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an action's outcome depends on, as one short value: the guest's and its remote's desired
 * specs (a new token or a fixed parameter) and the guest's observed node, power, lock and name. A
 * permanently failed action is tried again only when this changes. Line numbers and unrelated
 * objects are not part of it: moving a document in its file changes nothing.
 */
final class ActionFingerprint {
  private ActionFingerprint() {}

  static String of(PlannedAction action, DesiredState state, Inventory inventory) {
    Optional<Guest.Spec> guest = state.guest(action.resource().identity()).map(Guest::spec);
    Optional<Remote.Spec> remote = state.remote(action.remote()).map(Remote::spec);
    Optional<List<Object>> observed =
        inventory
            .remote(action.remote())
            .filter(RemoteObservation.Reachable.class::isInstance)
            .flatMap(
                r -> ((RemoteObservation.Reachable) r).guest(GuestTarget.of(action).at().vmid()))
            .map(ActionFingerprint::relevant);
    return Integer.toHexString(Objects.hash(guest, remote, observed));
  }

  private static List<Object> relevant(GuestObservation g) {
    return List.of(g.node(), g.power(), g.lock(), g.name());
  }
}
