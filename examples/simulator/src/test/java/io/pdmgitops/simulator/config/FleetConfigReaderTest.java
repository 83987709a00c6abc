package io.pdmgitops.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetConfigReaderTest {
  @Test
  void readsSizesDurationsAndDefaults() {
    FleetConfig fleet =
        FleetConfigReader.parse(
            """
            taskDuration: 150ms
            clusters:
              - name: c1
                legacy: true
                nodes: [{name: n1, memory: 512MiB}]
                guests: [{vmid: 100, disk: 2TiB}]
                faults: {latency: 2s, paths: {/cluster: {hang: true}}}
            """);

    ClusterConfig c1 = fleet.clusters().get(0);
    assertThat(fleet.taskDuration()).isEqualTo(Duration.ofMillis(150));
    assertThat(c1.nodes().get(0).memory()).isEqualTo(512L << 20);
    assertThat(c1.guests().get(0).disk()).isEqualTo(2L << 40);
    assertThat(c1.guests().get(0).node()).isEqualTo("n1");
    assertThat(c1.guests().get(0).status()).isEqualTo("stopped");
    assertThat(c1.legacy()).isTrue();
    assertThat(c1.faults().latency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c1.faults().forPath("/cluster/resources").hang()).isTrue();
    assertThat(c1.faults().forPath("/nodes").hang()).isFalse();
    assertThat(c1.listen()).containsExactly(0);
  }

  @Test
  void generatesClustersForScaleTests() {
    FleetConfig fleet =
        FleetConfigReader.parse(
            "generate: {clusters: 3, nodesPerCluster: 2, guestsPerCluster: 500}");

    assertThat(fleet.clusters()).hasSize(3);
    assertThat(fleet.clusters().get(2).name()).isEqualTo("gen-3");
    assertThat(fleet.clusters().get(0).guests()).hasSize(500);
    assertThat(fleet.clusters().get(0).nodes()).hasSize(2);
  }

  @Test
  void tokensCarryARoleOrExplicitPrivileges() {
    FleetConfig fleet =
        FleetConfigReader.parse(
            """
            clusters:
              - name: c1
                tokens:
                  - {id: a@pve!a, secret: s1}
                  - {id: b@pve!b, secret: s2, role: audit, privileges: [VM.Audit, VM.PowerMgmt]}
            """);

    var tokens = fleet.clusters().get(0).tokens();
    assertThat(tokens.get(0).role()).isEqualTo("admin");
    assertThat(tokens.get(1).privileges()).containsExactly("VM.Audit", "VM.PowerMgmt");
  }

  @Test
  void refusesUnknownFieldsAndRoles() {
    assertThatThrownBy(() -> FleetConfigReader.parse("clusters: [{name: c1, nodez: []}]"))
        .hasMessageContaining("fleet.clusters[0].nodez: unknown field");
    assertThatThrownBy(
            () ->
                FleetConfigReader.parse(
                    "clusters: [{name: c1, tokens: [{id: a@pve!b, secret: s, role: root}]}]"))
        .hasMessageContaining("unknown role root");
  }

  @Test
  void theExampleFleetParses() throws Exception {
    FleetConfig fleet = FleetConfigReader.read(Path.of("../fleet.yaml"));

    assertThat(fleet.clusters())
        .extracting(ClusterConfig::name)
        .containsExactly("dc-east", "dc-west");
    assertThat(fleet.backupServers()).extracting(PbsConfig::name).containsExactly("pbs-main");
    assertThat(fleet.clusters().get(0).nodes()).hasSize(3);
    assertThat(fleet.clusters().get(1).nodes()).hasSize(2);
  }

  @Test
  void readsSubscriptionsAgentsAndProxyFailures() {
    FleetConfig fleet =
        FleetConfigReader.parse(
            """
            clusters:
              - name: c1
                nodes:
                  - {name: n1, subscription: expired}
                  - {name: n2, subscription: {status: active, level: p}}
                  - {name: n3}
                guests: [{vmid: 100, agent: true}]
                faults: {proxyFailure: broken-pipe, paths: {/nodes/n2: {proxyFailure: timeout}}}
            """);

    ClusterConfig c1 = fleet.clusters().get(0);
    assertThat(c1.nodes().get(0).subscription().status()).isEqualTo("expired");
    assertThat(c1.nodes().get(1).subscription().level()).isEqualTo("p");
    assertThat(c1.nodes().get(2).subscription().status()).isEqualTo("notfound");
    assertThat(c1.guests().get(0).agent()).isTrue();
    assertThat(c1.faults().proxyFailure()).isEqualTo(ProxyFailure.BROKEN_PIPE);
    assertThat(c1.faults().forPath("/nodes/n2/qemu").proxyFailure())
        .isEqualTo(ProxyFailure.TIMEOUT);
  }

  @Test
  void refusesUnknownSubscriptionStatesAndProxyFailures() {
    assertThatThrownBy(
            () ->
                FleetConfigReader.parse(
                    "clusters: [{name: c, nodes: [{name: n, subscription: gold}]}]"))
        .hasMessageContaining("subscription status gold");
    assertThatThrownBy(
            () -> FleetConfigReader.parse("clusters: [{name: c, faults: {proxyFailure: slow}}]"))
        .hasMessageContaining("proxyFailure");
  }

  @Test
  void aGeneratedFleetWithProblemsHasEachProblemOnSomeNodesAndNotOnMost() {
    var nodes =
        FleetGenerator.clusters(25, 4, 1, 0, true).stream()
            .flatMap(c -> c.nodes().stream())
            .toList();

    assertThat(nodes).hasSize(100);
    assertThat(
            nodes.stream()
                .filter(n -> !n.apt().runningKernel().equals(n.apt().installedKernels().get(0))))
        .as("waiting for a reboot: every 5th")
        .hasSize(20);
    assertThat(nodes.stream().filter(n -> n.subscription().status().equals("expired"))).hasSize(5);
    assertThat(nodes.stream().filter(n -> n.apt().repositories().contains("no-subscription")))
        .hasSize(14);
    assertThat(nodes.stream().filter(n -> !n.apt().security())).hasSize(9);
    var clusters = FleetGenerator.clusters(25, 4, 20, 0, true);
    assertThat(clusters.stream().filter(c -> !c.sdn().pending().isEmpty())).hasSize(4);
    assertThat(clusters.stream().filter(c -> !c.sdn().errors().isEmpty())).hasSize(2);
    assertThat(clusters.get(0).guests().stream().filter(GuestConfig::ha)).hasSize(2);
    assertThat(FleetGenerator.clusters(2, 2, 1, 0).get(0).nodes().get(0).apt())
        .as("without problems: current")
        .isEqualTo(AptConfig.current());
  }

  @Test
  void refusesAptSettingsPveWouldNotHave() {
    assertThatThrownBy(
            () ->
                FleetConfigReader.parse(
                    "clusters: [{name: c, nodes: [{name: n, apt: {running-kernel: 6.1.0-1-pve}}]}]"))
        .hasMessageContaining("running kernel 6.1.0-1-pve is not among");
    assertThatThrownBy(
            () ->
                FleetConfigReader.parse(
                    "clusters: [{name: c, nodes: [{name: n, apt: {repositories: [main]}}]}]"))
        .hasMessageContaining("repository main");
    assertThatThrownBy(
            () ->
                FleetConfigReader.parse(
                    "pbs: [{name: p, datastores: [{name: s, groups: [{id: '1', snapshots: [yesterday]}]}]}]"))
        .hasMessageContaining("'20h ago'");
  }
}
