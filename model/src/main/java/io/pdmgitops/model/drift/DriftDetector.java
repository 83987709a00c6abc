package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.observed.Inventory;
import java.util.ArrayList;
import java.util.List;

/** Snapshot x inventory → drift report. Pure: same inputs, same report. */
public final class DriftDetector {
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
    for (GuestPair pair : Pairing.pair(state, inventory)) {
      statuses.add(guests.classify(pair));
    }
    return new DriftReport(inventory.observedAt(), statuses, Pairing.unmanaged(state, inventory));
  }
}
