package io.pdmgitops.model.drift;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one declared resource.
 *
 * @param actionable whether the controller may act on it at all; false on any doubt about identity
 *     or state ("act only on certainty")
 * @param message one line for people: why it is not Synced and Healthy
 * @param location where a guest was found; empty for remotes and missing guests
 * @param remote the remote the resource lives on, for grouping and links; a guest's where it was
 *     found
 */
public record ResourceStatus(
    ObjectRef ref,
    SyncStatus sync,
    Health health,
    List<FieldDrift> drifts,
    DriftPolicy policy,
    boolean actionable,
    String message,
    Optional<GuestLocation> location,
    Optional<String> remote) {
  public ResourceStatus {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(message, "message");
    drifts = List.copyOf(drifts);
    location = location == null ? Optional.empty() : location;
    remote = remote == null || remote.isEmpty() ? location.map(GuestLocation::remote) : remote;
  }

  /** A verdict whose remote is where the guest was found, if it was. */
  public ResourceStatus(
      ObjectRef ref,
      SyncStatus sync,
      Health health,
      List<FieldDrift> drifts,
      DriftPolicy policy,
      boolean actionable,
      String message,
      Optional<GuestLocation> location) {
    this(ref, sync, health, drifts, policy, actionable, message, location, Optional.empty());
  }

  public boolean drifted(DriftField field) {
    return drifts.stream().anyMatch(d -> d.field().equals(field));
  }

  /** The drift of this field, if it drifts. */
  public Optional<FieldDrift> drift(DriftField field) {
    return drifts.stream().filter(d -> d.field().equals(field)).findFirst();
  }
}
