package io.pdmgitops.model.drift;

import io.pdmgitops.model.ObjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on every declared resource, plus what the remotes hold that nothing declares, at one
 * time.
 *
 * @param unmanaged guests no document declares
 * @param unmanagedObjects objects of other kinds no document declares (backup jobs...)
 */
public record DriftReport(
    Instant at,
    List<ResourceStatus> resources,
    List<UnmanagedGuest> unmanaged,
    List<UnmanagedObject> unmanagedObjects) {
  public DriftReport {
    resources = List.copyOf(resources);
    unmanaged = List.copyOf(unmanaged);
    unmanagedObjects = List.copyOf(unmanagedObjects);
  }

  public DriftReport(Instant at, List<ResourceStatus> resources, List<UnmanagedGuest> unmanaged) {
    this(at, resources, unmanaged, List.of());
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
