package io.pdmgitops.reconcilers.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.GuestLockedException;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migrations between nodes and between two simulated clusters: the source authenticates against the
 * target with the token and pin the client hands over, the guest is locked while it moves and
 * appears on the target at the end.
 */
class MigrationIT {
  static final String FLEET =
      """
      taskDuration: 300ms
      clusters:
        - name: east
          certificate: sim-1
          nodes: [{name: e1}, {name: e2}]
          guests:
            - {vmid: 100, name: web, type: qemu, node: e1, status: running, tags: [prod]}
            - {vmid: 101, name: db, type: qemu, node: e1, status: stopped}
            - {vmid: 102, name: cache, type: lxc, node: e2, status: running}
          tokens: [{id: ctl@pve!ctl, secret: east-secret, role: admin}]
        - name: west
          certificate: sim-2
          nodes: [{name: w1}]
          guests:
            - {vmid: 300, name: taken, type: qemu, node: w1, status: stopped}
          tokens: [{id: mig@pve!mig, secret: west-secret, role: admin}]
      """;

  SimulatedFleet fleet;
  PveClient east;
  PveClient west;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    east = client("east", "ctl@pve!ctl", "east-secret");
    west = client("west", "mig@pve!mig", "west-secret");
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  PveClient client(String remote, String id, String secret) {
    var endpoints =
        fleet.endpoints(remote).stream()
            .map(u -> ApiEndpoint.pinned(u, fleet.fingerprint(remote)))
            .toList();
    return new WebPveClient(
        new ProxmoxTransport(
            new RemoteConnection(remote, Product.PVE, endpoints, new ApiToken(id, secret)),
            ClientSettings.defaults()));
  }

  RemoteMigrationRequest toWest(String secret, Optional<Integer> targetVmid, boolean delete) {
    return toWest(GuestType.QEMU, secret, targetVmid, delete, Optional.empty());
  }

  RemoteMigrationRequest toWest(
      GuestType type,
      String secret,
      Optional<Integer> targetVmid,
      boolean delete,
      Optional<Integer> restartTimeout) {
    URI target = fleet.endpoints("west").get(0);
    return new RemoteMigrationRequest(
        type,
        target.getHost(),
        target.getPort(),
        new ApiToken("mig@pve!mig", secret),
        fleet.fingerprint("west"),
        Map.of("*", "local-zfs"),
        Map.of("*", "vmbr0"),
        targetVmid,
        true,
        restartTimeout,
        delete,
        Optional.of(102_400L));
  }

  @Test
  void movesARunningVmToAnotherClusterAndKeepsTheSourceStopped() {
    Upid upid =
        east.remoteMigrate("e1", 100, toWest("west-secret", Optional.of(250), false)).block();

    assertThat(upid.type()).isEqualTo("qmigrate");
    assertThat(east.guestStatus("e1", GuestType.QEMU, 100).block().lock()).contains("migrate");
    TaskStatus done = finished(east, upid);
    assertThat(done.succeeded()).as("%s", done).isTrue();
    GuestSummary moved = west.guestStatus("w1", GuestType.QEMU, 250).block();
    assertThat(moved.name()).contains("web");
    assertThat(moved.isRunning()).isTrue();
    GuestSummary source = east.guestStatus("e1", GuestType.QEMU, 100).block();
    assertThat(source.isRunning()).isFalse();
    assertThat(source.lock()).isEmpty();
    TaskLog log = east.taskLog(upid, 0, 0).block();
    assertThat(log.lines())
        .extracting(TaskLog.Line::t)
        .anyMatch(t -> t.endsWith("migration finished successfully"));
  }

  @Test
  void deleteRemovesTheSourceAfterTheMove() {
    TaskStatus done =
        finished(
            east,
            east.remoteMigrate("e1", 101, toWest("west-secret", Optional.empty(), true)).block());

    assertThat(done.succeeded()).isTrue();
    assertThat(fleet.cluster("east").guest(101)).isEmpty();
    assertThat(fleet.cluster("west").guest(101))
        .hasValueSatisfying(g -> assertThat(g.status()).isEqualTo("stopped"));
  }

  @Test
  void aWrongTargetTokenIsRefusedBeforeAnyTaskStarts() {
    assertThatThrownBy(
            () -> east.remoteMigrate("e1", 101, toWest("wrong", Optional.empty(), false)).block())
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("east: failed to get target cluster status - Authentication failed!")
        .hasMessageNotContaining("wrong");

    assertThat(fleet.cluster("east").guest(101).orElseThrow().lock()).isEmpty();
    assertThat(fleet.cluster("east").tasksStarted("qmigrate", 101)).isZero();
  }

  @Test
  void aTakenTargetVmidAbortsTheMigration() {
    TaskStatus done =
        finished(
            east,
            east.remoteMigrate("e1", 101, toWest("west-secret", Optional.of(300), false)).block());

    assertThat(done.succeeded()).isFalse();
    assertThat(east.taskLog(Upid.parse(done.upid()).orElseThrow(), 0, 0).block().lines())
        .extracting(TaskLog.Line::t)
        .anyMatch(t -> t.contains("VM 300 already exists"));
  }

  @Test
  void migratesWithinTheClusterAndRefusesWhatPveRefuses() {
    // A request that takes a running guest for a stopped one sends neither online nor restart.
    assertThatThrownBy(
            () ->
                east.migrate(
                        "e1",
                        100,
                        new MigrationRequest(
                            GuestType.QEMU, "e2", false, Optional.empty(), Optional.empty()))
                    .block())
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("east: can't migrate running VM without --online");
    assertThatThrownBy(
            () ->
                east.migrate(
                        "e2",
                        102,
                        new MigrationRequest(
                            GuestType.LXC, "e1", false, Optional.empty(), Optional.empty()))
                    .block())
        .hasMessage("east: can't migrate running container without --online or --restart");

    MigrationRequest live =
        new MigrationRequest(GuestType.QEMU, "e2", true, Optional.empty(), Optional.of(51_200L));
    Upid upid = east.migrate("e1", 100, live).block();
    assertThatThrownBy(() -> east.migrate("e1", 100, live).block())
        .isInstanceOfSatisfying(
            GuestLockedException.class, e -> assertThat(e.lock()).contains("migrate"));

    assertThat(finished(east, upid).succeeded()).isTrue();
    assertThat(east.guestStatus("e2", GuestType.QEMU, 100).block().lock()).isEmpty();
    assertThat(fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("running");
  }

  @Test
  void aRunningContainerMovesByRestartAndRunsOnTheTarget() {
    Upid upid =
        east.migrate(
                "e2",
                102,
                new MigrationRequest(
                    GuestType.LXC, "e1", true, Optional.of(30), Optional.of(51_200L)))
            .block();

    assertThat(upid.type()).isEqualTo("vzmigrate");
    TaskStatus done = finished(east, upid);
    assertThat(done.succeeded()).as("%s", done).isTrue();
    GuestSummary moved = east.guestStatus("e1", GuestType.LXC, 102).block();
    assertThat(moved.isRunning()).isTrue();
    assertThat(moved.lock()).isEmpty();
  }

  @Test
  void aRunningContainerMovesToAnotherClusterByRestart() {
    Upid upid =
        east.remoteMigrate(
                "e2",
                102,
                toWest(GuestType.LXC, "west-secret", Optional.empty(), false, Optional.of(30)))
            .block();

    TaskStatus done = finished(east, upid);
    assertThat(done.succeeded()).as("%s", done).isTrue();
    assertThat(west.guestStatus("w1", GuestType.LXC, 102).block().isRunning()).isTrue();
  }

  private static TaskStatus finished(PveClient client, Upid upid) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !client.taskStatus(upid).block().isRunning());
    return client.taskStatus(upid).block();
  }
}
