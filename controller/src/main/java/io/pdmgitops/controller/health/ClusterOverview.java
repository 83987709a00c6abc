package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.health.ClusterHealth;
import io.pdmgitops.model.health.ClusterRules;
import io.pdmgitops.reconcilers.pve.ClusterMember;
import io.pdmgitops.reconcilers.pve.HaStatusEntry;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cluster overview: quorum and nodes ({@code GET /cluster/status}) and the HA manager with its
 * resources ({@code GET /cluster/ha/status/current}), two requests per remote per read.
 */
public final class ClusterOverview {
  private ClusterOverview() {}

  public static HealthOverview<ClusterHealth> of(
      Supplier<List<Remote>> remotes, RemoteClients clients, Duration every, Clock clock) {
    return new HealthOverview<>(
        new OverviewReads<>(
            "cluster",
            every,
            remotes,
            remote ->
                NodeReads.client(clients, remote)
                    .flatMap(
                        pve ->
                            pve.clusterStatus()
                                .timeout(NodeReads.NODE_TIMEOUT)
                                .zipWith(pve.haStatus().timeout(NodeReads.NODE_TIMEOUT)))
                    .map(t -> health(t.getT1(), t.getT2())),
            clock),
        "Cluster and HA",
        List.of("node", "what", "state"),
        (remote, cluster, now) -> ClusterRules.findings(remote, cluster),
        ClusterOverview::rows);
  }

  static ClusterHealth health(List<ClusterMember> members, List<HaStatusEntry> ha) {
    Optional<Boolean> quorate =
        members.stream()
            .filter(m -> "cluster".equals(m.type()))
            .findFirst()
            .map(m -> m.quorate().orElse(false));
    List<ClusterHealth.Member> nodes =
        members.stream()
            .filter(ClusterMember::isNode)
            .map(m -> new ClusterHealth.Member(m.name(), m.online().orElse(false)))
            .toList();
    Optional<String> master =
        ha.stream()
            .filter(e -> "master".equals(e.type()))
            .findFirst()
            .flatMap(HaStatusEntry::status);
    List<ClusterHealth.HaResource> resources =
        ha.stream()
            .filter(e -> "service".equals(e.type()) && e.sid().isPresent())
            .map(
                e ->
                    new ClusterHealth.HaResource(
                        e.sid().get(),
                        e.node().orElse(""),
                        e.state().orElse("unknown"),
                        e.requestState()))
            .toList();
    return new ClusterHealth(quorate, nodes, master, resources);
  }

  private static List<OverviewRow> rows(String remote, ClusterHealth cluster) {
    List<OverviewRow> rows = new ArrayList<>();
    rows.add(
        OverviewRow.ofRemote(
            remote,
            fields(
                "",
                "cluster",
                cluster.quorate().map(q -> q ? "quorate" : "NO QUORUM").orElse("single node")
                    + ", "
                    + cluster.online()
                    + "/"
                    + cluster.nodes().size()
                    + " nodes online")));
    cluster
        .haMaster()
        .ifPresent(m -> rows.add(OverviewRow.ofRemote(remote, fields("", "HA master", m))));
    for (ClusterHealth.Member n : cluster.nodes()) {
      rows.add(
          OverviewRow.ofNode(
              remote, n.name(), fields(n.name(), "node", n.online() ? "online" : "offline")));
    }
    for (ClusterHealth.HaResource r : cluster.haResources()) {
      Map<String, String> f =
          fields(
              r.node(),
              "HA " + r.sid(),
              r.state() + r.requested().map(q -> " (requested " + q + ")").orElse(""));
      rows.add(
          r.vmid()
              .map(vmid -> OverviewRow.ofGuest(remote, vmid, f))
              .orElseGet(() -> OverviewRow.ofNode(remote, r.node(), f)));
    }
    return rows;
  }

  private static Map<String, String> fields(String node, String what, String state) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("node", node);
    f.put("what", what);
    f.put("state", state);
    return f;
  }
}
