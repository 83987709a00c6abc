package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.simulator.PveHttp.Reply;
import io.pdmgitops.simulator.config.FleetConfigReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Firewall options as pve-firewall (3c5dce44) serves them: what a read shows, how a digest guards a
 * change, and what is refused, with PVE's status codes and texts.
 */
class PveFirewallOptionsIT {
  static final String FLEET =
      """
      clusters:
        - name: lab
          certificate: sim-4
          nodes: [{name: pve1}, {name: pve2, online: false}]
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running}
            - {vmid: 101, name: ct, type: lxc, node: pve1, status: running}
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
            - {id: vm@pve!vm, secret: vm-secret, role: audit, privileges: [VM.Audit, VM.PowerMgmt]}
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=ctl-secret";
  static final String AUDIT = "PVEAPIToken=ro@pve!ro=ro-secret";
  static final String VM_ONLY = "PVEAPIToken=vm@pve!vm=vm-secret";
  static final String EMPTY_DIGEST = "da39a3ee5e6b4b0d3255bfef95601890afd80709";

  SimulatedFleet fleet;
  PveHttp lab;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    lab = new PveHttp(fleet.endpoints("lab").get(0));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  Reply call(String method, String path, String form) {
    return lab.call(method, path, ADMIN, form);
  }

  @Test
  void aReadShowsOnlyWhatIsSetWithEnableAsANumberAndTheFilesDigest() {
    var cluster = call("GET", "/cluster/firewall/options", null).data();
    var guest = call("GET", "/nodes/pve1/qemu/100/firewall/options", null).data();

    assertThat(cluster.get("enable").isNumber()).isTrue();
    assertThat(cluster.get("policy_in").asString()).isEqualTo("DROP");
    assertThat(cluster.has("policy_forward")).as("not set, not shown").isFalse();
    assertThat(guest.propertyNames()).containsExactly("digest");
    assertThat(guest.get("digest").asString()).isEqualTo(EMPTY_DIGEST);
  }

  @Test
  void aChangeWithTheDigestItWasReadWithLandsAndChangesTheDigest() {
    String digest =
        call("GET", "/nodes/pve1/firewall/options", null).data().get("digest").asString();

    Reply put =
        call("PUT", "/nodes/pve1/firewall/options", "enable=0&log_level_in=info&digest=" + digest);

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("data").isNull()).isTrue();
    var after = call("GET", "/nodes/pve1/firewall/options", null).data();
    assertThat(after.get("enable").asLong()).isZero();
    assertThat(after.get("log_level_in").asString()).isEqualTo("info");
    assertThat(after.get("digest").asString()).isNotEqualTo(digest);
    assertThat(fleet.cluster("lab").firewallOptions("host/pve1"))
        .containsEntry("enable", "0")
        .containsEntry("log_level_in", "info");
  }

  @Test
  void aStaleDigestFailsInsideTheLockAndChangesNothing() {
    String digest =
        call("GET", "/nodes/pve1/lxc/101/firewall/options", null).data().get("digest").asString();
    call("PUT", "/nodes/pve1/lxc/101/firewall/options", "enable=1");

    Reply stale =
        call("PUT", "/nodes/pve1/lxc/101/firewall/options", "policy_in=ACCEPT&digest=" + digest);
    Reply staleCluster = call("PUT", "/cluster/firewall/options", "enable=0&digest=" + digest);
    Reply staleHost = call("PUT", "/nodes/pve1/firewall/options", "enable=0&digest=0123abcd");

    assertThat(stale.status()).isEqualTo(500);
    assertThat(stale.reason())
        .isEqualTo(
            "error during cfs-locked 'firewall-vm-101' operation: detected modified configuration"
                + " - file changed by other user? Try again.");
    assertThat(staleCluster.reason())
        .startsWith("error during cfs-locked 'firewall-cluster' operation: detected modified");
    assertThat(staleHost.reason()).startsWith("detected modified configuration");
    assertThat(fleet.cluster("lab").firewallOptions("vm/101")).containsOnlyKeys("enable");
    assertThat(fleet.cluster("lab").firewallOptions("cluster")).containsEntry("enable", "1");
  }

  @Test
  void badValuesAreRefusedPerParameter() {
    Reply policy = call("PUT", "/cluster/firewall/options", "policy_in=ALLOW");
    Reply forward = call("PUT", "/cluster/firewall/options", "policy_forward=REJECT");
    Reply level = call("PUT", "/nodes/pve1/firewall/options", "log_level_in=verbose");
    Reply hostPolicy = call("PUT", "/nodes/pve1/firewall/options", "policy_in=DROP");
    Reply delete = call("PUT", "/cluster/firewall/options", "delete=policy_in,foo");

    assertThat(policy.status()).isEqualTo(400);
    assertThat(policy.error("policy_in"))
        .isEqualTo("value 'ALLOW' does not have a value in the enumeration 'ACCEPT, REJECT, DROP'");
    assertThat(forward.error("policy_forward"))
        .isEqualTo("value 'REJECT' does not have a value in the enumeration 'ACCEPT, DROP'");
    assertThat(level.error("log_level_in")).contains("does not have a value in the enumeration");
    assertThat(hostPolicy.status()).as("a host has no policies of its own").isEqualTo(400);
    assertThat(hostPolicy.error("policy_in")).contains("property is not defined in schema");
    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.error("delete")).isEqualTo("no such option 'foo'");
    assertThat(fleet.cluster("lab").firewallOptions("cluster")).containsKey("policy_in");
  }

  @Test
  void eachPlaceHasItsOwnPrivilegesAndItsGuestOnItsNode() {
    Reply auditWrite = lab.call("PUT", "/cluster/firewall/options", AUDIT, "enable=0");
    Reply vmOnlyRead = lab.call("GET", "/nodes/pve1/qemu/100/firewall/options", VM_ONLY, null);
    Reply vmOnlyWrite =
        lab.call("PUT", "/nodes/pve1/qemu/100/firewall/options", VM_ONLY, "enable=1");
    Reply vmOnlyHost = lab.call("GET", "/nodes/pve1/firewall/options", VM_ONLY, null);
    Reply elsewhere = call("GET", "/nodes/pve1/lxc/100/firewall/options", null);
    Reply offline = call("GET", "/nodes/pve2/firewall/options", null);

    assertThat(auditWrite.status()).isEqualTo(403);
    assertThat(auditWrite.reason()).isEqualTo("Permission check failed (/, Sys.Modify)");
    assertThat(vmOnlyRead.status()).isEqualTo(200);
    assertThat(vmOnlyWrite.reason())
        .isEqualTo("Permission check failed (/vms/100, VM.Config.Network)");
    assertThat(vmOnlyHost.reason()).isEqualTo("Permission check failed (/nodes/pve1, Sys.Audit)");
    assertThat(elsewhere.status()).isEqualTo(500);
    assertThat(elsewhere.reason())
        .isEqualTo("Configuration file 'nodes/pve1/lxc/100.conf' does not exist");
    assertThat(offline.status()).isEqualTo(595);
  }
}
