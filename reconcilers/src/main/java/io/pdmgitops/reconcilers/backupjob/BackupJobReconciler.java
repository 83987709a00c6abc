package io.pdmgitops.reconcilers.backupjob;

import io.pdmgitops.model.backupjob.BackupJobAction;
import io.pdmgitops.model.backupjob.BackupJobChange;
import io.pdmgitops.model.backupjob.BackupJobRules;
import io.pdmgitops.model.backupjob.ObservedBackupJobs;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.JournalSteps;
import io.pdmgitops.reconcilers.engine.KindReconciler;
import io.pdmgitops.reconcilers.engine.ReadContext;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Backup jobs: read with one {@code GET /cluster/backup} per PVE remote and poll, judged and
 * planned by {@link BackupJobRules}, and changed with one synchronous call each, journaled before
 * it is sent. A call whose answer was lost is settled by reading the jobs again: if the change is
 * there it is recorded as done, otherwise as never sent; it is never sent a second time blind.
 */
public final class BackupJobReconciler implements KindReconciler {
  private final BackupJobRules rules = new BackupJobRules();
  private final Function<String, BackupJobApi> apis;
  private final ActionJournal journal;

  /**
   * @param apis a remote's backup job API by remote name; throws {@link IllegalStateException} with
   *     a message fit for the journal when the remote cannot be called (no secret)
   */
  public BackupJobReconciler(Function<String, BackupJobApi> apis, ActionJournal journal) {
    this.apis = apis;
    this.journal = journal;
  }

  @Override
  public KindRules rules() {
    return rules;
  }

  /** PVE clusters only: a PBS has no {@code /cluster/backup}. */
  @Override
  public Mono<List<ObservedPart>> observe(ReadContext context) {
    Remote remote = context.remote();
    if (remote.spec().type() != RemoteType.PVE) {
      return Mono.just(List.of());
    }
    return Mono.defer(() -> apis.apply(remote.metadata().name()).list())
        .map(jobs -> List.<ObservedPart>of(new ObservedBackupJobs(jobs)));
  }

  @Override
  public Mono<ReconcileResult> execute(PlannedAction action, String commitSha) {
    return JournalSteps.execute(
        journal,
        action.resource(),
        BackupJobCodec.encode(action),
        commitSha,
        this::settle,
        id -> send(action, id));
  }

  private Mono<ReconcileResult> send(PlannedAction action, long id) {
    BackupJobChange change = (BackupJobChange) action.params();
    return JournalSteps.sendCall(
        journal,
        id,
        () -> {
          BackupJobApi api = apis.apply(action.remote());
          return switch ((BackupJobAction) action.type()) {
            case CREATE -> api.create(change.id(), change.set());
            case UPDATE -> api.update(change.id(), change.set(), change.delete());
            case DELETE -> api.delete(change.id());
          };
        },
        ReconcileResult::of);
  }

  /**
   * A change whose end is not known: the remote's jobs say whether it landed. Nothing is sent here;
   * a change that did not land is planned again by the next cycle, from a fresh observation.
   */
  @Override
  public Mono<ReconcileResult> settle(ActionJournal.Entry entry) {
    PlannedAction action = BackupJobCodec.decode(entry.action());
    BackupJobChange change = (BackupJobChange) action.params();
    return JournalSteps.settleCall(
        journal,
        entry.id(),
        () ->
            apis.apply(action.remote())
                .list()
                .map(
                    jobs -> {
                      Optional<ObservedBackupJobs.Job> job =
                          jobs.stream().filter(j -> j.id().equals(change.id())).findFirst();
                      return switch ((BackupJobAction) action.type()) {
                        case CREATE, UPDATE -> job.map(j -> applied(j, change)).orElse(false);
                        case DELETE -> job.isEmpty();
                      };
                    }));
  }

  /** Whether the job has every parameter the change set, as text, and none it deleted. */
  private static boolean applied(ObservedBackupJobs.Job job, BackupJobChange change) {
    Map<String, String> has = job.parameters();
    for (Map.Entry<String, String> set : change.set().entrySet()) {
      if (!set.getValue().equals(has.get(set.getKey()))) {
        return false;
      }
    }
    return change.delete().stream().noneMatch(has::containsKey);
  }
}
