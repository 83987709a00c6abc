package io.pdmgitops.reconcilers.backupjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.backupjob.BackupJobAction;
import io.pdmgitops.model.backupjob.BackupJobChange;
import io.pdmgitops.model.backupjob.ObservedBackupJobs;
import io.pdmgitops.model.desired.ApiToken;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.InMemoryJournal;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reconciler against an in-memory cluster: what is sent, journaled, and never sent twice. */
class BackupJobReconcilerTest {
  final InMemoryBackupJobs east = new InMemoryBackupJobs();
  final InMemoryJournal journal = new InMemoryJournal();
  final BackupJobReconciler reconciler =
      new BackupJobReconciler(
          remote -> {
            if (!remote.equals("east")) {
              throw new IllegalStateException(remote + ": no such remote in Git");
            }
            return east;
          },
          journal);

  static PlannedAction action(BackupJobAction type, Map<String, String> set, List<String> delete) {
    return new PlannedAction(
        new ObjectRef(Kind.BACKUP_JOB, "nightly"),
        "east",
        type,
        "test",
        new BackupJobChange("nightly", set, delete));
  }

  static final Map<String, String> NIGHTLY =
      Map.of("schedule", "21:30", "storage", "pbs", "all", "1");

  @Test
  void aMissingJobIsCreatedOnceAndJournaledBeforeItIsSent() {
    int[] jobsWhenJournaled = {-1};
    journal.onPlanned = a -> jobsWhenJournaled[0] = east.jobs.size();

    ReconcileResult result =
        reconciler.execute(action(BackupJobAction.CREATE, NIGHTLY, List.of()), "abc").block();

    assertThat(result).isInstanceOf(ReconcileResult.Done.class);
    assertThat(jobsWhenJournaled[0]).as("journaled before the call").isZero();
    assertThat(east.jobs.get("nightly"))
        .containsEntry("schedule", "21:30")
        .containsEntry("all", "1");
    assertThat(journal.calls).containsExactly("planned 1", "finished 1 OK");
  }

  @Test
  void anUpdateSetsOnlyItsFieldsAndRemovesWhatGitEmptied() {
    east.jobs.put(
        "nightly",
        new java.util.HashMap<>(
            Map.of(
                "schedule",
                "sun 01:00",
                "storage",
                "pbs",
                "all",
                "1",
                "exclude",
                "9000",
                "mode",
                "stop")));

    reconciler
        .execute(
            action(BackupJobAction.UPDATE, Map.of("schedule", "21:30"), List.of("exclude")), "abc")
        .block();

    assertThat(east.jobs.get("nightly"))
        .containsEntry("schedule", "21:30")
        .containsEntry("mode", "stop")
        .doesNotContainKey("exclude");
  }

  @Test
  void anUndeclaredJobIsDeleted() {
    east.jobs.put("backup-1a2b", new java.util.HashMap<>(Map.of("schedule", "daily")));

    ReconcileResult result =
        reconciler
            .execute(
                new PlannedAction(
                    new ObjectRef(Kind.BACKUP_JOB, "east:backup-1a2b"),
                    "east",
                    BackupJobAction.DELETE,
                    "prune",
                    new BackupJobChange("backup-1a2b", Map.of(), List.of())),
                "abc")
            .block();

    assertThat(result).isInstanceOf(ReconcileResult.Done.class);
    assertThat(east.jobs).isEmpty();
  }

  @Test
  void aTokenWithoutSysModifyFailsForGoodWithPvesReasonAndNothingRuns() {
    east.readOnlyToken = true;

    ReconcileResult result =
        reconciler.execute(action(BackupJobAction.CREATE, NIGHTLY, List.of()), "abc").block();

    assertThat(result)
        .isInstanceOfSatisfying(
            ReconcileResult.Failed.class, f -> assertThat(f.reason()).contains("Sys.Modify"));
    assertThat(east.jobs).isEmpty();
    assertThat(journal.calls).containsExactly("planned 1", "notSent 1");
  }

  @Test
  void aClusterThatIsDownIsRetriedLaterAndItsJobsAreNotObserved() {
    east.down = true;

    ReconcileResult result =
        reconciler.execute(action(BackupJobAction.CREATE, NIGHTLY, List.of()), "abc").block();

    assertThat(result).isInstanceOf(ReconcileResult.Retryable.class);
    assertThat(journal.calls).containsExactly("planned 1", "notSent 1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> reconciler.observe(at(remote())).block())
        .hasMessageContaining("connection refused");
  }

  @Test
  void aCreateThatLandedButWhoseAnswerWasLostIsSettledNotSentAgain() {
    east.loseNextAnswer = true;
    PlannedAction create = action(BackupJobAction.CREATE, NIGHTLY, List.of());

    ReconcileResult first = reconciler.execute(create, "abc").block();
    ReconcileResult second = reconciler.execute(create, "abc").block();

    assertThat(first).isInstanceOf(ReconcileResult.Retryable.class);
    assertThat(second).isInstanceOf(ReconcileResult.Done.class);
    assertThat(east.changes)
        .as("the create reached the cluster once")
        .containsExactly("create nightly");
    assertThat(journal.calls)
        .containsExactly("planned 1", "finished 1 OK (found on the remote after a restart)");
  }

  @Test
  void aChangeJournaledByAControllerThatDiedBeforeSendingIsMarkedNeverSent() {
    journal.leftPlanned(BackupJobCodec.encode(action(BackupJobAction.CREATE, NIGHTLY, List.of())));

    ReconcileResult result = reconciler.settle(journal.unfinished().get(0)).block();

    assertThat(result).isInstanceOf(ReconcileResult.RequeueAfter.class);
    assertThat(east.changes).isEmpty();
    assertThat(journal.calls).containsExactly("notSent 1");
  }

  @Test
  void aReadThatFailsIsReportedWithItsReasonForTheJobsThere() {
    east.down = true;

    List<ObservedPart> parts =
        new io.pdmgitops.reconcilers.engine.KindReconcilers(List.of(reconciler))
            .observe(at(remote()))
            .block();

    assertThat(parts)
        .singleElement()
        .isInstanceOfSatisfying(
            io.pdmgitops.model.observed.UnreadPart.class,
            u -> {
              assertThat(u.kind()).isEqualTo(Kind.BACKUP_JOB);
              assertThat(u.reason()).contains("connection refused");
            });
  }

  @Test
  void aPveClusterIsReadAndAPbsIsNot() {
    east.jobs.put("nightly", new java.util.HashMap<>(NIGHTLY));

    List<ObservedPart> parts = reconciler.observe(at(remote())).block();
    List<ObservedPart> pbs = reconciler.observe(at(remote(RemoteType.PBS))).block();

    assertThat(parts)
        .singleElement()
        .isInstanceOfSatisfying(
            ObservedBackupJobs.class,
            jobs ->
                assertThat(jobs.job("nightly")).map(j -> j.parameters().get("all")).contains("1"));
    assertThat(pbs).isEmpty();
  }

  static Remote remote() {
    return remote(RemoteType.PVE);
  }

  /** A read of the remote after a sweep that found it empty. */
  static io.pdmgitops.reconcilers.engine.ReadContext at(Remote remote) {
    return new io.pdmgitops.reconcilers.engine.ReadContext(
        remote,
        io.pdmgitops.model.DesiredState.of(
            List.<io.pdmgitops.model.desired.DesiredObject>of(remote), Map.of()),
        new io.pdmgitops.model.observed.RemoteObservation.Reachable(
            "east", "8.2.4", List.of(), List.of(), List.of(), List.of()));
  }

  static Remote remote(RemoteType type) {
    return new Remote(
        new ObjectMeta("east", Map.of(), Map.of()),
        new Remote.Spec(
            type,
            List.of(new Endpoint("https://pve1.example:8006", Optional.empty())),
            new ApiToken("ctl@pve!ctl", new SecretRef(Optional.of("EAST"), Optional.empty())),
            Optional.empty()));
  }
}
