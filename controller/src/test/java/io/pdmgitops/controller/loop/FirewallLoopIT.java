package io.pdmgitops.controller.loop;

import static io.pdmgitops.controller.loop.LoopHarness.guest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.simulator.http.ApiRequest;
import io.pdmgitops.simulator.http.LoggedRequest;
import io.pdmgitops.simulator.http.RequestHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firewall options through the running loop, the simulator speaking pve-firewall's options API over
 * HTTPS: declared options are set with the drifting ones only, a change made in PVE's UI is undone,
 * only declared places are read, and a PUT that loses the race with an edit in PVE (digest) changes
 * nothing and is planned again from the new options.
 */
class FirewallLoopIT {
  static final String FLEET = ReconcileLoopIT.FLEET;
  static final String GUEST_PATH = "/nodes/pve1/qemu/100/firewall/options";

  static final String OPTIONS =
      """
      ---
      apiVersion: pdm-gitops/v1
      kind: FirewallOptions
      metadata: {name: east-cluster}
      spec: {remote: east, enable: true, policyIn: REJECT}
      ---
      apiVersion: pdm-gitops/v1
      kind: FirewallOptions
      metadata: {name: web}
      spec: {remote: east, vmid: 100, enable: true, logLevelIn: info}
      """;

  @TempDir Path upstream;
  @TempDir Path work;
  LoopHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LoopHarness(FLEET, upstream, work);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  Optional<ResourceStatus> status(String name) {
    return h.loop.latestReport().flatMap(r -> r.status(new ObjectRef(Kind.FIREWALL_OPTIONS, name)));
  }

  void awaitSynced(String name) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> status(name).map(s -> s.sync() == SyncStatus.SYNCED).orElse(false));
  }

  Map<String, String> onPve(String file) {
    return h.fleet.cluster("east").firewallOptions(file);
  }

  List<LoggedRequest> calls(String method, String path) {
    return h.fleet.requests("east").stream()
        .filter(r -> r.acted() && r.method().equals(method) && r.path().endsWith(path))
        .toList();
  }

  @Test
  void declaredOptionsAreSetDriftingOnesOnlyAndKeptAsGitSays() throws Exception {
    h.commit(guest("web", 100, "running"), "firewall", OPTIONS);
    h.start();

    awaitSynced("east-cluster");
    awaitSynced("web");
    assertThat(onPve("cluster")).containsEntry("policy_in", "REJECT").containsEntry("enable", "1");
    assertThat(onPve("vm/100"))
        .containsOnly(Map.entry("enable", "1"), Map.entry("log_level_in", "info"));
    assertThat(calls("PUT", "/cluster/firewall/options"))
        .as("the cluster's firewall was on already: only the policy is sent, with the digest")
        .singleElement()
        .satisfies(r -> assertThat(r.paramNames()).isEqualTo(Set.of("policy_in", "digest")));
    assertThat(calls("PUT", GUEST_PATH)).hasSize(1);
    assertThat(calls("GET", "/nodes/pve1/firewall/options"))
        .as("nobody declares the node's options: they are not read")
        .isEmpty();

    // Someone opens the cluster in PVE's UI and accepts everything: the next cycle puts it back.
    h.fleet.cluster("east").editFirewallOptions("cluster", Map.of("policy_in", "ACCEPT"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "REJECT".equals(onPve("cluster").get("policy_in")));
    assertThat(calls("PUT", "/cluster/firewall/options")).hasSize(2);
  }

  @Test
  void aPutThatLosesTheRaceWithAnEditChangesNothingAndIsPlannedAgain() throws Exception {
    AtomicBoolean raced = new AtomicBoolean();
    h.fleet.hook(
        "east",
        new RequestHook() {
          @Override
          public void beforeHandling(ApiRequest request) {
            if (request.method().equals("PUT")
                && request.path().endsWith("/cluster/firewall/options")
                && raced.compareAndSet(false, true)) {
              // An admin saves other options between the controller's read and its PUT.
              h.fleet.cluster("east").editFirewallOptions("cluster", Map.of("policy_out", "DROP"));
            }
          }
        });
    h.commit(guest("web", 100, "running"), "firewall", OPTIONS);
    h.start();

    awaitSynced("east-cluster");

    List<LoggedRequest> puts = calls("PUT", "/cluster/firewall/options");
    assertThat(puts).hasSizeGreaterThanOrEqualTo(2);
    assertThat(puts.get(0).status()).as("refused: the digest changed").isEqualTo(500);
    assertThat(puts.get(puts.size() - 1).status()).isEqualTo(200);
    assertThat(onPve("cluster"))
        .as("the admin's edit stays, Git's option is added")
        .containsEntry("policy_out", "DROP")
        .containsEntry("policy_in", "REJECT");
  }
}
