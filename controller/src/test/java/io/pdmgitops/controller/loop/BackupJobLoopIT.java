package io.pdmgitops.controller.loop;

import static io.pdmgitops.controller.loop.LoopHarness.guest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.backupjob.WebBackupJobApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup jobs through the running loop, the simulator speaking PVE's /cluster/backup over HTTPS: a
 * declared job appears, a change in Git changes only its field, a change made in PVE's UI is
 * undone, and a job nobody declares is shown and left alone.
 */
class BackupJobLoopIT {
  static final String FLEET = ReconcileLoopIT.FLEET;

  static String job(String schedule) {
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: BackupJob
        metadata: {name: nightly}
        spec:
          remote: east
          schedule: "%s"
          storage: local
          selection: {all: true, exclude: [101]}
          retention: {keepLast: 3, keepDaily: 7}
        """
        .formatted(schedule);
  }

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

  Optional<ResourceStatus> status() {
    return h.loop.latestReport().flatMap(r -> r.status(new ObjectRef(Kind.BACKUP_JOB, "nightly")));
  }

  void awaitSynced() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> status().map(s -> s.sync() == SyncStatus.SYNCED).orElse(false));
  }

  Map<String, String> onPve() {
    return h.fleet.cluster("east").backupJobs().get("nightly");
  }

  long changes(String method) {
    return h.fleet.requests("east").stream()
        .filter(
            r -> r.acted() && r.method().equals(method) && r.path().startsWith("/cluster/backup"))
        .count();
  }

  @Test
  void aDeclaredJobIsCreatedChangedFieldByFieldAndKeptAsGitSays() throws Exception {
    h.commit(guest("web", 100, "running"), "baseline", job("21:30"));
    h.start();

    awaitSynced();
    assertThat(onPve())
        .containsEntry("schedule", "21:30")
        .containsEntry("all", "1")
        .containsEntry("exclude", "101")
        .containsEntry("prune-backups", "keep-daily=7,keep-last=3");
    assertThat(changes("POST")).isOne();

    h.commit(guest("web", 100, "running"), "back up later", job("23:00"));
    h.poller.trigger();
    await().atMost(Duration.ofSeconds(20)).until(() -> "23:00".equals(onPve().get("schedule")));
    awaitSynced();
    assertThat(changes("PUT")).isOne();
    assertThat(
            h.fleet.requests("east").stream()
                .filter(r -> r.method().equals("PUT"))
                .map(r -> r.paramNames()))
        .as("only the drifting field is sent")
        .containsExactly(java.util.Set.of("schedule"));

    // Someone changes the schedule in PVE's UI: the next cycle puts Git's back.
    api().update("nightly", Map.of("schedule", "sun 01:00"), List.of()).block();
    await().atMost(Duration.ofSeconds(20)).until(() -> changes("PUT") == 3);
    await().atMost(Duration.ofSeconds(20)).until(() -> "23:00".equals(onPve().get("schedule")));
  }

  @Test
  void aJobNobodyDeclaresIsShownAsUnmanagedAndLeftAlone() throws Exception {
    h.commit(guest("web", 100, "running"), "baseline", job("21:30"));
    h.start();
    awaitSynced();

    api()
        .create(
            "backup-1a2b3c4d-5e6f",
            Map.of("schedule", "sat 02:00", "storage", "local", "vmid", "100"))
        .block();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                h.loop.latestReport().orElseThrow().unmanagedObjects().stream()
                    .anyMatch(u -> u.id().equals("backup-1a2b3c4d-5e6f")));
    assertThat(h.fleet.cluster("east").backupJobs()).containsKey("backup-1a2b3c4d-5e6f");
    assertThat(changes("DELETE")).isZero();
  }

  /** The cluster's API as an admin in PVE's UI would use it, with the controller's own token. */
  WebBackupJobApi api() {
    return new WebBackupJobApi(
        new ProxmoxTransport(
            new RemoteConnection(
                "east",
                Product.PVE,
                List.of(
                    ApiEndpoint.pinned(
                        h.fleet.endpoints("east").get(0), h.fleet.fingerprint("east"))),
                new ApiToken(LoopHarness.TOKEN_ID, LoopHarness.TOKEN_SECRET)),
            ClientSettings.defaults()));
  }
}
