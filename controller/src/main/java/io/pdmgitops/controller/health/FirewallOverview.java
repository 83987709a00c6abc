package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.firewall.FirewallField;
import io.pdmgitops.model.firewall.FirewallTarget;
import io.pdmgitops.model.health.FirewallHealth;
import io.pdmgitops.model.health.FirewallHealthRules;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.reconcilers.firewall.FirewallApi;
import io.pdmgitops.reconcilers.firewall.WebFirewallApi;
import io.pdmgitops.reconcilers.pve.FirewallRule;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The firewall overview: the cluster's options and rules, each online node's options, and the
 * options of each guest marked production (only those: a fleet's other guests cost no request).
 */
public final class FirewallOverview {
  /** Production guests read per remote at most. */
  static final int MAX_GUESTS = 500;

  private FirewallOverview() {}

  /**
   * @param production why a guest of a remote counts as production ({@code pool production}, ...),
   *     empty for one that does not
   */
  public static HealthOverview<FirewallHealth> of(
      Supplier<List<Remote>> remotes,
      LastSweep sweep,
      RemoteClients clients,
      BiFunction<String, GuestObservation, Optional<String>> production,
      Duration every,
      Clock clock) {
    return new HealthOverview<>(
        new OverviewReads<>(
            "firewall", every, remotes, r -> read(sweep, clients, production, r), clock),
        "Firewall",
        List.of("node", "what", "firewall", "detail"),
        (remote, fw, now) -> FirewallHealthRules.findings(remote, fw),
        FirewallOverview::rows);
  }

  private static Mono<FirewallHealth> read(
      LastSweep sweep,
      RemoteClients clients,
      BiFunction<String, GuestObservation, Optional<String>> production,
      Remote remote) {
    String name = remote.metadata().name();
    Optional<RemoteObservation> seen = sweep.remote(name);
    if (seen.isEmpty() || !(seen.get() instanceof RemoteObservation.Reachable reachable)) {
      return Mono.error(new IllegalStateException(name + " was not reached by the last poll"));
    }
    PveClient pve;
    FirewallApi api;
    try {
      pve = clients.pve(remote);
      api = new WebFirewallApi(clients.transport(remote));
    } catch (SecretResolver.SecretUnavailableException e) {
      return Mono.error(new IllegalStateException(name + ": " + e.getMessage()));
    }
    Duration t = NodeReads.NODE_TIMEOUT;
    Mono<Map<String, String>> cluster =
        api.read(FirewallTarget.CLUSTER.path("", null)).timeout(t).map(r -> r.options());
    Mono<List<FirewallRule>> rules = pve.firewallRules().timeout(t);
    Mono<List<FirewallHealth.NodeFirewall>> nodes =
        Flux.fromIterable(reachable.nodes())
            .filter(NodeObservation::online)
            .concatMap(
                n ->
                    api.read(FirewallTarget.node(n.name()).path(n.name(), null))
                        .timeout(t)
                        .map(
                            r ->
                                new FirewallHealth.NodeFirewall(
                                    n.name(), enabled(r.options(), FirewallTarget.Level.NODE))))
            .collectList();
    Mono<List<FirewallHealth.GuestFirewall>> guests =
        Flux.fromIterable(reachable.guests())
            .filter(g -> !g.template())
            .flatMap(g -> Mono.justOrEmpty(production.apply(name, g)).map(why -> Map.entry(g, why)))
            .take(MAX_GUESTS)
            .concatMap(
                e ->
                    api.read(
                            FirewallTarget.guest(e.getKey().vmid())
                                .path(e.getKey().node(), e.getKey().type()))
                        .timeout(t)
                        .map(
                            r ->
                                new FirewallHealth.GuestFirewall(
                                    e.getKey().vmid(),
                                    e.getKey().name(),
                                    e.getKey().node(),
                                    enabled(r.options(), FirewallTarget.Level.GUEST),
                                    e.getValue(),
                                    r.options().getOrDefault("policy_in", "DROP"))))
            .collectList();
    return Mono.zip(cluster, rules, nodes, guests)
        .map(
            z ->
                new FirewallHealth(
                    enabled(z.getT1(), FirewallTarget.Level.CLUSTER),
                    z.getT1().getOrDefault("policy_in", "DROP"),
                    z.getT1().getOrDefault("policy_out", "ACCEPT"),
                    z.getT2().size(),
                    (int) z.getT2().stream().filter(r -> r.enable().orElse(true)).count(),
                    z.getT3(),
                    z.getT4()));
  }

  /** The option as set, else PVE's default at that level (a node's firewall is on by default). */
  private static boolean enabled(Map<String, String> options, FirewallTarget.Level level) {
    return "1"
        .equals(
            Optional.ofNullable(options.get(FirewallField.ENABLE.parameter()))
                .or(() -> FirewallField.ENABLE.defaultAt(level))
                .orElse("0"));
  }

  private static List<OverviewRow> rows(String remote, FirewallHealth fw) {
    List<OverviewRow> rows = new ArrayList<>();
    rows.add(
        OverviewRow.ofRemote(
            remote,
            fields(
                "",
                "cluster",
                fw.clusterEnabled() ? "on" : "off",
                "in "
                    + fw.policyIn()
                    + ", out "
                    + fw.policyOut()
                    + ", "
                    + fw.rulesEnabled()
                    + " of "
                    + fw.rules()
                    + " rules enabled")));
    for (FirewallHealth.NodeFirewall n : fw.nodes()) {
      rows.add(
          OverviewRow.ofNode(
              remote, n.node(), fields(n.node(), "node", n.enabled() ? "on" : "off", "")));
    }
    for (FirewallHealth.GuestFirewall g : fw.guests()) {
      rows.add(
          OverviewRow.ofGuest(
              remote,
              g.vmid(),
              fields(
                  g.node(),
                  g.name() + " (" + g.vmid() + ")",
                  g.enabled() ? "on" : "off",
                  g.production() + ", in " + g.policyIn())));
    }
    return rows;
  }

  private static Map<String, String> fields(String node, String what, String state, String detail) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("node", node);
    f.put("what", what);
    f.put("firewall", state);
    f.put("detail", detail);
    return f;
  }
}
