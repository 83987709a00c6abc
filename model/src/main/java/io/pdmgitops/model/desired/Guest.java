package io.pdmgitops.model.desired;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A VM or container on a PVE remote, identified by remote + vmid and checked by name. */
public record Guest(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public Guest {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.GUEST;
  }

  /**
   * The guest's desired state.
   *
   * @param name the name the guest must have on the remote; a mismatch blocks every action
   * @param power desired power; empty means power is not managed
   * @param restartedAt a guest running since before this time is due one reboot
   * @param placement where the guest should run; empty means where it is
   * @param policy drift policy; empty means the controller's global default
   * @param stopMethod how a running guest is stopped; empty means a shutdown
   * @param backupMaxAge how old its newest backup may be ({@code 24h}, {@code 7d}); empty means its
   *     views' or the default
   */
  public record Spec(
      String remote,
      int vmid,
      GuestType type,
      String name,
      Optional<PowerState> power,
      Optional<Instant> restartedAt,
      Optional<Placement> placement,
      Optional<DriftPolicy> policy,
      Optional<StopMethod> stopMethod,
      Optional<String> backupMaxAge) {
    public Spec {
      Objects.requireNonNull(remote, "remote");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      power = power == null ? Optional.empty() : power;
      restartedAt = restartedAt == null ? Optional.empty() : restartedAt;
      placement = placement == null ? Optional.empty() : placement;
      policy = policy == null ? Optional.empty() : policy;
      stopMethod = stopMethod == null ? Optional.empty() : stopMethod;
      backupMaxAge = backupMaxAge == null ? Optional.empty() : backupMaxAge;
    }

    /** A guest without its own backup limit. */
    public Spec(
        String remote,
        int vmid,
        GuestType type,
        String name,
        Optional<PowerState> power,
        Optional<Instant> restartedAt,
        Optional<Placement> placement,
        Optional<DriftPolicy> policy,
        Optional<StopMethod> stopMethod) {
      this(
          remote,
          vmid,
          type,
          name,
          power,
          restartedAt,
          placement,
          policy,
          stopMethod,
          Optional.empty());
    }

    /** A guest stopped by shutdown, as most are declared. */
    public Spec(
        String remote,
        int vmid,
        GuestType type,
        String name,
        Optional<PowerState> power,
        Optional<Instant> restartedAt,
        Optional<Placement> placement,
        Optional<DriftPolicy> policy) {
      this(remote, vmid, type, name, power, restartedAt, placement, policy, Optional.empty());
    }
  }
}
