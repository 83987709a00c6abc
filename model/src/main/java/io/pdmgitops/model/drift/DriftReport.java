package io.pdmgitops.model.drift;

import io.pdmgitops.model.ObjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The verdict on every declared resource, plus the unmanaged guests, at one time. */
public record DriftReport(
    Instant at, List<ResourceStatus> resources, List<UnmanagedGuest> unmanaged) {
  public DriftReport {
    resources = List.copyOf(resources);
    unmanaged = List.copyOf(unmanaged);
  }

  public Optional<ResourceStatus> status(ObjectRef ref) {
    return resources.stream().filter(r -> r.ref().equals(ref)).findFirst();
  }

  public long count(SyncStatus sync) {
    return resources.stream().filter(r -> r.sync() == sync).count();
  }

  public long count(Health health) {
    return resources.stream().filter(r -> r.health() == health).count();
  }
}
