package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.simulator.config.FleetConfigReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backup jobs run on their schedule, as pvescheduler runs them: a vzdump task per node with
 * selected guests, and when it ends, each guest's backup in the backup server behind the job's pbs
 * storage, seen through PBS's own API.
 */
class ScheduledBackupsIT {
  static final String FLEET =
      """
      taskDuration: 200ms
      clusters:
        - name: lab
          certificate: sim-4
          nodes: [{name: pve1}, {name: pve2, online: false}]
          storages:
            - {name: backups, type: pbs, content: backup, shared: true, server: vault, datastore: store1}
            - {name: local, type: dir, content: backup}
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running}
            - {vmid: 101, name: ct, type: lxc, node: pve1, status: running}
            - {vmid: 102, name: skip, type: qemu, node: pve1, status: stopped}
            - {vmid: 200, name: away, type: qemu, node: pve2, status: stopped}
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
      pbs:
        - name: vault
          certificate: sim-3
          datastores: [{name: store1}]
          tokens:
            - {id: ctl@pbs!ctl, secret: pbs-secret, role: admin}
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=ctl-secret";

  /** Starts just before a quarter hour, so the first schedule lies ahead. */
  final MovableClock clock =
      new MovableClock(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(14)));

  SimulatedFleet fleet;
  PveHttp lab;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET), clock);
    lab = new PveHttp(fleet.endpoints("lab").get(0));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void aJobRunsAtItsScheduleAndItsBackupsAppearOnTheBackupServer() {
    lab.call(
        "POST",
        "/cluster/backup",
        ADMIN,
        "id=quarterly&schedule=*%3A0%2F15&storage=backups&all=1&exclude=102");
    lab.call(
        "POST",
        "/cluster/backup",
        ADMIN,
        "id=off&schedule=*%3A0%2F15&storage=backups&vmid=102&enabled=0");

    clock.advance(Duration.ofSeconds(61)); // past :15
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fleet.backupServer("vault").lastBackup("store1", "vm", "100").isPresent());

    assertThat(fleet.backupServer("vault").lastBackup("store1", "ct", "101")).isPresent();
    assertThat(fleet.backupServer("vault").lastBackup("store1", "vm", "102"))
        .as("excluded, and its own job is disabled")
        .isEmpty();
    assertThat(fleet.backupServer("vault").lastBackup("store1", "vm", "200"))
        .as("its node is offline")
        .isEmpty();
    var tasks = lab.call("GET", "/nodes/pve1/tasks?source=all", ADMIN, null).data();
    assertThat(tasks.findValuesAsString("type")).containsOnlyOnce("vzdump");
    long first = fleet.backupServer("vault").lastBackup("store1", "vm", "100").orElseThrow();

    clock.advance(Duration.ofMinutes(15));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fleet.backupServer("vault").lastBackup("store1", "vm", "100").orElseThrow()
                    > first);
  }

  /** A clock a test moves forward; it runs on with real time in between. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset;

    MovableClock(Instant start) {
      offset = new AtomicReference<>(Duration.between(Instant.now(), start));
    }

    void advance(Duration by) {
      offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
