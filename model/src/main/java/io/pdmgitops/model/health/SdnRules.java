package io.pdmgitops.model.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Findings about a cluster's SDN: edits not applied yet (the running network differs from the
 * configuration an admin sees), a zone a node failed to apply, and a node that has not reloaded its
 * network since the last apply.
 */
public final class SdnRules {
  private SdnRules() {}

  public static List<Finding> findings(String remote, SdnHealth sdn) {
    List<Finding> out = new ArrayList<>();
    List<String> pending =
        Stream.concat(
                sdn.zones().stream().filter(z -> z.state().isPresent()).map(z -> z.shown("zone")),
                sdn.vnets().stream().filter(v -> v.state().isPresent()).map(v -> v.shown("vnet")))
            .toList();
    if (!pending.isEmpty()) {
      out.add(
          new Finding(
              "sdn-pending",
              Severity.WARNING,
              remote,
              Optional.empty(),
              "SDN changes on " + remote + " are not applied: " + String.join("; ", pending),
              "apply them (Datacenter → SDN → Apply) when the change is meant, or undo the edit"));
    }
    for (SdnHealth.NodeZone n : sdn.nodes()) {
      if (n.status().equals("error")) {
        out.add(
            new Finding(
                "sdn-zone-error",
                Severity.WARNING,
                remote,
                Optional.of(n.node()),
                "SDN zone " + n.zone() + " failed to apply on " + n.node(),
                "read the zone's status on the node and /etc/network/interfaces.d/sdn; apply"
                    + " again after fixing the cause"));
      } else if (n.status().equals("pending")) {
        out.add(
            new Finding(
                "sdn-node-pending",
                Severity.INFO,
                remote,
                Optional.of(n.node()),
                n.node()
                    + " runs an older network configuration than the applied SDN zone "
                    + n.zone(),
                "apply SDN again, or run ifreload -a on the node"));
      }
    }
    return out;
  }
}
