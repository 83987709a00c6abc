package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.health.SdnHealth;
import io.pdmgitops.model.health.SdnRules;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The SDN overview: zones and vnets with their pending edits ({@code GET /cluster/sdn/zones} and
 * {@code vnets} with {@code pending=1}) and each zone's state per node ({@code GET
 * /cluster/resources?type=sdn}): three requests per remote per read.
 */
public final class SdnOverview {
  private SdnOverview() {}

  public static HealthOverview<SdnHealth> of(
      Supplier<List<Remote>> remotes, RemoteClients clients, Duration every, Clock clock) {
    return new HealthOverview<>(
        new OverviewReads<>(
            "sdn",
            every,
            remotes,
            remote ->
                NodeReads.client(clients, remote)
                    .flatMap(
                        pve ->
                            Mono.zip(
                                pve.sdnZones().timeout(NodeReads.NODE_TIMEOUT),
                                pve.sdnVnets().timeout(NodeReads.NODE_TIMEOUT),
                                pve.sdnStatus().timeout(NodeReads.NODE_TIMEOUT)))
                    .map(
                        t ->
                            new SdnHealth(
                                t.getT1().stream()
                                    .map(
                                        z ->
                                            new SdnHealth.Item(
                                                z.zone(), z.type(), z.state(), text(z.pending())))
                                    .toList(),
                                t.getT2().stream()
                                    .map(
                                        v ->
                                            new SdnHealth.Item(
                                                v.vnet(),
                                                v.zone().orElse(""),
                                                v.state(),
                                                text(v.pending())))
                                    .toList(),
                                t.getT3().stream()
                                    .map(s -> new SdnHealth.NodeZone(s.node(), s.sdn(), s.status()))
                                    .toList())),
            clock),
        "SDN",
        List.of("node", "what", "name", "state"),
        (remote, sdn, now) -> SdnRules.findings(remote, sdn),
        SdnOverview::rows);
  }

  private static Map<String, String> text(Optional<Map<String, Object>> pending) {
    Map<String, String> out = new TreeMap<>();
    pending.ifPresent(p -> p.forEach((k, v) -> out.put(k, String.valueOf(v))));
    return out;
  }

  private static List<OverviewRow> rows(String remote, SdnHealth sdn) {
    List<OverviewRow> rows = new ArrayList<>();
    for (SdnHealth.Item z : sdn.zones()) {
      rows.add(OverviewRow.ofRemote(remote, fields("", "zone " + z.detail(), z.name(), shown(z))));
    }
    for (SdnHealth.Item v : sdn.vnets()) {
      rows.add(
          OverviewRow.ofRemote(remote, fields("", "vnet in " + v.detail(), v.name(), shown(v))));
    }
    for (SdnHealth.NodeZone n : sdn.nodes()) {
      rows.add(
          OverviewRow.ofNode(
              remote, n.node(), fields(n.node(), "zone on node", n.zone(), n.status())));
    }
    return rows;
  }

  private static String shown(SdnHealth.Item item) {
    return item.state().isEmpty()
        ? "applied"
        : item.shown("").replaceFirst("^ " + item.name() + " ", "");
  }

  private static Map<String, String> fields(String node, String what, String name, String state) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("node", node);
    f.put("what", what);
    f.put("name", name);
    f.put("state", state);
    return f;
  }
}
