package io.pdmgitops.reconcilers.remote;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.ResourceUsage;
import io.pdmgitops.model.observed.StorageObservation;
import io.pdmgitops.reconcilers.pve.ClusterResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns one {@code /cluster/resources} answer into nodes and guests of the inventory. */
final class ObservationMapper {
  private ObservationMapper() {}

  static List<NodeObservation> nodes(List<ClusterResource> resources) {
    return resources.stream()
        .filter(r -> r.type().equals("node"))
        .map(
            r ->
                new NodeObservation(
                    r.node().orElse(r.id()), r.status().orElse("").equals("online"), usage(r)))
        .toList();
  }

  static List<StorageObservation> storages(List<ClusterResource> resources) {
    List<StorageObservation> out = new ArrayList<>();
    for (ClusterResource r : resources) {
      if (!r.type().equals("storage") || r.storage().isEmpty()) {
        continue;
      }
      out.add(
          new StorageObservation(
              r.node().orElse(""),
              r.storage().get(),
              r.plugintype().orElse(""),
              r.shared().orElse(false),
              r.status().orElse("unknown"),
              r.disk().orElse(0L),
              r.maxdisk().orElse(0L),
              r.content().map(c -> List.of(COMMA.split(c))).orElse(List.of())));
    }
    return out;
  }

  private static ResourceUsage usage(ClusterResource r) {
    return new ResourceUsage(
        r.cpu().orElse(0.0),
        r.maxcpu().orElse(0.0),
        r.mem().orElse(0L),
        r.maxmem().orElse(0L),
        r.disk().orElse(0L),
        r.maxdisk().orElse(0L));
  }

  private static final java.util.regex.Pattern COMMA = java.util.regex.Pattern.compile(",");

  static List<GuestObservation> guests(List<ClusterResource> resources) {
    Set<String> offline =
        Set.copyOf(
            nodes(resources).stream().filter(n -> !n.online()).map(NodeObservation::name).toList());
    List<GuestObservation> out = new ArrayList<>();
    for (ClusterResource r : resources) {
      if (!r.isGuest() || r.vmid().isEmpty()) {
        continue;
      }
      String node = r.node().orElse("");
      out.add(
          new GuestObservation(
              r.vmid().get(),
              r.type().equals("lxc") ? GuestType.LXC : GuestType.QEMU,
              r.name().orElse((r.type().equals("lxc") ? "CT " : "VM ") + r.vmid().get()),
              node,
              offline.contains(node) ? ObservedPower.UNKNOWN : power(r.status().orElse("unknown")),
              r.template().orElse(false),
              r.lock(),
              Duration.ofSeconds(r.uptime().orElse(0L)),
              r.tagList(),
              r.pool(),
              usage(r)));
    }
    return out;
  }

  /** /cluster/resources cannot tell paused from running: that needs a per-guest call. */
  private static ObservedPower power(String status) {
    return switch (status) {
      case "running" -> ObservedPower.RUNNING;
      case "stopped" -> ObservedPower.STOPPED;
      default -> ObservedPower.UNKNOWN;
    };
  }
}
