package io.pdmgitops.model.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A PVE cluster's SDN: zones and vnets with what is edited but not applied ({@code pending=1}), and
 * each zone's state on each node ({@code /cluster/resources?type=sdn}).
 */
public record SdnHealth(List<Item> zones, List<Item> vnets, List<NodeZone> nodes) {
  public SdnHealth {
    zones = List.copyOf(zones);
    vnets = List.copyOf(vnets);
    nodes = List.copyOf(nodes);
  }

  /**
   * A zone or vnet.
   *
   * @param detail its type (zones) or its zone (vnets)
   * @param state new, changed or deleted since the last apply; empty when applied
   * @param pending the new values of what changed, key to value ({@code deleted} for a removal)
   */
  public record Item(
      String name, String detail, Optional<String> state, Map<String, String> pending) {
    public Item {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
      state = state == null ? Optional.empty() : state;
      pending = Map.copyOf(pending);
    }

    /** {@code zone tenants changed (mtu → 1400)}. */
    public String shown(String noun) {
      return noun
          + " "
          + name
          + " "
          + state.orElse("applied")
          + (pending.isEmpty()
              ? ""
              : " ("
                  + String.join(
                      ", ",
                      new java.util.TreeMap<>(pending)
                          .entrySet().stream().map(e -> e.getKey() + " → " + e.getValue()).toList())
                  + ")");
    }
  }

  /**
   * @param status available, pending, error, unknown
   */
  public record NodeZone(String node, String zone, String status) {}
}
