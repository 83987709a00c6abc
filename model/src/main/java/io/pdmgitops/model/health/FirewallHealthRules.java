package io.pdmgitops.model.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings about a cluster's firewall: the cluster firewall off (then no node or guest rule
 * applies), an input policy that accepts what no rule names, a node with its firewall off, and a
 * production guest with its own firewall off (PVE's default for a guest).
 */
public final class FirewallHealthRules {
  private FirewallHealthRules() {}

  public static List<Finding> findings(String remote, FirewallHealth fw) {
    List<Finding> out = new ArrayList<>();
    if (!fw.clusterEnabled()) {
      out.add(
          new Finding(
              "firewall-cluster-off",
              fw.guests().isEmpty() ? Severity.INFO : Severity.WARNING,
              remote,
              Optional.empty(),
              "the cluster firewall of "
                  + remote
                  + " is off: no node or guest firewall rule applies"
                  + (fw.guests().isEmpty()
                      ? ""
                      : ", though " + fw.guests().size() + " guests are production"),
              "enable it (Datacenter → Firewall → Options, or a FirewallOptions document in Git)"
                  + " after checking the rules let the management ports in"));
      return out;
    }
    if (fw.policyIn().equals("ACCEPT")) {
      out.add(
          new Finding(
              "firewall-policy-accept",
              Severity.WARNING,
              remote,
              Optional.empty(),
              remote + "'s cluster firewall accepts all incoming traffic no rule names",
              "set the input policy to DROP and allow what is needed with rules"));
    }
    for (FirewallHealth.NodeFirewall n : fw.nodes()) {
      if (!n.enabled()) {
        out.add(
            new Finding(
                "firewall-node-off",
                Severity.INFO,
                remote,
                Optional.of(n.node()),
                n.node() + "'s host firewall is off",
                "enable it in the node's Firewall options unless the node is protected otherwise"));
      }
    }
    for (FirewallHealth.GuestFirewall g : fw.guests()) {
      if (!g.enabled()) {
        out.add(
            new Finding(
                "firewall-guest-off",
                Severity.WARNING,
                remote,
                Optional.empty(),
                g.name()
                    + " ("
                    + g.vmid()
                    + ") is production ("
                    + g.production()
                    + ") but its firewall is off: the cluster's rules do not reach it",
                "enable its firewall (the guest's Firewall options, or a FirewallOptions document"
                    + " with vmid "
                    + g.vmid()
                    + ") and check its network devices have firewall=1",
                Optional.of(g.vmid())));
      }
    }
    return out;
  }
}
