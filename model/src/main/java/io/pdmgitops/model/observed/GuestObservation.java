package io.pdmgitops.model.observed;

import io.pdmgitops.model.desired.GuestType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One guest as a remote reports it in {@code /cluster/resources}.
 *
 * @param uptime time since the guest last started; zero when stopped
 * @param usage CPU, memory and disk, for dashboards; {@link ResourceUsage#NONE} when not reported
 * @param haState the HA manager's state ({@code hastate}: started, stopped, error, ...) of a guest
 *     an HA resource manages; empty for one it does not
 */
public record GuestObservation(
    int vmid,
    GuestType type,
    String name,
    String node,
    ObservedPower power,
    boolean template,
    Optional<String> lock,
    Duration uptime,
    List<String> tags,
    Optional<String> pool,
    ResourceUsage usage,
    Optional<String> haState) {
  public GuestObservation {
    haState = haState == null ? Optional.empty() : haState;
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(power, "power");
    lock = lock == null ? Optional.empty() : lock;
    uptime = uptime == null ? Duration.ZERO : uptime;
    tags = tags == null ? List.of() : List.copyOf(tags);
    pool = pool == null ? Optional.empty() : pool;
    usage = usage == null ? ResourceUsage.NONE : usage;
  }

  /** A guest no HA resource manages. */
  public GuestObservation(
      int vmid,
      GuestType type,
      String name,
      String node,
      ObservedPower power,
      boolean template,
      Optional<String> lock,
      Duration uptime,
      List<String> tags,
      Optional<String> pool,
      ResourceUsage usage) {
    this(
        vmid, type, name, node, power, template, lock, uptime, tags, pool, usage, Optional.empty());
  }

  /** Without usage figures, as drift detection needs none. */
  public GuestObservation(
      int vmid,
      GuestType type,
      String name,
      String node,
      ObservedPower power,
      boolean template,
      Optional<String> lock,
      Duration uptime,
      List<String> tags,
      Optional<String> pool) {
    this(vmid, type, name, node, power, template, lock, uptime, tags, pool, ResourceUsage.NONE);
  }

  /** The same guest with its power told more precisely, e.g. paused where a list said running. */
  public GuestObservation withPower(ObservedPower newPower) {
    return new GuestObservation(
        vmid, type, name, node, newPower, template, lock, uptime, tags, pool, usage, haState);
  }
}
