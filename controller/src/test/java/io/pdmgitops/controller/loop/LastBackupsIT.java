package io.pdmgitops.controller.loop;

import static io.pdmgitops.controller.loop.LoopHarness.guest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.backups.LastBackups;
import io.pdmgitops.model.desired.GuestType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From Git to a backup on the backup server and back to the guest: the loop creates a declared job,
 * the simulated cluster runs it on its schedule into its PBS storage, and the controller finds each
 * guest's newest backup through PBS's API; a server that stops answering keeps its last answer,
 * marked with the error.
 */
class LastBackupsIT {
  static final String FLEET =
      """
      taskDuration: 200ms
      clusters:
        - name: east
          certificate: sim-1
          nodes: [{name: pve1}]
          storages:
            - {name: vault, type: pbs, content: backup, shared: true, server: vault, datastore: store1}
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running}
            - {vmid: 101, name: dns, type: lxc, node: pve1, status: running}
          tokens: [{id: ctl@pve!ctl, secret: e2e-secret, role: admin}]
      pbs:
        - name: vault
          certificate: sim-3
          datastores: [{name: store1}, {name: offsite}]
          tokens: [{id: ctl@pve!ctl, secret: e2e-secret, role: admin}]
      """;

  static final String JOB =
      """
      apiVersion: pdm-gitops/v1
      kind: BackupJob
      metadata: {name: often}
      spec:
        remote: east
        schedule: minutely
        storage: vault
        selection: {all: true}
      """;

  @TempDir Path upstream;
  @TempDir Path work;
  LoopHarness h;
  LastBackups backups;

  @BeforeEach
  void start() throws Exception {
    h = new LoopHarness(FLEET, upstream, work);
    backups =
        new LastBackups(
            h.snapshots::state,
            () -> h.loop.latestObserved().map(ReconcileLoop.Observed::inventory),
            (remote, store) -> {
              try {
                return h.clients.pbs(remote).groups(store);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    backups.close();
    h.close();
  }

  @Test
  void aDeclaredJobsBackupsAreFoundForEachGuestAndKeptWhenTheServerStopsAnswering()
      throws Exception {
    h.commit(guest("web", 100, "running"), "baseline", JOB);
    h.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").backupJobs().containsKey("often"));
    await().atMost(Duration.ofSeconds(20)).until(() -> h.loop.latestObserved().isPresent());

    backups.refresh().block();
    assertThat(backups.newest(GuestType.QEMU, 100)).as("nothing has run yet").isEmpty();

    h.fleetClock.advance(Duration.ofSeconds(61)); // the job's next minute
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> h.fleet.backupServer("vault").lastBackup("store1", "vm", "100").isPresent());
    backups.refresh().block();

    assertThat(backups.newest(GuestType.QEMU, 100))
        .hasValueSatisfying(
            f -> {
              assertThat(f.remote()).isEqualTo("vault");
              assertThat(f.datastore()).isEqualTo("store1");
              assertThat(f.count()).isOne();
            });
    assertThat(backups.newest(GuestType.LXC, 101)).as("a container's group is ct/101").isPresent();
    assertThat(backups.newest(GuestType.QEMU, 101)).isEmpty();

    h.fleet.setDown("vault", true);
    backups.refresh().block();

    assertThat(backups.newest(GuestType.QEMU, 100)).as("the last answer stays").isPresent();
    assertThat(backups.servers().get("vault").error()).isPresent();
  }
}
