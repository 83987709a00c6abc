package io.pdmgitops.model.drift;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import java.util.List;
import java.util.Optional;

/** Step two for remotes: reachable, pinned certificate accepted, token valid, nodes online. */
final class RemoteClassifier {
  private RemoteClassifier() {}

  static ResourceStatus classify(Remote remote, Optional<RemoteObservation> observation) {
    ObjectRef ref = ObjectRef.of(remote);
    if (observation.isEmpty()) {
      return status(ref, SyncStatus.UNKNOWN, Health.UNKNOWN, "not observed yet");
    }
    if (observation.get() instanceof RemoteObservation.Unreachable unreachable) {
      String why =
          switch (unreachable.reason()) {
            case CERTIFICATE -> "certificate does not match its pin: ";
            case AUTHENTICATION -> "token refused: ";
            case SECRET -> "token secret unavailable: ";
            case CONNECTION -> "unreachable: ";
            case ERROR -> "error: ";
          };
      return status(ref, SyncStatus.UNKNOWN, Health.DEGRADED, why + unreachable.message());
    }
    RemoteObservation.Reachable reachable = (RemoteObservation.Reachable) observation.get();
    List<String> offline =
        reachable.nodes().stream().filter(n -> !n.online()).map(NodeObservation::name).toList();
    if (!offline.isEmpty()) {
      return status(
          ref, SyncStatus.SYNCED, Health.DEGRADED, "nodes offline: " + String.join(", ", offline));
    }
    return status(ref, SyncStatus.SYNCED, Health.HEALTHY, "version " + reachable.version());
  }

  private static ResourceStatus status(
      ObjectRef ref, SyncStatus sync, Health health, String message) {
    return new ResourceStatus(
        ref,
        sync,
        health,
        List.of(),
        DriftPolicy.REPORT,
        false,
        message,
        Optional.empty(),
        Optional.of(ref.identity()));
  }
}
