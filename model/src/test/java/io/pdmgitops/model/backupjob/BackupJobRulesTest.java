package io.pdmgitops.model.backupjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.observed.Unreachability;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A declared job against what PVE lists: created, updated field by field, or left alone. */
class BackupJobRulesTest {
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  static final Rulebook RULES = Rulebook.of(List.of(new BackupJobRules()));

  @TempDir Path repo;

  DesiredState state(String jobs, String... pruneUnmanaged) throws Exception {
    String prune =
        pruneUnmanaged.length == 0
            ? ""
            : "\n  pruneUnmanaged: [" + String.join(", ", pruneUnmanaged) + "]";
    Files.writeString(
        repo.resolve("remotes.yaml"),
        """
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata: {name: east}
        spec:
          type: pve
          endpoints: [{url: "https://pve1.example:8006"}]
          token: {id: "ctl@pve!ctl", secret: {env: EAST}}%s
        """
            .formatted(prune));
    Files.writeString(repo.resolve("jobs.yaml"), jobs);
    var loaded = new DesiredStateLoader().load(repo);
    assertThat(loaded.problems()).as("test repository").noneMatch(p -> p.isError());
    return loaded.state().orElseThrow();
  }

  static final String NIGHTLY =
      """
      apiVersion: pdm-gitops/v1
      kind: BackupJob
      metadata: {name: nightly}
      spec:
        remote: east
        schedule: "21:30"
        storage: pbs
        selection: {all: true, exclude: [9000]}
        retention: {keepLast: 3, keepDaily: 7}
      """;

  static Inventory observed(ObservedBackupJobs.Job... jobs) {
    return Inventory.of(
            NOW, List.of(new RemoteObservation.Reachable("east", "9.0.3", List.of(), List.of())))
        .withParts("east", List.<ObservedPart>of(new ObservedBackupJobs(List.of(jobs))));
  }

  static ObservedBackupJobs.Job job(String id, Map<String, String> parameters) {
    return new ObservedBackupJobs.Job(id, parameters);
  }

  static final Map<String, String> NIGHTLY_ON_PVE =
      Map.of(
          "schedule", "21:30",
          "storage", "pbs",
          "all", "1",
          "exclude", "9000",
          "prune-backups", "keep-daily=7,keep-last=3",
          "enabled", "1",
          "type", "vzdump");

  Plan plan(DesiredState state, Inventory inventory, PlanScope scope) {
    DriftReport report = RULES.detect(state, inventory, DriftPolicy.ENFORCE);
    return RULES.review(report, state, inventory, scope);
  }

  ResourceStatus status(DesiredState state, Inventory inventory) {
    return RULES.detect(state, inventory, DriftPolicy.ENFORCE).resources().get(0);
  }

  @Test
  void aMissingJobIsCreatedWithEveryDeclaredField() throws Exception {
    DesiredState state = state(NIGHTLY);

    ResourceStatus status = status(state, observed());
    Plan plan = plan(state, observed(), PlanScope.WHOLE);

    assertThat(status.sync()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    assertThat(status.health()).isEqualTo(Health.MISSING);
    assertThat(status.remote()).as("grouped under its remote on the drift page").contains("east");
    assertThat(plan.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.type()).isEqualTo(BackupJobAction.CREATE);
              assertThat(a.remote()).isEqualTo("east");
              BackupJobChange change = (BackupJobChange) a.params();
              assertThat(change.id()).isEqualTo("nightly");
              assertThat(change.set())
                  .containsOnly(
                      Map.entry("schedule", "21:30"),
                      Map.entry("storage", "pbs"),
                      Map.entry("all", "1"),
                      Map.entry("exclude", "9000"),
                      Map.entry("prune-backups", "keep-daily=7,keep-last=3"));
            });
  }

  @Test
  void aJobAsDeclaredIsSyncedWhateverOrderPveWritesItsRetentionIn() throws Exception {
    Map<String, String> reordered = new java.util.HashMap<>(NIGHTLY_ON_PVE);
    reordered.put("prune-backups", "keep-last=3,keep-daily=7");
    reordered.remove("enabled"); // PVE's default

    ResourceStatus status = status(state(NIGHTLY), observed(job("nightly", reordered)));

    assertThat(status.sync()).isEqualTo(SyncStatus.SYNCED);
    assertThat(status.health()).isEqualTo(Health.HEALTHY);
    assertThat(status.drifts()).isEmpty();
  }

  @Test
  void aDriftingFieldIsUpdatedAloneAndAnUndeclaredOneIsLeftAsItIs() throws Exception {
    Map<String, String> changed = new java.util.HashMap<>(NIGHTLY_ON_PVE);
    changed.put("schedule", "sun 01:00"); // changed in PVE's UI
    changed.put("mode", "stop"); // not declared in Git: not managed

    DesiredState state = state(NIGHTLY);
    Plan plan = plan(state, observed(job("nightly", changed)), PlanScope.WHOLE);

    assertThat(status(state, observed(job("nightly", changed))).drifts())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).isEqualTo(BackupJobField.SCHEDULE);
              assertThat(d.desired()).isEqualTo("21:30");
              assertThat(d.observed()).isEqualTo("sun 01:00");
            });
    assertThat(plan.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.type()).isEqualTo(BackupJobAction.UPDATE);
              assertThat(((BackupJobChange) a.params()).set())
                  .containsOnly(Map.entry("schedule", "21:30"));
              assertThat(((BackupJobChange) a.params()).delete()).isEmpty();
            });
  }

  @Test
  void anExcludeListEmptiedInGitIsDeletedOnTheRemote() throws Exception {
    DesiredState state = state(NIGHTLY.replace(", exclude: [9000]", ""));

    Plan plan = plan(state, observed(job("nightly", NIGHTLY_ON_PVE)), PlanScope.WHOLE);

    assertThat(plan.actions())
        .singleElement()
        .satisfies(
            a -> {
              BackupJobChange change = (BackupJobChange) a.params();
              assertThat(change.set()).isEmpty();
              assertThat(change.delete()).containsExactly("exclude");
            });
  }

  @Test
  void reportAndIgnoreShowDriftButSendNothing() throws Exception {
    for (String policy : List.of("report", "ignore")) {
      DesiredState state = state(NIGHTLY + "  policy: " + policy + "\n");

      assertThat(status(state, observed()).sync()).isEqualTo(SyncStatus.OUT_OF_SYNC);
      assertThat(plan(state, observed(), PlanScope.WHOLE).actions()).as(policy).isEmpty();
    }
  }

  @Test
  void aRemoteThatIsDownOrWhoseJobsWereNotReadLeavesTheJobUnknown() throws Exception {
    DesiredState state = state(NIGHTLY);
    Inventory down =
        Inventory.of(
            NOW,
            List.of(
                new RemoteObservation.Unreachable(
                    "east", Unreachability.CONNECTION, "connection refused")));
    Inventory notRead =
        Inventory.of(
            NOW, List.of(new RemoteObservation.Reachable("east", "9.0.3", List.of(), List.of())));

    assertThat(status(state, down).sync()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(status(state, down).message()).contains("unreachable: connection refused");
    assertThat(status(state, notRead).message()).contains("could not be read");
    Inventory refused =
        notRead.withParts(
            "east",
            List.<ObservedPart>of(
                new io.pdmgitops.model.observed.UnreadPart(
                    Kind.BACKUP_JOB, "Permission check failed (/, Sys.Audit)")));
    assertThat(status(state, refused).message())
        .isEqualTo(
            "the backup jobs of east could not be read: Permission check failed (/, Sys.Audit)");
    assertThat(plan(state, down, PlanScope.WHOLE).actions()).isEmpty();
    assertThat(plan(state, notRead, PlanScope.WHOLE).actions()).isEmpty();
  }

  @Test
  void undeclaredJobsAreShownAndPrunedOnlyWhereTheRemoteOptsInAndOnlyFromAWholePlan()
      throws Exception {
    Inventory withStranger =
        observed(
            job("nightly", NIGHTLY_ON_PVE),
            job(
                "backup-1a2b3c4d-5e6f",
                Map.of("schedule", "sat 02:00", "storage", "local", "vmid", "100")));

    DesiredState shownOnly = state(NIGHTLY);
    assertThat(RULES.detect(shownOnly, withStranger, DriftPolicy.ENFORCE).unmanagedObjects())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.kind()).isEqualTo(Kind.BACKUP_JOB);
              assertThat(u.id()).isEqualTo("backup-1a2b3c4d-5e6f");
              assertThat(u.summary()).isEqualTo("sat 02:00 to local, vmids 100");
            });
    assertThat(plan(shownOnly, withStranger, PlanScope.WHOLE).actions()).isEmpty();

    DesiredState pruning = state(NIGHTLY, "BackupJob");
    assertThat(plan(pruning, withStranger, PlanScope.PART).actions())
        .as("a partial plan does not know what is declared elsewhere")
        .isEmpty();
    List<PlannedAction> prunes = plan(pruning, withStranger, PlanScope.WHOLE).actions();
    assertThat(prunes)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.type()).isEqualTo(BackupJobAction.DELETE);
              assertThat(a.resource())
                  .isEqualTo(new ObjectRef(Kind.BACKUP_JOB, "east:backup-1a2b3c4d-5e6f"));
              assertThat(((BackupJobChange) a.params()).id()).isEqualTo("backup-1a2b3c4d-5e6f");
            });
  }

  @Test
  void aDisabledJobIsDegradedEvenWhenGitAgrees() throws Exception {
    Map<String, String> disabled = new java.util.HashMap<>(NIGHTLY_ON_PVE);
    disabled.put("enabled", "0");

    ResourceStatus status =
        status(state(NIGHTLY + "  enabled: false\n"), observed(job("nightly", disabled)));

    assertThat(status.sync()).isEqualTo(SyncStatus.SYNCED);
    assertThat(status.health()).isEqualTo(Health.DEGRADED);
    assertThat(status.message()).isEqualTo("disabled on east");
  }
}
