package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.plan.GuestTarget;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.model.plan.Planner;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Guests: paired with what the remotes report (by remote and vmid, and at the target of a move),
 * judged on identity, placement, power and restarts ({@link GuestField}), planned as moves, power
 * changes and reboots ({@link Planner}).
 */
public final class GuestRules implements KindRules {
  /** Below this many declared guests, splitting the work costs more than it saves. */
  static final int PARALLEL_FROM = 5_000;

  @Override
  public Kind kind() {
    return Kind.GUEST;
  }

  @Override
  public Set<String> remotesOf(DesiredObject object) {
    Guest guest = (Guest) object;
    String home = guest.spec().remote();
    Set<String> remotes = new LinkedHashSet<>();
    remotes.add(home);
    guest.spec().placement().ifPresent(p -> remotes.add(p.remoteOr(home)));
    return remotes;
  }

  @Override
  public Optional<String> homeOf(DesiredObject object) {
    return Optional.of(((Guest) object).spec().remote());
  }

  @Override
  public List<ResourceStatus> judge(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    GuestClassifier guests = new GuestClassifier(inventory.observedAt(), defaultPolicy);
    // Each guest is judged on its own: a large fleet is judged on every core. The report keeps
    // the state's order either way.
    Stream<Guest> declared =
        state.guests().size() >= PARALLEL_FROM
            ? state.guests().parallelStream()
            : state.guests().stream();
    return declared.map(g -> guests.classify(Pairing.pair(g, inventory))).toList();
  }

  /** Guests on the remotes that no document declares, by remote name. */
  public static List<UnmanagedGuest> unmanagedGuests(DesiredState state, Inventory inventory) {
    return Pairing.unmanaged(state, inventory);
  }

  @Override
  public Plan plan(
      List<ResourceStatus> verdicts, DesiredState state, Inventory inventory, PlanScope scope) {
    return Planner.review(verdicts, state);
  }

  /**
   * The guest's and its remote's desired specs (a new token or a fixed parameter) and the guest's
   * observed node, power, lock and name. Line numbers and unrelated objects are not part of it:
   * moving a document in its file changes nothing.
   */
  @Override
  public String fingerprint(PlannedAction action, DesiredState state, Inventory inventory) {
    Optional<Guest.Spec> guest = state.guest(action.resource().identity()).map(Guest::spec);
    Optional<Remote.Spec> remote = state.remote(action.remote()).map(Remote::spec);
    Optional<List<Object>> observed =
        inventory
            .remote(action.remote())
            .filter(RemoteObservation.Reachable.class::isInstance)
            .flatMap(
                r -> ((RemoteObservation.Reachable) r).guest(GuestTarget.of(action).at().vmid()))
            .map(GuestRules::relevant);
    return Integer.toHexString(Objects.hash(guest, remote, observed));
  }

  private static List<Object> relevant(GuestObservation g) {
    return List.of(g.node(), g.power(), g.lock(), g.name());
  }
}
