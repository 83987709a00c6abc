package io.pdmgitops.model.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A cluster's firewall switches and policies; its SDN's pending edits and node states. */
class FirewallAndSdnRulesTest {
  static FirewallHealth fw(boolean cluster, String policyIn, boolean node, Boolean guest) {
    return new FirewallHealth(
        cluster,
        policyIn,
        "ACCEPT",
        3,
        2,
        List.of(new FirewallHealth.NodeFirewall("pve1", node)),
        guest == null
            ? List.of()
            : List.of(
                new FirewallHealth.GuestFirewall(100, "web", "pve1", guest, "pool production")));
  }

  @ParameterizedTest(name = "cluster {0}, in {1}, node {2}, production guest {3}: {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "true, DROP, true, true, -",
        "true, DROP, true, -, -",
        "false, DROP, true, -, firewall-cluster-off INFO",
        "false, DROP, true, false, firewall-cluster-off WARNING",
        "true, ACCEPT, true, true, firewall-policy-accept WARNING",
        "true, DROP, false, true, firewall-node-off INFO",
        "true, DROP, true, false, firewall-guest-off WARNING",
      })
  void eachSwitchAndPolicy(
      boolean cluster, String policy, boolean node, Boolean guest, String expected) {
    List<Finding> found = FirewallHealthRules.findings("east", fw(cluster, policy, node, guest));

    if (expected == null) {
      assertThat(found).isEmpty();
      return;
    }
    String[] e = expected.split(" ");
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(e[0]);
              assertThat(f.severity()).isEqualTo(Severity.valueOf(e[1]));
            });
  }

  @Test
  void aProductionGuestWithItsFirewallOffIsAFindingOnTheGuest() {
    Finding f = FirewallHealthRules.findings("east", fw(true, "DROP", true, false)).get(0);

    assertThat(f.guest()).contains(100);
    assertThat(f.path().toString()).isEqualTo("/remotes/east/guests/100");
    assertThat(f.why())
        .isEqualTo(
            "web (100) is production (pool production) but its firewall is off: the cluster's rules"
                + " do not reach it");
  }

  @Test
  void pendingSdnEditsAreOneFindingNamingEachChangeAndNodeStatesOneEach() {
    SdnHealth sdn =
        new SdnHealth(
            List.of(
                new SdnHealth.Item("localnet", "simple", Optional.empty(), Map.of()),
                new SdnHealth.Item(
                    "tenants", "vxlan", Optional.of("changed"), Map.of("mtu", "1400"))),
            List.of(
                new SdnHealth.Item("vnet300", "tenants", Optional.of("new"), Map.of("tag", "300"))),
            List.of(
                new SdnHealth.NodeZone("pve1", "tenants", "available"),
                new SdnHealth.NodeZone("pve2", "tenants", "error"),
                new SdnHealth.NodeZone("pve3", "tenants", "pending")));

    List<Finding> found = SdnRules.findings("east", sdn);

    assertThat(found)
        .extracting(Finding::rule)
        .containsExactly("sdn-pending", "sdn-zone-error", "sdn-node-pending");
    assertThat(found.get(0).why())
        .isEqualTo(
            "SDN changes on east are not applied: zone tenants changed (mtu → 1400); vnet vnet300"
                + " new (tag → 300)");
    assertThat(found.get(1).node()).contains("pve2");
    assertThat(found.get(2).severity()).isEqualTo(Severity.INFO);
    assertThat(SdnRules.findings("east", new SdnHealth(List.of(), List.of(), List.of()))).isEmpty();
  }
}
