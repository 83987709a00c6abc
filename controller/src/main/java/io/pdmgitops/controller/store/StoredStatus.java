package io.pdmgitops.controller.store;

import io.pdmgitops.model.drift.DriftField;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.ResourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A resource's last recorded verdict, as the store keeps it across restarts.
 *
 * @param since when it last changed
 */
public record StoredStatus(
    String resource,
    String sync,
    String health,
    String policy,
    boolean actionable,
    String message,
    Optional<String> remote,
    Optional<String> node,
    Optional<Integer> vmid,
    List<FieldDrift> drifts,
    Instant since) {
  public StoredStatus {
    drifts = List.copyOf(drifts);
  }

  static StoredStatus of(ResourceStatus status, Instant since) {
    return new StoredStatus(
        status.ref().toString(),
        status.sync().name(),
        status.health().name(),
        status.policy().wire(),
        status.actionable(),
        Jdbc.clip(status.message(), 2000),
        status.remote(),
        status.location().map(l -> l.node()),
        status.location().map(l -> l.vmid()),
        status.drifts().stream()
            .map(
                d ->
                    new FieldDrift(
                        DriftField.named(Jdbc.clip(d.path(), 128)),
                        Jdbc.clip(d.desired(), 1000),
                        Jdbc.clip(d.observed(), 1000)))
            .toList(),
        since);
  }

  /** Whether anything but the time differs: a cycle that changes nothing writes nothing. */
  boolean sameVerdict(StoredStatus other) {
    return sync.equals(other.sync)
        && health.equals(other.health)
        && policy.equals(other.policy)
        && actionable == other.actionable
        && message.equals(other.message)
        && remote.equals(other.remote)
        && node.equals(other.node)
        && vmid.equals(other.vmid)
        && drifts.equals(other.drifts);
  }
}
