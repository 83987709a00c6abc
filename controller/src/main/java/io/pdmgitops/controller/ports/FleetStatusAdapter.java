package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.conditions.Condition;
import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ActionFailure;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.store.JdbcResourceStore;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.controller.store.StoredStatus;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.StatusView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The API's view of the fleet: the latest drift report, the commits, the journal. */
public final class FleetStatusAdapter implements FleetStatusPort {
  /** Actions looked at to find each resource's last one. */
  static final int RECENT_ACTIONS = 2_000;

  private final ReconcileLoop loop;
  private final SnapshotTracker snapshots;
  private final JdbcStatusStore store;
  private final JdbcResourceStore verdicts;
  private final Conditions conditions;

  /**
   * @param verdicts the verdicts the store kept: shown until this controller's first cycle ends, so
   *     a restart does not blank the drift page
   */
  public FleetStatusAdapter(
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      JdbcStatusStore store,
      JdbcResourceStore verdicts,
      Conditions conditions) {
    this.loop = loop;
    this.snapshots = snapshots;
    this.store = store;
    this.verdicts = verdicts;
    this.conditions = conditions;
  }

  @Override
  public Mono<StatusView> status() {
    return Mono.fromCallable(this::statusNow).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<List<ResourceView>> drift() {
    return Mono.fromCallable(this::resourcesNow).subscribeOn(Schedulers.boundedElastic());
  }

  private StatusView statusNow() {
    Optional<DriftReport> report = loop.latestReport();
    Map<String, Long> sync = new LinkedHashMap<>();
    for (SyncStatus s : SyncStatus.values()) {
      sync.put(s.name(), report.map(r -> r.count(s)).orElse(0L));
    }
    Map<String, Long> health = new LinkedHashMap<>();
    for (Health h : Health.values()) {
      health.put(h.name(), report.map(r -> r.count(h)).orElse(0L));
    }
    List<StatusView.RemoteView> remotes =
        report
            .map(
                r ->
                    r.resources().stream()
                        .filter(s -> s.ref().kind() == Kind.REMOTE)
                        .map(
                            s ->
                                new StatusView.RemoteView(
                                    s.ref().identity(),
                                    s.health().name(),
                                    s.sync().name(),
                                    s.message()))
                        .toList())
            .orElse(List.of());
    return new StatusView(
        sync,
        health,
        remotes,
        snapshots.latest().map(FleetStatusAdapter::commit),
        snapshots.lastGood().map(FleetStatusAdapter::commit),
        loop.isSuspended(),
        report.map(r -> r.at().toString()),
        conditions.active().stream().map(FleetStatusAdapter::condition).toList());
  }

  static StatusView.ConditionView condition(Condition c) {
    return new StatusView.ConditionView(
        c.kind().wire(), c.kind().severity(), c.subject(), c.message(), c.since().toString());
  }

  private List<ResourceView> resourcesNow() {
    Optional<DriftReport> report = loop.latestReport();
    if (report.isEmpty()) {
      return storedVerdicts();
    }
    Map<String, JournalEntry> lastActions = new HashMap<>();
    for (JournalEntry e : lastActions()) {
      lastActions.putIfAbsent(e.resource(), e); // newest first
    }
    return report.get().resources().stream()
        .map(
            s ->
                view(
                    s,
                    lastActions.get(s.ref().toString()),
                    loop.failures().of(s.ref()).orElse(null)))
        .toList();
  }

  /**
   * The verdicts the store kept from the previous run, each saying when it was recorded; none while
   * the store cannot be read.
   */
  private List<ResourceView> storedVerdicts() {
    Map<String, StoredStatus> stored;
    try {
      stored = verdicts.statuses();
    } catch (IllegalStateException e) {
      return List.of();
    }
    Map<String, JournalEntry> lastActions = new HashMap<>();
    for (JournalEntry e : lastActions()) {
      lastActions.putIfAbsent(e.resource(), e);
    }
    return stored.values().stream()
        .sorted(java.util.Comparator.comparing(StoredStatus::resource))
        .map(
            s -> {
              ObjectRef ref = ObjectRef.parse(s.resource());
              return new ResourceView(
                  ref.kind().kindName(),
                  ref.identity(),
                  s.sync(),
                  s.health(),
                  s.policy(),
                  false, // nothing is acted on before this run has observed the fleet itself
                  "as recorded "
                      + s.since()
                      + ", before this controller's first cycle"
                      + (s.message().isEmpty() ? "" : ": " + s.message()),
                  s.drifts().stream()
                      .map(d -> new ResourceView.DriftView(d.path(), d.desired(), d.observed()))
                      .toList(),
                  s.remote(),
                  s.node(),
                  s.vmid(),
                  Optional.ofNullable(lastActions.get(s.resource()))
                      .map(FleetStatusAdapter::action),
                  Optional.empty());
            })
        .toList();
  }

  /**
   * The journal's newest actions; none while the store cannot be read, so drift stays visible while
   * the store's condition says why the actions are missing.
   */
  private List<JournalEntry> lastActions() {
    try {
      return store.recentActions(RECENT_ACTIONS);
    } catch (IllegalStateException e) {
      return List.of();
    }
  }

  static ResourceView view(ResourceStatus s, JournalEntry last, ActionFailure failure) {
    return new ResourceView(
        s.ref().kind().kindName(),
        s.ref().identity(),
        s.sync().name(),
        s.health().name(),
        s.policy().wire(),
        s.actionable(),
        s.message(),
        s.drifts().stream()
            .map(d -> new ResourceView.DriftView(d.path(), d.desired(), d.observed()))
            .toList(),
        s.remote(),
        s.location().map(l -> l.node()),
        s.location().map(l -> l.vmid()),
        Optional.ofNullable(last).map(FleetStatusAdapter::action),
        Optional.ofNullable(failure).map(FleetStatusAdapter::failure));
  }

  static ResourceView.FailureView failure(ActionFailure f) {
    return new ResourceView.FailureView(
        f.action().name(),
        f.permanent(),
        f.attempts(),
        f.lastError(),
        f.lastAttempt().toString(),
        f.nextRetry().map(Object::toString));
  }

  static ResourceView.ActionView action(JournalEntry e) {
    return new ResourceView.ActionView(
        e.actionName(),
        e.state().name(),
        e.exitStatus(),
        e.upid(),
        e.commitSha(),
        e.createdAt().toString());
  }

  private static StatusView.CommitView commit(CommitOutcome outcome) {
    List<Problem> problems =
        outcome instanceof CommitOutcome.Rejected r
            ? r.problems()
            : ((CommitOutcome.Accepted) outcome).warnings();
    return new StatusView.CommitView(
        outcome.commit().sha(),
        outcome.commit().author(),
        outcome.commit().message(),
        outcome.commit().time().toString(),
        outcome instanceof CommitOutcome.Accepted,
        problems.stream().map(StatusView.ProblemView::of).toList());
  }
}
