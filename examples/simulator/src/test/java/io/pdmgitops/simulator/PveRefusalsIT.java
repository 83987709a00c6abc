package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.simulator.PveHttp.Reply;
import io.pdmgitops.simulator.config.FaultConfig;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.config.ProxyFailure;
import io.pdmgitops.simulator.pve.PveCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a real PVE refuses, and how: the per-action parameter schemas of qemu-server and
 * pve-container (one 400 naming every bad parameter), unknown and offline nodes, proxy failures,
 * and tasks asked of the wrong node.
 */
class PveRefusalsIT {
  static final String FLEET =
      """
      taskDuration: 200ms
      clusters:
        - name: lab
          certificate: sim-4
          version: 8.2.4
          nodes: [{name: pve1}, {name: pve2}, {name: pve3, online: false}]
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running}
            - {vmid: 101, name: db, type: qemu, node: pve2, status: stopped}
            - {vmid: 102, name: cache, type: lxc, node: pve1, status: running}
            - {vmid: 103, name: batch, type: lxc, node: pve2, status: stopped}
            - {vmid: 104, name: ha-vm, type: qemu, node: pve1, status: running, ha: true}
            - {vmid: 105, name: proxy, type: lxc, node: pve1, status: running}
            - {vmid: 106, name: jobs, type: lxc, node: pve2, status: stopped, lock: backup}
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
            - {id: vm@pve!vm, secret: vm-secret, role: audit, privileges: [VM.Audit, VM.PowerMgmt]}
        - name: nine
          certificate: sim-5
          version: 9.0.5
          nodes: [{name: n1}, {name: n2}]
          guests:
            - {vmid: 200, name: new, type: qemu, node: n1, status: running}
          tokens:
            - {id: ctl@pve!ctl, secret: nine-secret, role: admin}
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=ctl-secret";
  static final String AUDIT = "PVEAPIToken=ro@pve!ro=ro-secret";
  static final String VM_ONLY = "PVEAPIToken=vm@pve!vm=vm-secret";
  static final String NOT_IN_SCHEMA =
      "property is not defined in schema and the schema does not allow additional properties";
  static final String MISSING = "property is missing and it is not optional";

  static SimulatedFleet fleet;
  static PveHttp lab;
  static PveHttp nine;

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    lab = new PveHttp(fleet.endpoints("lab").get(0));
    nine = new PveHttp(fleet.endpoints("nine").get(0));
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  static Reply post(String path, String form) {
    return lab.call("POST", path, ADMIN, form);
  }

  @Test
  void qemuMigrateHasNoRestartParameter() {
    Reply reply = post("/nodes/pve2/qemu/101/migrate", "target=pve1&restart=1");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).isEqualTo("Parameter verification failed.");
    assertThat(reply.json().get("message").asString())
        .isEqualTo("Parameter verification failed.\n");
    assertThat(reply.json().get("errors").propertyNames()).containsExactly("restart");
    assertThat(reply.error("restart")).isEqualTo(NOT_IN_SCHEMA);
    assertThat(fleet.cluster("lab").guest(101).orElseThrow().node()).isEqualTo("pve2");
  }

  @Test
  void everyBadParameterIsNamedInOneAnswer() {
    Reply reply = post("/nodes/pve2/qemu/101/migrate", "foo=1&online=yes&bwlimit=1.5");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error("target")).isEqualTo(MISSING);
    assertThat(reply.error("foo")).isEqualTo(NOT_IN_SCHEMA);
    assertThat(reply.error("online")).isEqualTo("type check ('boolean') failed - got 'yes'");
    assertThat(reply.error("bwlimit")).isEqualTo("type check ('integer') failed - got '1.5'");
  }

  @Test
  void eachActionTakesOnlyItsOwnParameters() {
    assertThat(post("/nodes/pve1/lxc/102/status/shutdown", "keepActive=1").error("keepActive"))
        .isEqualTo(NOT_IN_SCHEMA);
    assertThat(post("/nodes/pve2/lxc/103/status/start", "timeout=5").error("timeout"))
        .isEqualTo(NOT_IN_SCHEMA);
    assertThat(post("/nodes/pve1/qemu/100/status/reboot", "forceStop=1").error("forceStop"))
        .isEqualTo(NOT_IN_SCHEMA);
    assertThat(post("/nodes/pve1/qemu/100/status/shutdown", "timeout=abc").error("timeout"))
        .isEqualTo("type check ('integer') failed - got 'abc'");
    assertThat(post("/nodes/pve1/qemu/100/status/shutdown", "timeout=-1").error("timeout"))
        .isEqualTo("value must have a minimum value of 0");
    assertThat(post("/nodes/pve1/qemu/100/status/suspend", "statestorage=local").error("todisk"))
        .isEqualTo("missing property - 'statestorage' requires this property");
    assertThat(post("/nodes/pve1/qemu/100/migrate", "target=pve2&migration_type=fast"))
        .extracting(r -> r.error("migration_type"))
        .isEqualTo("value 'fast' does not have a value in the enumeration 'secure, insecure'");
  }

  @Test
  void containersHaveNoReset() {
    Reply reply = post("/nodes/pve1/lxc/102/status/reset", "");

    assertThat(reply.status()).isEqualTo(501);
    assertThat(reply.reason())
        .isEqualTo("Method 'POST /nodes/pve1/lxc/102/status/reset' not implemented");
  }

  @Test
  void rootOnlyOptionsAreRefusedToTokensUnlessFalse() {
    assertThat(post("/nodes/pve1/qemu/100/status/stop", "skiplock=1").error("skiplock"))
        .isEqualTo("Only root may use this option.");
    assertThat(post("/nodes/pve1/qemu/100/migrate", "target=pve2&online=1&force=1").error("force"))
        .isEqualTo("Only root may use this option.");
    // `if $skiplock && $authuser ne 'root@pam'`: a 0 passes.
    assertThat(post("/nodes/pve2/qemu/101/status/stop", "skiplock=0").status()).isEqualTo(200);
  }

  @Test
  void anHaGuestRefusesOverruleShutdown() {
    Reply reply = post("/nodes/pve1/qemu/104/status/stop", "overrule-shutdown=1");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error("overrule-shutdown")).isEqualTo("Not applicable for HA resources.");
  }

  @Test
  void theMigrationTargetMustBeAnotherNodeOfTheCluster() {
    Reply local = post("/nodes/pve2/qemu/101/migrate", "target=pve2");
    assertThat(local.status()).isEqualTo(400);
    assertThat(local.error("target")).isEqualTo("target is local node.");

    Reply unknown = post("/nodes/pve2/qemu/101/migrate", "target=pve9");
    assertThat(unknown.status()).isEqualTo(500);
    assertThat(unknown.reason()).isEqualTo("no such cluster node 'pve9'");

    Reply malformed = post("/nodes/pve2/qemu/101/migrate", "target=pve_9");
    assertThat(malformed.error("target"))
        .isEqualTo("invalid format - value does not look like a valid node name\n");
  }

  @Test
  void anOfflineTargetFailsInTheWorker() {
    String upid = post("/nodes/pve2/qemu/101/migrate", "target=pve3").data().asString();

    JsonNode status = finished("pve2", upid);
    assertThat(status.get("exitstatus").asString()).isEqualTo("migration aborted");
    assertThat(log("pve2", upid))
        .anyMatch(
            l ->
                l.endsWith(
                    "ERROR: migration aborted (duration 00:00:00): "
                        + "Can't connect to destination address using public key"));
  }

  @Test
  void aRunningContainerMovesOnlyByRestartNotLive() {
    Reply neither = post("/nodes/pve1/lxc/102/migrate", "target=pve2");
    assertThat(neither.status()).isEqualTo(500);
    assertThat(neither.reason())
        .isEqualTo("can't migrate running container without --online or --restart");

    String live = post("/nodes/pve1/lxc/102/migrate", "target=pve2&online=1").data().asString();
    assertThat(finished("pve1", live).get("exitstatus").asString()).isEqualTo("migration aborted");
    assertThat(log("pve1", live))
        .anyMatch(l -> l.endsWith("lxc live migration is currently not implemented"));
    assertThat(fleet.cluster("lab").guest(102).orElseThrow().node()).isEqualTo("pve1");

    String restart =
        post("/nodes/pve1/lxc/105/migrate", "target=pve2&restart=1&timeout=30&bwlimit=1.5")
            .data()
            .asString();
    assertThat(finished("pve1", restart).get("exitstatus").asString()).isEqualTo("OK");
    var moved = fleet.cluster("lab").guest(105).orElseThrow();
    assertThat(moved.node()).isEqualTo("pve2");
    assertThat(moved.status()).isEqualTo("running");
  }

  @Test
  void aLockedContainerFailsItsMigrationInTheWorker() {
    String upid = post("/nodes/pve2/lxc/106/migrate", "target=pve1").data().asString();

    assertThat(finished("pve2", upid).get("exitstatus").asString()).isEqualTo("migration aborted");
    assertThat(log("pve2", upid)).anyMatch(l -> l.endsWith("CT is locked (backup)"));
  }

  @Test
  void pve9AddsConntrackStateToQemuMigrate() {
    assertThat(post("/nodes/pve1/qemu/100/migrate", "target=pve2&online=1&with-conntrack-state=1"))
        .extracting(r -> r.error("with-conntrack-state"))
        .isEqualTo(NOT_IN_SCHEMA);

    Reply reply =
        nine.call(
            "POST",
            "/nodes/n1/qemu/200/migrate",
            "PVEAPIToken=ctl@pve!ctl=nine-secret",
            "target=n2&online=1&with-conntrack-state=1");
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void anUnknownNodeIsAFailedHostnameLookup() {
    Reply reply = lab.call("GET", "/nodes/pve9/qemu", ADMIN, null);

    String text =
        "hostname lookup 'pve9' failed - failed to get address info for: pve9:"
            + " Name or service not known";
    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.reason()).isEqualTo(text);
    assertThat(reply.json().get("message").asString()).isEqualTo(text + "\n");
    // Even with bad parameters: validation happens on the node the call never reaches.
    assertThat(post("/nodes/pve9/qemu/101/migrate", "restart=1").status()).isEqualTo(500);
  }

  @Test
  void theOfflineNodeStays595AndLocalhostIsTheReceivingNode() {
    Reply offline = lab.call("GET", "/nodes/pve3/qemu", ADMIN, null);
    assertThat(offline.status()).isEqualTo(595);
    assertThat(offline.body()).isEmpty();

    assertThat(lab.call("GET", "/nodes/localhost/status", ADMIN, null).status()).isEqualTo(200);
  }

  @Test
  void permissionIsCheckedBeforeTheNodeIsLookedUp() {
    Reply reply = lab.call("POST", "/nodes/pve9/qemu/101/status/start", AUDIT, "");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.reason()).isEqualTo("Permission check failed (/vms/101, VM.PowerMgmt)");
  }

  @Test
  void aParameterRepeatingThePathMustAgreeWithIt() {
    assertThat(post("/nodes/pve2/qemu/101/status/stop", "vmid=101").status()).isEqualTo(200);
    assertThat(post("/nodes/pve2/qemu/101/status/stop", "vmid=102").error("vmid"))
        .isEqualTo("duplicate parameter (already defined in URI) with conflicting values!");
  }

  @Test
  void aProxyFaultAnswers596WithAnEmptyBody() {
    FaultConfig timeout =
        new FaultConfig(
            Duration.ZERO,
            0,
            false,
            false,
            Duration.ZERO,
            Map.of(
                "/nodes/pve2",
                new FaultConfig(
                    Duration.ZERO, 0, false, false, Duration.ZERO, Map.of(), ProxyFailure.TIMEOUT)),
            ProxyFailure.NONE);
    fleet.setFaults("lab", timeout);
    try {
      Reply failed = lab.call("GET", "/nodes/pve2/qemu", ADMIN, null);
      assertThat(failed.status()).isEqualTo(596);
      assertThat(failed.reason()).isEqualTo("Connection timed out");
      assertThat(failed.body()).isEmpty();
      assertThat(lab.call("GET", "/nodes/pve1/qemu", ADMIN, null).status()).isEqualTo(200);
      assertThat(lab.call("GET", "/cluster/resources", ADMIN, null).status()).isEqualTo(200);
    } finally {
      fleet.setFaults("lab", FaultConfig.none());
    }
  }

  @Test
  void tasksAreAskedOfTheirOwnNode() {
    String upid = post("/nodes/pve2/qemu/101/status/stop", "").data().asString();
    String foreign = upid.replace("UPID:pve2:", "UPID:pve9:");

    Reply unknownNode =
        lab.call("GET", "/nodes/pve9/tasks/" + PveHttp.encode(foreign) + "/status", ADMIN, null);
    assertThat(unknownNode.status()).isEqualTo(500);
    assertThat(unknownNode.reason()).startsWith("hostname lookup 'pve9' failed");
    Reply unknownLog =
        lab.call("GET", "/nodes/pve9/tasks/" + PveHttp.encode(foreign) + "/log", ADMIN, null);
    assertThat(unknownLog.status()).isEqualTo(500);

    Reply elsewhere =
        lab.call("GET", "/nodes/pve1/tasks/" + PveHttp.encode(upid) + "/status", ADMIN, null);
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(elsewhere.error("upid")).isEqualTo("no such task");
    Reply noLog =
        lab.call("GET", "/nodes/pve1/tasks/" + PveHttp.encode(upid) + "/log", ADMIN, null);
    assertThat(noLog.status()).isEqualTo(200);
    assertThat(noLog.data().get(0).get("t").asString())
        .isEqualTo("unable to open file - No such file or directory");
  }

  /**
   * Tasks.pm: the task's own user reads and stops it; anyone else needs Sys.Audit on the node to
   * read it and Sys.Modify to stop it (checked after "no such task" for stop and status).
   */
  @Test
  void aTaskIsTheOwnersOrNeedsTheNodesPrivilege() {
    PveCluster cluster = fleet.cluster("lab");
    String admins = cluster.startTask("pve1", "vzdump", "100", "ctl@pve!ctl", Duration.ofHours(1));
    String own = cluster.startTask("pve1", "vzdump", "100", "vm@pve!vm", Duration.ofHours(1));
    String adminsPath = "/nodes/pve1/tasks/" + PveHttp.encode(admins);
    String ownPath = "/nodes/pve1/tasks/" + PveHttp.encode(own);

    Reply foreignLog = lab.call("GET", adminsPath + "/log", VM_ONLY, null);
    assertThat(foreignLog.status()).isEqualTo(403);
    assertThat(foreignLog.reason()).isEqualTo("Permission check failed (/nodes/pve1, Sys.Audit)");
    assertThat(lab.call("GET", adminsPath + "/status", VM_ONLY, null).status()).isEqualTo(403);
    assertThat(lab.call("GET", adminsPath + "/log", AUDIT, null).status())
        .as("Sys.Audit reads anyone's task")
        .isEqualTo(200);
    Reply auditStop = lab.call("DELETE", adminsPath, AUDIT, null);
    assertThat(auditStop.status()).isEqualTo(403);
    assertThat(auditStop.reason()).isEqualTo("Permission check failed (/nodes/pve1, Sys.Modify)");
    assertThat(cluster.taskExitStatus(admins)).as("still running").isEmpty();

    assertThat(lab.call("GET", ownPath + "/status", VM_ONLY, null).status()).isEqualTo(200);
    assertThat(lab.call("DELETE", ownPath, VM_ONLY, null).status())
        .as("its own task, without Sys.Modify")
        .isEqualTo(200);
    assertThat(cluster.taskExitStatus(own)).contains("interrupted by signal");
    assertThat(lab.call("DELETE", adminsPath, ADMIN, null).status()).isEqualTo(200);
    assertThat(cluster.taskExitStatus(admins)).contains("interrupted by signal");

    Reply gone =
        lab.call(
            "DELETE",
            "/nodes/pve1/tasks/" + PveHttp.encode(admins.replace(":vzdump:", ":qmstart:")),
            AUDIT,
            null);
    assertThat(gone.status()).as("no such task comes before the privilege").isEqualTo(400);
    assertThat(gone.error("upid")).isEqualTo("no such task");
  }

  @Test
  void missingGuestsFailWhereTheirCheckReadsTheConfig() {
    Reply reset = post("/nodes/pve1/qemu/555/status/reset", "");
    assertThat(reset.status()).isEqualTo(500);
    assertThat(reset.reason())
        .isEqualTo("unable to find configuration file for VM 555 on node 'pve1'");

    String stop = post("/nodes/pve1/qemu/555/status/stop", "").data().asString();
    assertThat(finished("pve1", stop).get("exitstatus").asString())
        .isEqualTo("Configuration file 'nodes/pve1/qemu-server/555.conf' does not exist");

    assertThat(post("/nodes/pve1/lxc/555/status/shutdown", "").reason())
        .isEqualTo("CT 555 not running");
  }

  @Test
  void remoteMigrationFollowsEachGuestTypesSchemaAndChecks() {
    java.net.URI target = fleet.endpoints("nine").get(0);
    String endpoint =
        PveHttp.encode(
            "host="
                + target.getHost()
                + ",port="
                + target.getPort()
                + ",apitoken=PVEAPIToken=ctl@pve!ctl=nine-secret,fingerprint="
                + fleet.fingerprint("nine"));
    String maps = "&target-storage=local-lvm&target-bridge=vmbr0";

    Reply restart =
        post(
            "/nodes/pve1/qemu/100/remote_migrate",
            "target-endpoint=" + endpoint + maps + "&restart=1");
    assertThat(restart.status()).isEqualTo(400);
    assertThat(restart.error("restart")).isEqualTo(NOT_IN_SCHEMA);

    Reply ha =
        post(
            "/nodes/pve1/qemu/104/remote_migrate",
            "target-endpoint=" + endpoint + maps + "&online=1");
    assertThat(ha.error("vmid")).isEqualTo("cannot migrate HA-managed VM to remote cluster");

    Reply identity =
        post(
            "/nodes/pve2/qemu/101/remote_migrate",
            "target-endpoint=" + endpoint + "&target-storage=1&target-bridge=1");
    assertThat(identity.status()).isEqualTo(500);
    assertThat(identity.reason()).isEqualTo("remote migration requires explicit storage mapping!");

    String live =
        post(
                "/nodes/pve1/lxc/102/remote_migrate",
                "target-endpoint=" + endpoint + maps + "&online=1")
            .data()
            .asString();
    assertThat(finished("pve1", live).get("exitstatus").asString()).isEqualTo("migration aborted");
    assertThat(fleet.cluster("nine").guest(102)).isEmpty();
  }

  static JsonNode finished(String node, String upid) {
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                lab.call(
                        "GET",
                        "/nodes/" + node + "/tasks/" + PveHttp.encode(upid) + "/status",
                        ADMIN,
                        null)
                    .data(),
            s -> s.get("status").asString().equals("stopped"));
  }

  static java.util.List<String> log(String node, String upid) {
    JsonNode lines =
        lab.call("GET", "/nodes/" + node + "/tasks/" + PveHttp.encode(upid) + "/log", ADMIN, null)
            .data();
    java.util.List<String> out = new java.util.ArrayList<>();
    lines.forEach(l -> out.add(l.get("t").asString()));
    return out;
  }
}
