package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.simulator.PveHttp.Reply;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The values a real PVE sends: status/current of VMs and containers in each state, RRD row counts
 * of PVE 8 and 9, and the subscription states.
 */
class PveShapesIT {
  static final String FLEET =
      """
      taskDuration: 200ms
      clusters:
        - name: eight
          certificate: sim-4
          version: 8.2.4
          nodes:
            - {name: pve1, subscription: {status: active, level: b}}
            - {name: pve2, subscription: expired}
            - {name: pve3, subscription: invalid}
            - {name: pve4, subscription: suspended}
            - {name: pve5, subscription: new}
            - {name: pve6}
          storages:
            - {name: local, type: dir, size: 100GiB, used: 10GiB}
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running, tags: [prod]}
            - {vmid: 101, name: db, type: qemu, node: pve2, status: stopped}
            - {vmid: 102, name: cache, type: lxc, node: pve1, status: running}
            - {vmid: 103, name: batch, type: lxc, node: pve2, status: stopped}
            - {vmid: 104, name: agent, type: qemu, node: pve1, status: running, agent: true}
            - {vmid: 105, name: pausable, type: qemu, node: pve1, status: running}
            - {vmid: 106, name: sleeper, type: qemu, node: pve1, status: running}
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
            - {id: vm@pve!vm, secret: vm-secret, privileges: [VM.Audit]}
        - name: nine
          certificate: sim-5
          version: 9.0.5
          nodes: [{name: n1}]
          guests:
            - {vmid: 200, name: new, type: qemu, node: n1, status: running}
          tokens:
            - {id: ctl@pve!ctl, secret: nine-secret, role: admin}
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=ctl-secret";
  static final String VM_ONLY = "PVEAPIToken=vm@pve!vm=vm-secret";
  static final String NINE = "PVEAPIToken=ctl@pve!ctl=nine-secret";

  static SimulatedFleet fleet;
  static PveHttp eight;
  static PveHttp nine;

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    eight = new PveHttp(fleet.endpoints("eight").get(0));
    nine = new PveHttp(fleet.endpoints("nine").get(0));
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  static JsonNode get(String path) {
    Reply reply = eight.call("GET", path, ADMIN, null);
    assertThat(reply.status()).as(path).isEqualTo(200);
    return reply.data();
  }

  @Test
  void aRunningVmHasItsQmpDetails() {
    JsonNode vm = get("/nodes/pve1/qemu/100/status/current");

    assertThat(vm.get("status").asString()).isEqualTo("running");
    assertThat(vm.get("qmpstatus").asString()).isEqualTo("running");
    assertThat(vm.get("pid").isIntegralNumber()).isTrue();
    assertThat(vm.get("balloon").asLong()).isEqualTo(vm.get("maxmem").asLong());
    assertThat(vm.at("/ballooninfo/actual").asLong()).isEqualTo(vm.get("maxmem").asLong());
    assertThat(vm.get("freemem").asLong() + vm.get("mem").asLong())
        .isEqualTo(vm.at("/ballooninfo/total_mem").asLong());
    assertThat(vm.at("/blockstat/scsi0/rd_bytes").asLong()).isEqualTo(vm.get("diskread").asLong());
    assertThat(vm.at("/nics/tap100i0/netin").asLong()).isEqualTo(vm.get("netin").asLong());
    assertThat(vm.get("running-qemu").asString()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(vm.get("running-machine").asString()).startsWith("pc-i440fx-").endsWith("+pve0");
    assertThat(vm.at("/proxmox-support/pbs-dirty-bitmap").isBoolean()).isTrue();
    assertThat(vm.at("/ha/managed").asInt()).isZero();
    assertThat(vm.get("tags").asString()).isEqualTo("prod");
    assertThat(vm.get("disk").asLong()).isZero();
    // Not configured, so not there; memhost and pressure are PVE 9's.
    assertThat(vm.propertyNames())
        .doesNotContain(
            "lock", "template", "agent", "spice", "serial", "memhost", "pressurecpusome", "type");
  }

  @Test
  void aStoppedVmHasNoRuntimeDetails() {
    JsonNode vm = get("/nodes/pve2/qemu/101/status/current");

    assertThat(vm.get("status").asString()).isEqualTo("stopped");
    assertThat(vm.get("qmpstatus").asString()).isEqualTo("stopped");
    assertThat(vm.get("uptime").asLong()).isZero();
    assertThat(vm.propertyNames())
        .doesNotContain(
            "pid",
            "balloon",
            "ballooninfo",
            "freemem",
            "blockstat",
            "nics",
            "running-qemu",
            "running-machine",
            "proxmox-support",
            "tags");
  }

  @Test
  void anEnabledAgentAndALockShowOnlyWhenThere() {
    assertThat(get("/nodes/pve1/qemu/104/status/current").get("agent").asInt()).isEqualTo(1);

    fleet.cluster("eight").setLock(104, "backup");
    try {
      assertThat(get("/nodes/pve1/qemu/104/status/current").get("lock").asString())
          .isEqualTo("backup");
    } finally {
      fleet.cluster("eight").setLock(104, null);
    }
    assertThat(get("/nodes/pve1/qemu/104/status/current").has("lock")).isFalse();
  }

  @Test
  void aPausedVmStillSaysRunning() {
    String upid =
        eight.call("POST", "/nodes/pve1/qemu/105/status/suspend", ADMIN, "").data().asString();
    assertThat(upid).contains(":qmpause:105:");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(get("/nodes/pve1/qemu/105/status/current").get("qmpstatus").asString())
                    .isEqualTo("paused"));
    JsonNode paused = get("/nodes/pve1/qemu/105/status/current");
    assertThat(paused.get("status").asString()).isEqualTo("running");
    assertThat(paused.has("pid")).isTrue();
  }

  @Test
  void aVmSuspendedToDiskIsStoppedAndLockedUntilStarted() {
    String upid =
        eight
            .call("POST", "/nodes/pve1/qemu/106/status/suspend", ADMIN, "todisk=1")
            .data()
            .asString();
    assertThat(upid).contains(":qmsuspend:106:");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(get("/nodes/pve1/qemu/106/status/current").get("status").asString())
                    .isEqualTo("stopped"));
    assertThat(get("/nodes/pve1/qemu/106/status/current").get("lock").asString())
        .isEqualTo("suspended");

    eight.call("POST", "/nodes/pve1/qemu/106/status/resume", ADMIN, "");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(get("/nodes/pve1/qemu/106/status/current").get("status").asString())
                    .isEqualTo("running"));
    assertThat(get("/nodes/pve1/qemu/106/status/current").has("lock")).isFalse();
  }

  @Test
  void containersHaveAPidOnlyWhileRunningAndNoQmpStatus() {
    JsonNode running = get("/nodes/pve1/lxc/102/status/current");
    assertThat(running.get("type").asString()).isEqualTo("lxc");
    assertThat(running.get("pid").isIntegralNumber()).isTrue();
    assertThat(running.get("disk").asLong()).isPositive();
    assertThat(running.has("qmpstatus")).isFalse();
    assertThat(running.at("/ha/managed").asInt()).isZero();

    JsonNode stopped = get("/nodes/pve2/lxc/103/status/current");
    assertThat(stopped.has("pid")).isFalse();
    assertThat(stopped.get("disk").asLong()).isZero();
    assertThat(stopped.get("maxswap").isIntegralNumber()).isTrue();
  }

  @Test
  void pve9AddsHostMemoryAndPressure() {
    JsonNode vm = nine.call("GET", "/nodes/n1/qemu/200/status/current", NINE, null).data();

    assertThat(vm.get("memhost").asLong()).isPositive();
    assertThat(vm.get("pressurecpusome").isNumber()).isTrue();
    assertThat(vm.get("running-qemu").asString()).startsWith("10.");
  }

  @Test
  void pve8ReturnsSeventyRowsPerTimeframe() {
    long[][] expected = {{60}, {1_800}, {10_800}, {43_200}, {604_800}};
    String[] frames = {"hour", "day", "week", "month", "year"};
    for (int i = 0; i < frames.length; i++) {
      JsonNode rows = get("/nodes/pve1/rrddata?timeframe=" + frames[i]);
      assertThat(rows.size()).as(frames[i]).isEqualTo(70);
      assertThat(rows.get(1).get("time").asLong() - rows.get(0).get("time").asLong())
          .as(frames[i])
          .isEqualTo(expected[i][0]);
    }
    assertThat(get("/nodes/pve1/qemu/100/rrddata?timeframe=hour").size()).isEqualTo(70);
    assertThat(get("/nodes/pve1/storage/local/rrddata?timeframe=hour").size()).isEqualTo(70);
  }

  @Test
  void pve9KeepsFinerSeries() {
    String[] frames = {"hour", "day", "week", "month", "year"};
    int[] counts = {60, 1_440, 336, 1_440, 1_440};
    long[] steps = {60, 60, 1_800, 1_800, 21_600};
    for (int i = 0; i < frames.length; i++) {
      JsonNode rows =
          nine.call("GET", "/nodes/n1/rrddata?timeframe=" + frames[i], NINE, null).data();
      assertThat(rows.size()).as(frames[i]).isEqualTo(counts[i]);
      assertThat(rows.get(1).get("time").asLong() - rows.get(0).get("time").asLong())
          .isEqualTo(steps[i]);
    }
  }

  @Test
  void guestRrdDataIsNotProxiedAndAMissingFileIsAnRrdError() {
    assertThat(get("/nodes/pve9/qemu/100/rrddata?timeframe=hour").size()).isEqualTo(70);

    Reply missing = eight.call("GET", "/nodes/pve1/qemu/555/rrddata?timeframe=hour", ADMIN, null);
    assertThat(missing.status()).isEqualTo(500);
    assertThat(missing.reason())
        .isEqualTo(
            "RRD error: opening '/var/lib/rrdcached/db/pve2-vm/555': No such file or directory");

    Reply decade = eight.call("GET", "/nodes/pve1/rrddata?timeframe=decade", ADMIN, null);
    assertThat(decade.error("timeframe"))
        .isEqualTo(
            "value 'decade' does not have a value in the enumeration 'hour, day, week, month, year'");
  }

  @Test
  void anActiveSubscriptionHasItsDetailsAndLevel() {
    JsonNode active = get("/nodes/pve1/subscription");

    assertThat(active.get("status").asString()).isEqualTo("active");
    assertThat(active.get("level").asString()).isEqualTo("b");
    assertThat(active.get("key").asString()).matches("pve1b-[0-9a-f]{10}");
    assertThat(active.get("productname").asString()).contains("Basic");
    assertThat(active.get("checktime").isIntegralNumber()).isTrue();
    assertThat(active.get("serverid").asString()).matches("[0-9A-F]{32}");
    assertThat(active.get("sockets").asInt()).isEqualTo(1);
    assertThat(active.has("message")).isFalse();
    assertThat(find(get("/cluster/status"), "node/pve1").get("level").asString()).isEqualTo("b");
    assertThat(find(get("/cluster/status"), "node/pve2").get("level").asString()).isEmpty();
  }

  @Test
  void otherStatesHaveNoLevel() {
    JsonNode expired = get("/nodes/pve2/subscription");
    assertThat(expired.get("status").asString()).isEqualTo("expired");
    assertThat(expired.get("nextduedate").asString()).isEqualTo("2024-12-31");
    assertThat(expired.has("level")).isFalse();

    JsonNode invalid = get("/nodes/pve3/subscription");
    assertThat(invalid.get("status").asString()).isEqualTo("invalid");
    assertThat(invalid.get("message").asString()).isEqualTo("Invalid Server ID");

    assertThat(get("/nodes/pve4/subscription").get("status").asString()).isEqualTo("suspended");
    JsonNode fresh = get("/nodes/pve5/subscription");
    assertThat(fresh.get("status").asString()).isEqualTo("new");
    assertThat(fresh.has("checktime")).isFalse();

    JsonNode none = get("/nodes/pve6/subscription");
    assertThat(none.get("status").asString()).isEqualTo("notfound");
    assertThat(none.get("message").asString()).isEqualTo("There is no subscription key");
    assertThat(none.has("key")).isFalse();
  }

  @Test
  void withoutSysAuditOnlyStatusMessageAndUrlAreShown() {
    JsonNode active = eight.call("GET", "/nodes/pve1/subscription", VM_ONLY, null).data();
    assertThat(active.propertyNames()).containsExactlyInAnyOrder("status", "message", "url");
    assertThat(active.get("message").isNull()).isTrue();

    JsonNode none = eight.call("GET", "/nodes/pve6/subscription", VM_ONLY, null).data();
    assertThat(none.has("serverid")).isFalse();
  }

  private static JsonNode find(JsonNode array, String id) {
    for (JsonNode entry : array) {
      if (entry.get("id").asString().equals(id)) {
        return entry;
      }
    }
    throw new AssertionError("no entry " + id);
  }
}
