package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.observed.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Snapshot x inventory → drift report. Pure: same inputs, same report. */
public final class DriftDetector {
  /** Below this many declared guests, splitting the work costs more than it saves. */
  static final int PARALLEL_FROM = 5_000;

  private DriftDetector() {}

  /**
   * @param defaultPolicy the policy of guests that declare none
   */
  public static DriftReport detect(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    List<ResourceStatus> statuses = new ArrayList<>();
    for (Remote remote : state.remotes()) {
      statuses.add(RemoteClassifier.classify(remote, inventory.remote(remote.metadata().name())));
    }
    GuestClassifier guests = new GuestClassifier(inventory.observedAt(), defaultPolicy);
    // Each guest is judged on its own: a large fleet is judged on every core. The report keeps
    // the state's order either way.
    Stream<Guest> declared =
        state.guests().size() >= PARALLEL_FROM
            ? state.guests().parallelStream()
            : state.guests().stream();
    statuses.addAll(declared.map(g -> guests.classify(Pairing.pair(g, inventory))).toList());
    return new DriftReport(inventory.observedAt(), statuses, Pairing.unmanaged(state, inventory));
  }
}
