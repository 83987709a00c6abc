package io.pdmgitops.controller.loop;

import static io.pdmgitops.controller.loop.LoopHarness.guest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.backups.LastBackups;
import io.pdmgitops.controller.health.BackupsOverview;
import io.pdmgitops.controller.health.HealthOverview;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.health.BackupRules;
import io.pdmgitops.model.health.BackupServerHealth;
import io.pdmgitops.model.health.DeclaredBackup;
import io.pdmgitops.model.health.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From Git to a backup on the backup server and back to the guest: the loop creates a declared job,
 * the simulated cluster runs it on its schedule into its PBS storage, and the backups overview
 * finds each guest's newest backup through PBS's API, with its datastore's use, its jobs' last runs
 * and the findings they draw; a server that stops answering keeps its last answer, marked stale.
 */
class BackupsOverviewIT {
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
          datastores:
            - {name: store1, size: 1TiB, used: 600GiB, growth: 20GiB}
            - {name: offsite, size: 1TiB, used: 950GiB, prune: "unable to acquire lock on snapshot directory"}
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
  HealthOverview<BackupServerHealth> overview;
  LastBackups backups;

  @BeforeEach
  void start() throws Exception {
    h = new LoopHarness(FLEET, upstream, work);
    overview =
        BackupsOverview.of(
            () ->
                h.snapshots
                    .state()
                    .map(
                        s ->
                            s.remotes().stream()
                                .filter(r -> r.spec().type() == RemoteType.PBS)
                                .toList())
                    .orElse(java.util.List.of()),
            h.clients,
            Duration.ofMinutes(10),
            h.fleetClock);
    backups = new LastBackups(overview.reads());
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** Reads the server now, as the refresh button does, and waits for the answer or the error. */
  void readNow() {
    h.fleetClock.advance(Duration.ofMinutes(11)); // past the first spread and any earlier read
    var before = overview.reads().reads().get("vault");
    overview.reads().tick();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              var now = overview.reads().reads().get("vault");
              return now != null && (before == null || !now.triedAt().equals(before.triedAt()));
            });
  }

  List<String> rules() {
    var read = overview.reads().reads().get("vault");
    return read
        .value()
        .map(v -> BackupRules.server("vault", v, h.fleetClock.instant()))
        .orElseThrow()
        .stream()
        .map(Finding::rule)
        .toList();
  }

  @Test
  void aDeclaredJobsBackupsAreFoundForEachGuestWithTheServersStateAndKeptWhenItStopsAnswering()
      throws Exception {
    h.commit(guest("web", 100, "running"), "baseline", JOB);
    h.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").backupJobs().containsKey("often"));
    await().atMost(Duration.ofSeconds(20)).until(() -> h.loop.latestObserved().isPresent());

    readNow();
    assertThat(backups.newest("east", GuestType.QEMU, 100)).as("nothing has run yet").isEmpty();
    assertThat(rules())
        .as("offsite is 93% full and its prune failed; store1 fills in about 20 days")
        .containsExactlyInAnyOrder(
            "datastore-nearly-full", "backup-job-failed", "datastore-full-soon");
    DeclaredBackup web =
        new DeclaredBackup(
            "east", 100, GuestType.QEMU, "web", Optional.of(Duration.ofHours(48)), "default");
    assertThat(
            BackupRules.missing(
                List.of(web), BackupsOverview.answers(overview.reads()), h.fleetClock.instant()))
        .singleElement()
        .satisfies(
            f -> assertThat(f.why()).contains("has no backup on any declared backup server"));

    h.fleetClock.advance(Duration.ofSeconds(61)); // the job's next minute
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> h.fleet.backupServer("vault").lastBackup("store1", "vm", "100").isPresent());
    readNow();

    assertThat(backups.newest("east", GuestType.QEMU, 100))
        .hasValueSatisfying(
            f -> {
              assertThat(f.remote()).isEqualTo("vault");
              assertThat(f.datastore()).isEqualTo("store1");
              assertThat(f.count()).isOne();
              assertThat(f.verify()).as("no verify job read it yet").isEmpty();
            });
    assertThat(backups.newest("east", GuestType.LXC, 101))
        .as("a container's group is ct/101")
        .isPresent();
    assertThat(backups.newest("east", GuestType.QEMU, 101)).isEmpty();
    assertThat(
            BackupRules.missing(
                List.of(web), BackupsOverview.answers(overview.reads()), h.fleetClock.instant()))
        .as("a backup within 48 h")
        .isEmpty();
    assertThat(
            BackupRules.missing(
                List.of(web),
                BackupsOverview.answers(overview.reads()),
                h.fleetClock.instant().plus(Duration.ofHours(49))))
        .as("two days later without another")
        .singleElement()
        .satisfies(f -> assertThat(f.why()).contains("on vault/store1/vm/100"));

    h.fleet.setDown("vault", true);
    readNow();

    assertThat(backups.newest("east", GuestType.QEMU, 100)).as("the last answer stays").isPresent();
    assertThat(backups.servers().get("vault").error()).isPresent();
  }
}
