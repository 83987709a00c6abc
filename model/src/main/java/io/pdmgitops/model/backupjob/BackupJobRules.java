package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.drift.UnmanagedObject;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Backup jobs: each declared job is looked up by id in its remote's job list and compared field by
 * field ({@link BackupJobField}); a missing one is created, a drifting one updated with just the
 * drifting fields. Jobs nobody declares are shown as unmanaged, and deleted only on a remote whose
 * {@code pruneUnmanaged} names this kind, and only from a plan of the whole state.
 */
public final class BackupJobRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.BACKUP_JOB;
  }

  @Override
  public Set<String> remotesOf(DesiredObject object) {
    return Set.of(((BackupJob) object).spec().remote());
  }

  @Override
  public Optional<String> homeOf(DesiredObject object) {
    return Optional.of(((BackupJob) object).spec().remote());
  }

  @Override
  public List<ResourceStatus> judge(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    List<ResourceStatus> out = new ArrayList<>();
    for (BackupJob job : state.all(BackupJob.class)) {
      out.add(judge(job, inventory, job.spec().policy().orElse(defaultPolicy)));
    }
    return out;
  }

  private static ResourceStatus judge(BackupJob job, Inventory inventory, DriftPolicy policy) {
    String remote = job.spec().remote();
    Optional<RemoteObservation> observed = inventory.remote(remote);
    if (observed.isEmpty()) {
      return unknown(job, policy, "remote " + remote + " has not been observed yet");
    }
    if (observed.get() instanceof RemoteObservation.Unreachable u) {
      return unknown(job, policy, "remote " + remote + " is unreachable: " + u.message());
    }
    Optional<ObservedBackupJobs> jobs = inventory.part(remote, ObservedBackupJobs.class);
    if (jobs.isEmpty()) {
      return unknown(
          job,
          policy,
          "the backup jobs of "
              + remote
              + " could not be read"
              + inventory.unread(remote, Kind.BACKUP_JOB).map(why -> ": " + why).orElse(""));
    }
    Optional<ObservedBackupJobs.Job> found = jobs.get().job(job.jobId());
    if (found.isEmpty()) {
      return status(
          job,
          SyncStatus.OUT_OF_SYNC,
          Health.MISSING,
          List.of(new FieldDrift(BackupJobField.PRESENT, "job " + job.jobId(), "none")),
          policy,
          "no job " + job.jobId() + " on " + remote);
    }
    Map<BackupJobField, String> want = BackupJobWire.desired(job.spec());
    Map<BackupJobField, String> have = BackupJobWire.observed(found.get());
    List<FieldDrift> drifts = new ArrayList<>();
    want.forEach(
        (field, value) -> {
          String is = have.getOrDefault(field, "");
          if (!value.equals(is)) {
            drifts.add(new FieldDrift(field, shown(value), shown(is)));
          }
        });
    Health health = "0".equals(have.get(BackupJobField.ENABLED)) ? Health.DEGRADED : Health.HEALTHY;
    if (drifts.isEmpty()) {
      return status(
          job,
          SyncStatus.SYNCED,
          health,
          drifts,
          policy,
          health == Health.DEGRADED ? "disabled on " + remote : "");
    }
    StringBuilder message = new StringBuilder();
    for (FieldDrift d : drifts) {
      message
          .append(message.isEmpty() ? "" : "; ")
          .append(d.path())
          .append(": want ")
          .append(d.desired())
          .append(", is ")
          .append(d.observed());
    }
    return status(job, SyncStatus.OUT_OF_SYNC, health, drifts, policy, message.toString());
  }

  /** Not observed, so neither judged nor acted on. */
  private static ResourceStatus unknown(BackupJob job, DriftPolicy policy, String message) {
    return status(job, SyncStatus.UNKNOWN, Health.UNKNOWN, List.of(), policy, message);
  }

  private static String shown(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  private static ResourceStatus status(
      BackupJob job,
      SyncStatus sync,
      Health health,
      List<FieldDrift> drifts,
      DriftPolicy policy,
      String message) {
    boolean actionable = sync == SyncStatus.OUT_OF_SYNC;
    return new ResourceStatus(
        ObjectRef.of(job),
        sync,
        health,
        drifts,
        policy,
        actionable,
        message,
        Optional.empty(),
        Optional.of(job.spec().remote()));
  }

  @Override
  public List<UnmanagedObject> unmanaged(DesiredState state, Inventory inventory) {
    List<UnmanagedObject> out = new ArrayList<>();
    for (Remote remote : state.remotes()) {
      if (remote.spec().type() != RemoteType.PVE) {
        continue;
      }
      String name = remote.metadata().name();
      Set<String> declared = declaredIds(state, name);
      inventory
          .part(name, ObservedBackupJobs.class)
          .ifPresent(
              jobs ->
                  jobs.jobs().stream()
                      .filter(j -> !declared.contains(j.id()))
                      .forEach(
                          j ->
                              out.add(
                                  new UnmanagedObject(
                                      Kind.BACKUP_JOB, name, j.id(), BackupJobWire.summary(j)))));
    }
    return out;
  }

  private static Set<String> declaredIds(DesiredState state, String remote) {
    Set<String> ids = new HashSet<>();
    for (BackupJob job : state.all(BackupJob.class)) {
      if (job.spec().remote().equals(remote)) {
        ids.add(job.jobId());
      }
    }
    return ids;
  }

  @Override
  public Plan plan(
      List<ResourceStatus> verdicts, DesiredState state, Inventory inventory, PlanScope scope) {
    List<PlannedAction> actions = new ArrayList<>();
    for (ResourceStatus status : verdicts) {
      if (status.policy() != DriftPolicy.ENFORCE
          || !status.actionable()
          || status.sync() != SyncStatus.OUT_OF_SYNC) {
        continue;
      }
      Optional<BackupJob> job =
          state.all(BackupJob.class).stream()
              .filter(j -> ObjectRef.of(j).equals(status.ref()))
              .findFirst();
      job.ifPresent(j -> actions.add(action(j, status)));
    }
    if (scope == PlanScope.WHOLE) {
      actions.addAll(prunes(state, inventory));
    }
    return new Plan(actions, List.of());
  }

  private static PlannedAction action(BackupJob job, ResourceStatus status) {
    if (status.drifted(BackupJobField.PRESENT)) {
      return new PlannedAction(
          status.ref(),
          job.spec().remote(),
          BackupJobAction.CREATE,
          "missing on " + job.spec().remote(),
          new BackupJobChange(job.jobId(), BackupJobWire.createParameters(job.spec()), List.of()));
    }
    List<BackupJobField> fields =
        status.drifts().stream().map(d -> (BackupJobField) d.field()).toList();
    return new PlannedAction(
        status.ref(),
        job.spec().remote(),
        BackupJobAction.UPDATE,
        status.message(),
        new BackupJobChange(
            job.jobId(),
            BackupJobWire.parameters(fields, job.spec()),
            BackupJobWire.deletions(fields, job.spec())));
  }

  /** Deletes of undeclared jobs, on the remotes that opt in. */
  private List<PlannedAction> prunes(DesiredState state, Inventory inventory) {
    List<PlannedAction> out = new ArrayList<>();
    for (UnmanagedObject u : unmanaged(state, inventory)) {
      boolean optIn =
          state
              .remote(u.remote())
              .map(r -> r.spec().pruneUnmanaged().contains(Kind.BACKUP_JOB.kindName()))
              .orElse(false);
      if (optIn) {
        out.add(
            new PlannedAction(
                unmanagedRef(u.remote(), u.id()),
                u.remote(),
                BackupJobAction.DELETE,
                "not declared in Git, and " + u.remote() + " prunes undeclared backup jobs",
                new BackupJobChange(u.id(), Map.of(), List.of())));
      }
    }
    return out;
  }

  /** The name an undeclared job's actions are journaled under: {@code remote:id}. */
  public static ObjectRef unmanagedRef(String remote, String id) {
    return new ObjectRef(Kind.BACKUP_JOB, remote + ":" + id);
  }

  /**
   * The job's spec (a new token or a changed field) and what the remote has for it: a failed call
   * is retried for good only when one of them changes.
   */
  @Override
  public String fingerprint(PlannedAction action, DesiredState state, Inventory inventory) {
    Optional<Object> spec =
        state.all(BackupJob.class).stream()
            .filter(j -> ObjectRef.of(j).equals(action.resource()))
            .findFirst()
            .map(BackupJob::spec);
    Optional<Remote.Spec> remote = state.remote(action.remote()).map(Remote::spec);
    String id = ((BackupJobChange) action.params()).id();
    Optional<ObservedBackupJobs.Job> observed =
        inventory.part(action.remote(), ObservedBackupJobs.class).flatMap(j -> j.job(id));
    return Integer.toHexString(Objects.hash(spec, remote, observed));
  }
}
