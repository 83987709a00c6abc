package io.pdmgitops.model.health;

import java.util.List;
import java.util.Objects;

/**
 * A PVE cluster's firewall as the overview reads it: the cluster's options and rules, each online
 * node's switch, and the switch of each guest marked production.
 *
 * @param policyIn the cluster's input policy in effect (PVE's default DROP when unset)
 * @param rules the cluster's rules; {@code rulesEnabled} of them enabled
 */
public record FirewallHealth(
    boolean clusterEnabled,
    String policyIn,
    String policyOut,
    int rules,
    int rulesEnabled,
    List<NodeFirewall> nodes,
    List<GuestFirewall> guests) {
  public FirewallHealth {
    Objects.requireNonNull(policyIn, "policyIn");
    Objects.requireNonNull(policyOut, "policyOut");
    nodes = List.copyOf(nodes);
    guests = List.copyOf(guests);
  }

  public record NodeFirewall(String node, boolean enabled) {}

  /**
   * @param production why it counts as production: {@code pool production}, {@code tag production}
   *     or {@code view production}
   * @param policyIn the guest's input policy in effect (PVE's default DROP when unset)
   */
  public record GuestFirewall(
      int vmid, String name, String node, boolean enabled, String production, String policyIn) {
    public GuestFirewall(int vmid, String name, String node, boolean enabled, String production) {
      this(vmid, name, node, enabled, production, "DROP");
    }
  }
}
