package io.pdmgitops.model.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings about a PVE cluster's quorum, nodes and HA, as an admin reads {@code pvecm status} and
 * {@code ha-manager status}: a cluster without quorum (its configuration is read-only and HA
 * fences), a node the cluster sees offline, an HA master whose status stopped updating, and HA
 * resources the manager gave up on ({@code error}) or is fencing or recovering.
 */
public final class ClusterRules {
  private ClusterRules() {}

  public static List<Finding> findings(String remote, ClusterHealth cluster) {
    List<Finding> out = new ArrayList<>();
    if (cluster.quorate().isPresent() && !cluster.quorate().get()) {
      out.add(
          new Finding(
              "cluster-no-quorum",
              Severity.CRITICAL,
              remote,
              Optional.empty(),
              remote
                  + " has no quorum: "
                  + cluster.online()
                  + " of "
                  + cluster.nodes().size()
                  + " nodes online; /etc/pve is read-only and HA nodes fence themselves",
              "bring the offline nodes back or repair the corosync links (pvecm status on a node"
                  + " shows which); set expected votes only when you know the other nodes are"
                  + " off"));
    }
    for (ClusterHealth.Member node : cluster.nodes()) {
      if (!node.online()) {
        out.add(
            new Finding(
                "node-offline",
                Severity.WARNING,
                remote,
                Optional.of(node.name()),
                node.name() + " is offline in " + remote + "'s cluster",
                "check the node's power, network and corosync service; its guests are not"
                    + " running there"));
      }
    }
    cluster
        .haMaster()
        .filter(status -> status.contains("dead"))
        .ifPresent(
            status ->
                out.add(
                    new Finding(
                        "ha-master-dead",
                        Severity.CRITICAL,
                        remote,
                        Optional.empty(),
                        "the HA master's status stopped updating: " + status,
                        "check pve-ha-crm on the nodes (systemctl status pve-ha-crm) and the"
                            + " cluster's quorum; without a master no HA resource is recovered")));
    for (ClusterHealth.HaResource r : cluster.haResources()) {
      resource(remote, r).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<Finding> resource(String remote, ClusterHealth.HaResource r) {
    Optional<String> on = Optional.of(r.node());
    return switch (r.state()) {
      case "error" ->
          Optional.of(
              new Finding(
                  "ha-resource-error",
                  Severity.CRITICAL,
                  remote,
                  on,
                  r.sid()
                      + " is in HA state error on "
                      + r.node()
                      + ": the manager stopped trying to start or move it",
                  "read the guest's last task log and fix the cause, then set the resource to"
                      + " disabled and back to started (ha-manager set "
                      + r.sid()
                      + " --state disabled)"));
      case "fence", "recovery" ->
          Optional.of(
              new Finding(
                  "ha-resource-" + r.state(),
                  Severity.WARNING,
                  remote,
                  on,
                  r.sid()
                      + " is in HA state "
                      + r.state()
                      + ": its node "
                      + r.node()
                      + " failed and the manager is "
                      + (r.state().equals("fence") ? "fencing it" : "recovering it elsewhere"),
                  "wait for the recovery to finish; if it does not, check the failed node and"
                      + " the HA group's nodes"));
      default -> Optional.empty();
    };
  }
}
