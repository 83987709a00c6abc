package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.simulator.PveHttp.Reply;
import io.pdmgitops.simulator.config.FleetConfigReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the health overviews read, in PVE's and PBS's shapes: the HA manager's status
 * (pve-ha-manager Status.pm), a node's packages and sources (pve-manager APT.pm, proxmox-apt) with
 * their privileges, and PBS's usage estimate and job results (proxmox-backup status.rs, jobstate).
 */
class HealthEndpointsIT {
  static final String FLEET =
      """
      clusters:
        - name: lab
          certificate: sim-4
          nodes:
            - {name: pve1}
            - name: pve2
              apt:
                running-kernel: 6.8.8-2-pve
                installed-kernels: [6.8.12-4-pve, 6.8.8-2-pve]
                repositories: [no-subscription]
                suite: bullseye
                security: false
                pending: [{package: openssl, old: 3.0.14-1~deb12u2, new: 3.0.15-1~deb12u1}]
            - {name: pve3}
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running, ha: true}
            - {vmid: 101, name: db, type: qemu, node: pve2, status: running}
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
      pbs:
        - name: vault
          certificate: sim-5
          datastores:
            - name: store1
              size: 1TiB
              used: 500GiB
              growth: 10GiB
              prune: "unable to acquire lock on snapshot directory"
              groups: [{type: vm, id: "100", snapshots: [2d ago, 1h ago], verify: failed}]
            - {name: idle, size: 1TiB, used: 10GiB}
          tokens: [{id: ctl@pbs!ctl, secret: pbs-secret, role: admin}]
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=ctl-secret";
  static final String AUDIT = "PVEAPIToken=ro@pve!ro=ro-secret";
  static final String PBS = "PBSAPIToken=ctl@pbs!ctl:pbs-secret";

  SimulatedFleet fleet;
  PveHttp lab;
  PveHttp vault;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    lab = new PveHttp(fleet.endpoints("lab").get(0));
    vault = new PveHttp(fleet.endpoints("vault").get(0));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  static JsonNode entry(JsonNode list, String id) {
    for (JsonNode e : list) {
      if (e.get("id").asString().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no entry " + id + " in " + list);
  }

  @Test
  void theHaStatusNamesQuorumMasterEachLrmAndEachResource() {
    JsonNode ha = lab.call("GET", "/cluster/ha/status/current", ADMIN, null).data();

    assertThat(entry(ha, "quorum").get("quorate").asInt()).isOne();
    assertThat(entry(ha, "master").get("status").asString()).matches("pve1 \\(active, .+\\)");
    assertThat(entry(ha, "lrm:pve1").get("status").asString()).contains("(active, ");
    assertThat(entry(ha, "lrm:pve3").get("status").asString())
        .as("no service there")
        .contains("(idle, ");
    JsonNode service = entry(ha, "service:vm:100");
    assertThat(service.get("sid").asString()).isEqualTo("vm:100");
    assertThat(service.get("state").asString()).isEqualTo("started");

    fleet.cluster("lab").setHaFault(100, "error");
    fleet.cluster("lab").setNodeOnline("pve2", false);
    fleet.cluster("lab").setNodeOnline("pve3", false);
    JsonNode lost = lab.call("GET", "/cluster/ha/status/current", ADMIN, null).data();

    assertThat(entry(lost, "quorum").get("status").asString())
        .isEqualTo("No quorum on node 'pve1'!");
    assertThat(entry(lost, "master").get("status").asString()).contains("old timestamp - dead?");
    assertThat(entry(lost, "service:vm:100").get("state").asString()).isEqualTo("error");
    assertThat(lab.call("GET", "/cluster/ha/status/current", null, null).status()).isEqualTo(401);
  }

  @Test
  void aNodesPackagesAndSourcesAreItsOwnAndThePendingListNeedsSysModify() {
    JsonNode pending = lab.call("GET", "/nodes/pve2/apt/update", ADMIN, null).data();
    JsonNode versions = lab.call("GET", "/nodes/pve2/apt/versions", AUDIT, null).data();
    JsonNode repos = lab.call("GET", "/nodes/pve2/apt/repositories", AUDIT, null).data();
    Reply refused = lab.call("GET", "/nodes/pve2/apt/update", AUDIT, null);

    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).get("OldVersion").asString()).isEqualTo("3.0.14-1~deb12u2");
    assertThat(versions.get(0).get("RunningKernel").asString()).isEqualTo("6.8.8-2-pve");
    assertThat(versions.get(2).get("Package").asString())
        .isEqualTo("proxmox-kernel-6.8.12-4-pve-signed");
    assertThat(repos.get("infos").findValuesAsString("message"))
        .contains("old suite 'bullseye' configured!");
    assertThat(repos.at("/files/0/repositories/0/Suites").isArray()).isTrue();
    assertThat(repos.toString()).doesNotContain("-security");
    assertThat(repos.get("standard-repos").get(1).get("status").asBoolean()).isTrue();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(lab.call("GET", "/nodes/pve1/apt/update", ADMIN, null).data()).isEmpty();
    assertThat(
            lab.call("GET", "/nodes/pve1/status", ADMIN, null)
                .data()
                .at("/current-kernel/release")
                .asString())
        .isEqualTo("6.8.12-1-pve");
  }

  @Test
  void pbsEstimatesWhenAGrowingStoreIsFullAndReportsEachJobsLastRun() {
    JsonNode usage = vault.call("GET", "/status/datastore-usage", PBS, null).data();
    JsonNode prune = vault.call("GET", "/admin/prune", PBS, null).data();
    JsonNode snapshots = vault.call("GET", "/admin/datastore/store1/snapshots", PBS, null).data();

    long now = System.currentTimeMillis() / 1000;
    long full = usage.get(0).get("estimated-full-date").asLong();
    assertThat(full - now).as("524 GiB free at 10 GiB a day").isBetween(51L * 86_400, 53L * 86_400);
    assertThat(usage.get(1).get("estimated-full-date").asLong()).as("not growing").isZero();
    assertThat(usage.get(0).get("history")).hasSize(30);
    assertThat(prune.get(0).get("last-run-state").asString())
        .isEqualTo("unable to acquire lock on snapshot directory");
    assertThat(snapshots).hasSize(2);
    assertThat(
            snapshots.findValues("backup-time").stream()
                .mapToLong(JsonNode::asLong)
                .max()
                .getAsLong())
        .as("'1h ago' is before the fleet started")
        .isBetween(now - 3_700, now - 3_500);
    assertThat(snapshots.findValuesAsString("state")).containsExactlyInAnyOrder("ok", "failed");
    assertThat(
            vault
                .call("GET", "/admin/datastore/store1/namespace", PBS, null)
                .data()
                .get(0)
                .get("ns")
                .asString())
        .isEmpty();
  }
}
