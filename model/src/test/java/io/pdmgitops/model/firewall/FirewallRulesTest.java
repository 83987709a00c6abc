package io.pdmgitops.model.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.observed.UnreadPart;
import io.pdmgitops.model.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared options against what is in effect: in sync, set with one PUT, or not judged. */
class FirewallRulesTest {
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  static final Rulebook RULES = Rulebook.of(List.of(new FirewallRules()));
  static final FirewallTarget NODE = FirewallTarget.node("pve1");
  static final String CLUSTER_PATH = "/cluster/firewall/options";

  @TempDir Path repo;

  DesiredState state(String spec) throws Exception {
    Files.writeString(
        repo.resolve("remotes.yaml"),
        """
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata: {name: east}
        spec:
          type: pve
          endpoints: [{url: "https://pve1.example:8006"}]
          token: {id: "ctl@pve!ctl", secret: {env: EAST}}
        """);
    Files.writeString(
        repo.resolve("firewall.yaml"),
        "apiVersion: pdm-gitops/v1\nkind: FirewallOptions\nmetadata: {name: fw}\nspec:\n"
            + "  remote: east\n"
            + spec.indent(2));
    var loaded = new DesiredStateLoader().load(repo);
    assertThat(loaded.problems()).as("test repository").noneMatch(p -> p.isError());
    return loaded.state().orElseThrow();
  }

  static Inventory observed(Map<FirewallTarget, ObservedFirewallOptions.Read> read) {
    return sweep().withParts("east", List.<ObservedPart>of(new ObservedFirewallOptions(read)));
  }

  static Inventory sweep() {
    return Inventory.of(
        NOW,
        List.of(
            new RemoteObservation.Reachable(
                "east",
                "8.2.4",
                List.of(
                    new NodeObservation("pve1", true, null),
                    new NodeObservation("pve2", false, null)),
                List.of())));
  }

  static ObservedFirewallOptions.Read read(String path, Map<String, String> options) {
    return new ObservedFirewallOptions.Read(path, options, "d1g35t");
  }

  ResourceStatus status(DesiredState state, Inventory inventory) {
    return RULES.detect(state, inventory, DriftPolicy.ENFORCE).resources().get(0);
  }

  Plan plan(DesiredState state, Inventory inventory) {
    DriftReport report = RULES.detect(state, inventory, DriftPolicy.ENFORCE);
    return RULES.review(report, state, inventory, PlanScope.PART);
  }

  @Test
  void whatPveUsesWhenNothingIsSetCountsAsInEffect() throws Exception {
    DesiredState state = state("policyIn: DROP\npolicyOut: ACCEPT\nenable: false");

    ResourceStatus status =
        status(state, observed(Map.of(FirewallTarget.CLUSTER, read(CLUSTER_PATH, Map.of()))));

    assertThat(status.sync()).isEqualTo(SyncStatus.SYNCED);
    assertThat(status.drifts()).isEmpty();
    assertThat(
            plan(state, observed(Map.of(FirewallTarget.CLUSTER, read(CLUSTER_PATH, Map.of()))))
                .actions())
        .isEmpty();
  }

  @Test
  void driftingOptionsAreSetWithOnePutOfJustThemAndTheDigestTheyWereJudgedFrom() throws Exception {
    DesiredState state = state("enable: true\npolicyIn: REJECT\npolicyOut: ACCEPT");
    Inventory inventory =
        observed(
            Map.of(
                FirewallTarget.CLUSTER,
                read(
                    CLUSTER_PATH,
                    Map.of("enable", "0", "policy_in", "drop", "policy_out", "ACCEPT"))));

    ResourceStatus status = status(state, inventory);
    Plan plan = plan(state, inventory);

    assertThat(status.sync()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    assertThat(status.drifts())
        .extracting(d -> d.path() + ": " + d.desired() + " / " + d.observed())
        .containsExactly("enable: 1 / 0", "policyIn: REJECT / DROP");
    assertThat(status.message())
        .isEqualTo("the cluster: enable: want 1, is 0; policyIn: want REJECT, is DROP");
    assertThat(plan.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.type()).isEqualTo(FirewallAction.UPDATE);
              assertThat(a.remote()).isEqualTo("east");
              FirewallChange change = (FirewallChange) a.params();
              assertThat(change.path()).isEqualTo(CLUSTER_PATH);
              assertThat(change.set())
                  .containsOnly(Map.entry("enable", "1"), Map.entry("policy_in", "REJECT"));
              assertThat(change.digest()).isEqualTo("d1g35t");
            });
  }

  @Test
  void aSetEnableOtherThanZeroIsOnAsPveReadsIt() throws Exception {
    DesiredState state = state("node: pve1\nenable: true\nlogLevelIn: info");

    ResourceStatus status =
        status(
            state,
            observed(
                Map.of(
                    NODE,
                    read(
                        "/nodes/pve1/firewall/options",
                        Map.of("enable", "2", "log_level_in", "info")))));

    assertThat(status.sync()).isEqualTo(SyncStatus.SYNCED);
  }

  @Test
  void reportedDriftIsShownAndNotActedOn() throws Exception {
    DesiredState state = state("node: pve1\nenable: false\npolicy: report");
    Inventory inventory = observed(Map.of(NODE, read("/nodes/pve1/firewall/options", Map.of())));

    assertThat(status(state, inventory).drifts())
        .extracting(d -> d.desired() + " / " + d.observed())
        .containsExactly("0 / 1");
    assertThat(plan(state, inventory).actions()).isEmpty();
  }

  @Test
  void aPlaceThatWasNotReadIsUnknownWithTheReasonAndNothingIsPlanned() throws Exception {
    Inventory nothingRead = observed(Map.of());

    ResourceStatus guest = status(state("vmid: 120\nenable: true"), nothingRead);
    ResourceStatus offline = status(state("node: pve2\nenable: true"), nothingRead);
    ResourceStatus unknownNode = status(state("node: pve9\nenable: true"), nothingRead);

    assertThat(guest.sync()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(guest.message())
        .isEqualTo("guest 120 is not on east: its firewall options cannot be read");
    assertThat(offline.message()).startsWith("node pve2 is offline");
    assertThat(unknownNode.message()).startsWith("node pve9 is not in the cluster east");
    assertThat(plan(state("vmid: 120\nenable: true"), nothingRead).actions()).isEmpty();
  }

  @Test
  void aFailedReadSaysWhy() throws Exception {
    Inventory unread =
        sweep()
            .withParts(
                "east",
                List.<ObservedPart>of(
                    new UnreadPart(
                        Kind.FIREWALL_OPTIONS, "Permission check failed (/, Sys.Audit)")));

    ResourceStatus status = status(state("enable: true"), unread);

    assertThat(status.sync()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(status.message())
        .isEqualTo(
            "the firewall options of east could not be read: Permission check failed (/, Sys.Audit)");
  }

  @Test
  void theFingerprintFollowsTheSpecAndWhatThePlaceHolds() throws Exception {
    DesiredState state = state("enable: true");
    Inventory off =
        observed(Map.of(FirewallTarget.CLUSTER, read(CLUSTER_PATH, Map.of("enable", "0"))));
    Inventory offAgain =
        observed(Map.of(FirewallTarget.CLUSTER, read(CLUSTER_PATH, Map.of("enable", "0"))));
    Inventory changed =
        observed(
            Map.of(
                FirewallTarget.CLUSTER,
                read(CLUSTER_PATH, Map.of("enable", "0", "policy_in", "ACCEPT"))));
    var action = plan(state, off).actions().get(0);
    FirewallRules rules = new FirewallRules();

    assertThat(rules.fingerprint(action, state, off))
        .isEqualTo(rules.fingerprint(action, state, offAgain));
    assertThat(rules.fingerprint(action, state, off))
        .isNotEqualTo(rules.fingerprint(action, state, changed));
  }
}
