package io.pdmgitops.model.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quorum, nodes and HA of a cluster, as pve-ha-manager reports them. */
class ClusterRulesTest {
  static final List<ClusterHealth.Member> THREE_UP =
      List.of(
          new ClusterHealth.Member("pve1", true),
          new ClusterHealth.Member("pve2", true),
          new ClusterHealth.Member("pve3", true));

  @Test
  void aHealthyClusterHasNoFinding() {
    ClusterHealth healthy =
        new ClusterHealth(
            Optional.of(true),
            THREE_UP,
            Optional.of("pve1 (active, Thu Dec  3 10:00:00 2026)"),
            List.of(
                new ClusterHealth.HaResource("vm:100", "pve1", "started", Optional.of("started"))));

    assertThat(ClusterRules.findings("east", healthy)).isEmpty();
    assertThat(
            ClusterRules.findings(
                "east",
                new ClusterHealth(
                    Optional.empty(), THREE_UP.subList(0, 1), Optional.empty(), List.of())))
        .as("a single node is no cluster and has no quorum to lose")
        .isEmpty();
  }

  @Test
  void aClusterWithoutQuorumIsCriticalAndEachOfflineNodeAWarning() {
    ClusterHealth lost =
        new ClusterHealth(
            Optional.of(false),
            List.of(
                new ClusterHealth.Member("pve1", true),
                new ClusterHealth.Member("pve2", false),
                new ClusterHealth.Member("pve3", false)),
            Optional.empty(),
            List.of());

    List<Finding> found = ClusterRules.findings("east", lost);

    assertThat(found)
        .extracting(Finding::rule)
        .containsExactly("cluster-no-quorum", "node-offline", "node-offline");
    assertThat(found.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(found.get(0).why()).startsWith("east has no quorum: 1 of 3 nodes online");
    assertThat(found.subList(1, 3))
        .extracting(f -> f.node().orElseThrow())
        .containsExactly("pve2", "pve3");
  }

  @Test
  void anHaMasterWhoseStatusStoppedUpdatingIsCritical() {
    ClusterHealth dead =
        new ClusterHealth(
            Optional.of(true),
            THREE_UP,
            Optional.of("pve2 (old timestamp - dead?, Thu Dec  3 09:00:00 2026)"),
            List.of());

    assertThat(ClusterRules.findings("east", dead))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("ha-master-dead");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            });
  }

  @ParameterizedTest(name = "HA state {0}: {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "started, -, -",
        "stopped, -, -",
        "migrate, -, -",
        "freeze, -, -",
        "error, ha-resource-error, CRITICAL",
        "fence, ha-resource-fence, WARNING",
        "recovery, ha-resource-recovery, WARNING",
      })
  void eachHaStateOfAResource(String state, String rule, Severity severity) {
    ClusterHealth c =
        new ClusterHealth(
            Optional.of(true),
            THREE_UP,
            Optional.of("pve1 (active, Thu Dec  3 10:00:00 2026)"),
            List.of(new ClusterHealth.HaResource("vm:102", "pve2", state, Optional.of("started"))));

    List<Finding> found = ClusterRules.findings("east", c);

    if (rule == null) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.rule()).isEqualTo(rule);
                assertThat(f.severity()).isEqualTo(severity);
                assertThat(f.node()).contains("pve2");
                assertThat(f.why()).startsWith("vm:102 is in HA state " + state);
              });
    }
    assertThat(c.haResources().get(0).vmid()).contains(102);
  }
}
