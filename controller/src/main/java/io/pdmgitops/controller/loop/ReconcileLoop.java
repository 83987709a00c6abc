package io.pdmgitops.controller.loop;

import io.pdmgitops.controller.diagnostics.StallReporter;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.queue.KeyBudget;
import io.pdmgitops.controller.queue.ReconcileQueue;
import io.pdmgitops.controller.threads.DaemonThreads;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.KindReconcilers;
import io.pdmgitops.reconcilers.engine.ReadContext;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One cycle: take the snapshot in force, poll the fleet once, detect drift, plan, and hand each
 * action to the work queue keyed by guest. Cycles run on one thread, on a timer and when a new
 * commit arrives; actions run through the queue and the executor. Nothing is acted on without a
 * valid snapshot, and nothing while the loop is suspended.
 */
public final class ReconcileLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

  private final SnapshotTracker snapshots;
  private final InventoryCollector inventory;
  private final KindReconcilers kinds;
  private final ActionJournal journal;
  private final LoopSettings settings;
  private final Clock clock;
  private final List<LoopObserver> observers = new CopyOnWriteArrayList<>();
  private final ReconcileQueue<ObjectRef> queue;
  private final Map<ObjectRef, Planned> planned = new ConcurrentHashMap<>();
  private final Map<ObjectRef, Instant> lastFinished = new ConcurrentHashMap<>();
  private final Map<ObjectRef, PlannedAction> inFlight = new ConcurrentHashMap<>();
  private final AtomicReference<Observed> latest = new AtomicReference<>();

  /**
   * The snapshot of the last accepted commit: a focused pass compares a new commit with the one
   * before it, not with whatever a cycle started from, since a cycle may start with the new
   * snapshot between its load and its announcement and leave nothing to compare.
   */
  private final AtomicReference<DesiredState> lastCommitted = new AtomicReference<>();

  private final AtomicBoolean suspended = new AtomicBoolean();
  private volatile BooleanSupplier external = () -> false;
  private final AtomicBoolean cycleQueued = new AtomicBoolean();
  private final AtomicBoolean journalSettled = new AtomicBoolean();

  /** Each declared remote's newest observation, kept across cycles. */
  private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();

  /** Remotes the focused pass of a commit polled, which the full cycle after it does not. */
  private final Set<String> justPolled = ConcurrentHashMap.newKeySet();

  /** A republish of the report is queued: many actions ending together make one. */
  private final AtomicBoolean republishQueued = new AtomicBoolean();

  /** Resources whose actions ended since the last republish. */
  private final Set<ObjectRef> toRepublish = ConcurrentHashMap.newKeySet();

  /** Remotes whose poll is out: one at a time per remote. */
  private final Set<String> polling = ConcurrentHashMap.newKeySet();

  /** Set by {@link #close}: an answer that arrives later plans nothing. */
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Journal rows being settled now, so a slow settle is not started again by the next cycle. */
  private final Set<Long> settling = ConcurrentHashMap.newKeySet();

  private final StallReporter stalls;
  private final ActionFailures failures;
  private final ScheduledExecutorService thread = DaemonThreads.scheduler("reconcile-loop");

  /**
   * Focused passes run beside the full cycle, not behind it: a commit for a healthy remote is acted
   * on while a full cycle still waits for a slow one.
   */
  private final ScheduledExecutorService focusThread = DaemonThreads.scheduler("reconcile-focus");

  /** Where each remote's answer is judged and planned, one at a time. */
  private final Scheduler planning = Schedulers.newSingle("reconcile-plan", true);

  public ReconcileLoop(
      SnapshotTracker snapshots,
      InventoryCollector inventory,
      KindReconcilers kinds,
      ActionJournal journal,
      LoopSettings settings,
      ReconcileQueue.Factory<ObjectRef> queues,
      Clock clock) {
    this.clock = clock;
    this.snapshots = snapshots;
    this.inventory = inventory;
    this.kinds = kinds;
    this.journal = journal;
    this.settings = settings;
    this.queue = queues.create(this::reconcile, new PlannedBudget());
    this.stalls = new StallReporter("a reconcile cycle", settings.cycleTimeout().plusSeconds(30));
    this.failures =
        new ActionFailures(
            clock, settings.failureBackOff(), () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Failed actions remembered across cycles, for pages, the API and metrics. */
  public ActionFailures failures() {
    return failures;
  }

  /** Settles what a previous run left unfinished, then cycles on the poll interval. */
  public void start() {
    thread.scheduleWithFixedDelay(
        this::trigger, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A new commit or an operator asked for a cycle now; bursts collapse into one. */
  public void trigger() {
    if (cycleQueued.compareAndSet(false, true)) {
      thread.execute(this::runCycle);
    }
  }

  /** How long the full cycle after a commit waits for the focused pass's actions to be sent. */
  static final Duration FOCUS_HEAD_START = Duration.ofMillis(300);

  /**
   * What the git poller calls with each new commit: first a focused pass over just the remotes
   * whose declared objects changed, so the change is acted on within a second even in a large
   * fleet, then a full cycle. The full cycle waits for the focused pass and gives its actions a
   * {@link #FOCUS_HEAD_START}: on a small machine its poll of every remote would otherwise take the
   * cores the focused pass and its first calls need.
   */
  public void onCommit(CommitOutcome outcome) {
    if (outcome instanceof CommitOutcome.Accepted accepted) {
      DesiredState previous = lastCommitted.getAndSet(accepted.state());
      if (previous == null) {
        trigger();
        return;
      }
      focusThread.execute(
          () -> {
            try {
              runFocused(previous, accepted.state(), accepted.commit().sha());
            } finally {
              thread.schedule(this::trigger, FOCUS_HEAD_START.toMillis(), TimeUnit.MILLISECONDS);
            }
          });
    }
  }

  public void observe(LoopObserver observer) {
    observers.add(observer);
  }

  /** Reconciles running and waiting in the work queue, for metrics. */
  public int queueDepth() {
    return queue.running() + queue.waiting();
  }

  public void suspend(boolean value) {
    suspended.set(value);
  }

  /** Also suspended while this says so, e.g. the operator's {@link SuspendSwitch}. */
  public void suspendWhile(BooleanSupplier condition) {
    external = condition;
  }

  public boolean isSuspended() {
    return suspended.get() || external.getAsBoolean();
  }

  public Optional<DriftReport> latestReport() {
    return latestObserved().map(Observed::report);
  }

  /** The last full cycle's desired state, poll and verdicts, taken together. */
  public Optional<Observed> latestObserved() {
    return Optional.ofNullable(latest.get());
  }

  /** What one full cycle saw: the snapshot it judged, the poll, and the drift report. */
  public record Observed(DesiredState state, Inventory inventory, DriftReport report) {}

  /**
   * Actions whose end is not known (a previous run stopped, or an answer was lost) are followed,
   * never resent: settling finds the task on the node or marks the action as never sent. Each cycle
   * settles those of remotes that answered it, except guests whose action runs now; so a row is
   * resolved once its guest is observed again, not left open until the guest drifts again.
   */
  private void settleUnfinished(Inventory observed) {
    for (ActionJournal.Entry entry : journal.unfinished()) {
      ObjectRef guest = entry.action().resource();
      boolean answered =
          observed.remote(entry.action().remote()).orElse(null)
              instanceof RemoteObservation.Reachable;
      if (!answered || inFlight.containsKey(guest) || !settling.add(entry.id())) {
        continue;
      }
      Mono.defer(() -> kinds.settle(entry))
          .doFinally(signal -> settling.remove(entry.id()))
          .subscribe(
              r -> LOG.info("settled {}: {}", guest, r),
              e -> LOG.warn("cannot settle {} yet: {}", guest, e.toString()));
    }
  }

  /**
   * One cycle; public so tests can drive the loop step by step. Each declared remote is polled on
   * its own, unless its previous poll is still out: a remote that hangs keeps only its own poll
   * waiting. Each answer is planned for that remote's guests as it arrives, so no remote's actions
   * wait for another's poll. The cycle waits for its polls for at most the report wait, then
   * publishes the fleet's report with the newest observation of every remote, and plans what needs
   * the whole fleet (moves between remotes).
   */
  public void runCycle() {
    cycleQueued.set(false);
    // The state and its commit are read together: a commit accepted during this cycle's poll is
    // judged by the next cycle, and nothing is credited to the wrong commit.
    Optional<CommitOutcome.Accepted> good = snapshots.lastGood();
    if (good.isEmpty()) {
      return; // no valid commit yet: observe nothing, act on nothing
    }
    DesiredState state = good.get().state();
    String sha = good.get().commit().sha();
    Instant cycleStart = clock.instant();
    stalls.started();
    try {
      inventory.retain(state.remotes());
      Set<String> names =
          state.remotes().stream().map(r -> r.metadata().name()).collect(Collectors.toSet());
      lastSeen.keySet().retainAll(names);
      List<Mono<Void>> polls = new ArrayList<>();
      for (Remote remote : state.remotes()) {
        if (justPolled.remove(remote.metadata().name())) {
          continue; // the commit's focused pass polled it a moment ago: once per commit
        }
        pollOnItsOwn(remote, state, sha).ifPresent(polls::add);
      }
      Mono.when(polls)
          .timeout(settings.reportWait(), Mono.empty()) // late answers are planned on arrival
          .block(settings.cycleTimeout());
      Inventory observed = newestObservations(state);
      settleUnfinished(observed);
      journalSettled.set(true);
      Rulebook rules = kinds.rulebook();
      DriftReport detected = rules.detect(state, observed, settings.defaultPolicy());
      Plan plan = rules.review(detected, state, observed);
      DriftReport report = plan.markBlocked(detected); // a move PVE would refuse says why
      latest.set(new Observed(state, observed, report));
      notify(o -> o.reportPublished(report, sha));
      if (isSuspended()) {
        return;
      }
      List<PlannedAction> actions = plan.actions();
      // Plans not renewed by this cycle are stale: the guest is synced now or blocked.
      planned
          .keySet()
          .retainAll(actions.stream().map(PlannedAction::resource).collect(Collectors.toSet()));
      Set<ObjectRef> declared =
          state.objects().stream().map(ObjectRef::of).collect(Collectors.toSet());
      lastFinished.keySet().retainAll(declared);
      failures.retain(declared);
      submit(actions, state, observed, sha);
    } catch (RuntimeException e) {
      LOG.warn("reconcile cycle failed: {}", e.toString());
    } finally {
      stalls.finished();
      Duration took = Duration.between(cycleStart, clock.instant());
      notify(o -> o.cycleFinished(took));
    }
  }

  /**
   * Starts a poll of one remote, unless one is still out; its answer is kept as the remote's newest
   * and its own guests are planned from it at once.
   */
  private Optional<Mono<Void>> pollOnItsOwn(Remote remote, DesiredState state, String sha) {
    String name = remote.metadata().name();
    if (!polling.add(name)) {
      return Optional.empty();
    }
    Instant started = clock.instant();
    Mono<Void> poll =
        Mono.defer(() -> inventory.poll(List.of(remote))) // a throw is a failed poll, not a leak
            .flatMap(answer -> withParts(remote, answer, state))
            .timeout(settings.cycleTimeout())
            .publishOn(planning) // not on the network or parsing threads every request needs
            .doOnNext(seen -> observedOne(seen.observation(), seen.with(started), state, sha))
            .doOnError(e -> LOG.warn("poll of {} failed: {}", name, e.toString()))
            .onErrorResume(e -> Mono.empty())
            .doFinally(signal -> polling.remove(name))
            .then()
            .cache();
    poll.subscribe();
    return Optional.of(poll);
  }

  private void observedOne(
      RemoteObservation observation, Seen seen, DesiredState state, String sha) {
    lastSeen.put(observation.name(), seen);
    if (closed.get() || isSuspended() || !journalSettled.get()) {
      return; // the cycle's own plan follows once the journal was settled
    }
    try {
      ChangedObjects homed = ChangedObjects.homedOn(state, observation.name(), kinds.rulebook());
      if (homed.objects().isEmpty()) {
        return;
      }
      DesiredState own = homed.asState(state);
      Inventory one =
          Inventory.of(seen.at(), List.of(observation)).withParts(observation.name(), seen.parts());
      plan(own, one, sha);
    } catch (RuntimeException e) {
      LOG.warn(
          "planning {} failed, the cycle's plan follows: {}", observation.name(), e.toString());
    }
  }

  /**
   * Judges and plans these objects (part of the snapshot) against this observation, and hands the
   * actions on.
   */
  private void plan(DesiredState part, Inventory observed, String sha) {
    Rulebook rules = kinds.rulebook();
    DriftReport report = rules.detect(part, observed, settings.defaultPolicy());
    submit(rules.review(report, part, observed, PlanScope.PART).actions(), part, observed, sha);
  }

  /**
   * The remote's sweep with what the kinds read from it beyond the sweep; those reads are made only
   * of a remote that answered, so one that is down is not asked again before its back-off ends.
   */
  private Mono<Seen> withParts(Remote remote, Inventory answer, DesiredState state) {
    String name = remote.metadata().name();
    Optional<RemoteObservation> observation = answer.remote(name);
    if (observation.isEmpty()) {
      return Mono.empty();
    }
    if (!(observation.get() instanceof RemoteObservation.Reachable reachable)) {
      return Mono.just(new Seen(observation.get(), List.of(), answer.observedAt()));
    }
    return kinds
        .observe(new ReadContext(remote, state, reachable))
        .map(parts -> new Seen(observation.get(), parts, answer.observedAt()));
  }

  /**
   * The newest observation of each declared remote; its time is the oldest of them, so a plan from
   * it is never taken for newer than an action that ended since.
   */
  private Inventory newestObservations(DesiredState state) {
    List<RemoteObservation> observations = new ArrayList<>();
    Map<String, List<ObservedPart>> parts = new LinkedHashMap<>();
    Instant oldest = null;
    for (Remote remote : state.remotes()) {
      Seen seen = lastSeen.get(remote.metadata().name());
      if (seen != null) {
        observations.add(seen.observation());
        parts.put(remote.metadata().name(), seen.parts());
        oldest = oldest == null || seen.at().isBefore(oldest) ? seen.at() : oldest;
      }
    }
    Inventory sweep = Inventory.of(oldest == null ? clock.instant() : oldest, observations);
    return new Inventory(sweep.observedAt(), sweep.remotes(), parts);
  }

  /** A remote's newest observation, what the kinds read there, and when its poll started. */
  private record Seen(RemoteObservation observation, List<ObservedPart> parts, Instant at) {
    Seen with(Instant started) {
      return new Seen(observation, parts, started);
    }
  }

  /**
   * Plans the objects a new snapshot changed, from a fresh poll of only their remotes. The full
   * cycle that follows covers everything else and publishes the report.
   */
  private void runFocused(DesiredState previous, DesiredState next, String sha) {
    if (isSuspended() || !journalSettled.get()) {
      return;
    }
    try {
      ChangedObjects changed = ChangedObjects.between(previous, next, kinds.rulebook());
      if (changed.objects().isEmpty() || changed.remotes().size() == next.remotes().size()) {
        return; // nothing to focus on, or everything: the full cycle does it
      }
      Inventory observed = inventory.poll(changed.remotes()).block(settings.cycleTimeout());
      for (Remote remote : changed.remotes()) {
        String name = remote.metadata().name();
        Optional<Seen> seen =
            withParts(remote, observed, next).blockOptional(settings.cycleTimeout());
        if (seen.isPresent()) {
          observed = observed.withParts(name, seen.get().parts());
          // The full cycle that follows takes this answer instead of asking the remote again.
          lastSeen.put(name, seen.get().with(observed.observedAt()));
          justPolled.add(name);
        }
      }
      plan(changed.asState(next), observed, sha);
    } catch (RuntimeException e) {
      LOG.warn("focused pass failed, the full cycle follows: {}", e.toString());
    }
  }

  /**
   * Hands each action to the queue, unless a remembered failure holds it back: a permanent one
   * until its fingerprint changes, a transient one until its retry is due (the queue's timer runs
   * it then). The plan is kept either way, so that retry finds what to do.
   */
  private void submit(
      List<PlannedAction> actions, DesiredState state, Inventory observed, String sha) {
    for (PlannedAction action : actions) {
      String fingerprint = kinds.rulebook().fingerprint(action, state, observed);
      Planned before =
          planned.put(
              action.resource(), new Planned(action, observed.observedAt(), sha, fingerprint));
      if (failures.holding(action, fingerprint).isPresent()) {
        continue;
      }
      boolean same =
          (before != null && before.action().equals(action))
              || action.equals(inFlight.get(action.resource()));
      if (same) {
        queue.resync(action.resource()); // the same plan again: a back-off in progress holds
      } else {
        queue.submit(action.resource());
      }
    }
  }

  /**
   * After an action ends, the remotes it concerns are observed again at once and the report is
   * published again, so no page shows the state from before the action until the next cycle.
   */
  private void refreshAfter(PlannedAction action) {
    Optional<CommitOutcome.Accepted> good = snapshots.lastGood();
    if (good.isEmpty() || closed.get()) {
      return;
    }
    DesiredState state = good.get().state();
    String sha = good.get().commit().sha();
    Set<String> remotes = new LinkedHashSet<>();
    remotes.add(action.remote());
    state.object(action.resource()).ifPresent(o -> remotes.addAll(kinds.rulebook().remotesOf(o)));
    List<Mono<Void>> polls = new ArrayList<>();
    for (String name : remotes) {
      state.remote(name).flatMap(r -> pollOnItsOwn(r, state, sha)).ifPresent(polls::add);
    }
    toRepublish.add(action.resource());
    Mono.when(polls)
        .publishOn(planning)
        .doFinally(
            signal -> {
              // A poll that ends while the loop closes finds the planning thread gone.
              if (!closed.get() && republishQueued.compareAndSet(false, true)) {
                try {
                  planning.schedule(() -> republish(state, sha));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                  republishQueued.set(false);
                }
              }
            })
        .subscribe(v -> {}, e -> LOG.warn("refresh after an action failed: {}", e.toString()));
  }

  /**
   * The last report with the verdicts of the resources whose actions ended judged again from every
   * remote's newest observation, published as a cycle would. Only those are judged: a finished
   * action in a fleet of 100,000 guests costs a few milliseconds, not a whole-fleet judgement.
   */
  private void republish(DesiredState state, String sha) {
    republishQueued.set(false);
    Observed before = latest.get();
    if (closed.get() || before == null) {
      return; // the first full cycle publishes first
    }
    Set<ObjectRef> refs = new HashSet<>(toRepublish);
    toRepublish.removeAll(refs);
    try {
      List<DesiredObject> part = new ArrayList<>(state.remotes());
      refs.forEach(
          ref -> state.object(ref).filter(o -> !(o instanceof Remote)).ifPresent(part::add));
      Inventory observed = newestObservations(state);
      DriftReport judged =
          kinds
              .rulebook()
              .detect(DesiredState.of(part, Map.of()), observed, settings.defaultPolicy());
      Map<ObjectRef, ResourceStatus> fresh = new HashMap<>();
      judged.resources().stream()
          .filter(s -> refs.contains(s.ref()))
          .forEach(s -> fresh.put(s.ref(), s));
      if (fresh.isEmpty()) {
        return;
      }
      DriftReport report =
          new DriftReport(
              before.report().at(),
              before.report().resources().stream()
                  .map(s -> fresh.getOrDefault(s.ref(), s))
                  .toList(),
              before.report().unmanaged(),
              before.report().unmanagedObjects());
      latest.set(new Observed(before.state(), observed, report));
      notify(o -> o.reportPublished(report, sha));
    } catch (RuntimeException e) {
      LOG.warn("republishing the report failed, the next cycle publishes: {}", e.toString());
    }
  }

  /** An observer that fails (a store that is down) must not stop reconciling. */
  private void notify(Consumer<LoopObserver> call) {
    for (LoopObserver o : observers) {
      try {
        call.accept(o);
      } catch (RuntimeException e) {
        LOG.warn("loop observer failed: {}", e.toString());
      }
    }
  }

  /**
   * An action, the time of the observation it was planned from, the commit it serves, and what its
   * outcome depends on. It stays in {@code planned} while it runs: a cycle that no longer plans it
   * removes it, and a retry then finds nothing to do instead of acting on a plan Git has since
   * dropped.
   */
  private record Planned(
      PlannedAction action, Instant observedAt, String sha, String fingerprint) {}

  private Mono<ReconcileResult> reconcile(ObjectRef guest) {
    Planned entry = planned.get(guest);
    if (entry == null || isSuspended()) {
      return Mono.just(ReconcileResult.done());
    }
    Instant finished = lastFinished.get(guest);
    if (finished != null && !entry.observedAt().isAfter(finished)) {
      // Planned from an observation older than the last action's end: the next cycle decides.
      planned.remove(guest, entry);
      return Mono.just(ReconcileResult.done());
    }
    PlannedAction action = entry.action();
    inFlight.put(guest, action);
    AtomicBoolean released = new AtomicBoolean();
    Consumer<Boolean> release =
        ended -> {
          if (released.compareAndSet(false, true)) {
            inFlight.remove(guest, action);
            if (ended) {
              lastFinished.put(guest, clock.instant());
            }
          }
        };
    // Released before the result is emitted: the queue may start this guest's follow-up run
    // synchronously from the result, and that run must already see the action as finished.
    return kinds
        .execute(action, entry.sha())
        .map(
            executed -> {
              ReconcileResult result = remember(entry, executed);
              boolean again =
                  result instanceof ReconcileResult.Retryable
                      || result instanceof ReconcileResult.RequeueAfter;
              if (!again) {
                // Done or failed: this plan is used up. Not carried out yet (a lock, a task still
                // running): it stays for the queue's retry, unless a newer cycle replaced or
                // dropped it meanwhile.
                planned.remove(guest, entry);
              }
              release.accept(!again);
              if (!again) {
                refreshAfter(action);
              }
              notify(o -> o.actionFinished(action, executed));
              LOG.info("{} {}: {}", action.type(), guest, executed);
              return result;
            })
        .doOnError(
            e -> {
              planned.remove(guest, entry);
              release.accept(true);
            })
        .doOnCancel(
            () -> {
              planned.remove(guest, entry);
              release.accept(true);
            });
  }

  /**
   * Remembers how the action ended. A transient failure comes back to the queue as a requeue at its
   * back-off across cycles, so the queue's own short retries do not resend it every few seconds and
   * nothing gives up on a remote that is only down for a while.
   */
  private ReconcileResult remember(Planned entry, ReconcileResult result) {
    PlannedAction action = entry.action();
    if (result instanceof ReconcileResult.Done) {
      failures.succeeded(action, entry.fingerprint());
    } else if (result instanceof ReconcileResult.Failed failed) {
      failures.failed(action, entry.fingerprint(), true, failed.reason());
    } else if (result instanceof ReconcileResult.Retryable retryable) {
      ActionFailure failure =
          failures.failed(action, entry.fingerprint(), false, retryable.reason());
      Duration wait = Duration.between(clock.instant(), failure.nextRetry().orElseThrow());
      return ReconcileResult.requeueAfter(
          wait.isNegative() ? Duration.ZERO : wait, retryable.reason());
    }
    return result;
  }

  /**
   * How long one run of an action may last: its kind's budget (the executor follows the task for as
   * long), plus the time to journal and send it.
   */
  static final Duration RUN_MARGIN = Duration.ofMinutes(2);

  /**
   * The queue's view of each key: the remote its planned action goes to (whose concurrency limit it
   * counts against) and the action's time budget.
   */
  private final class PlannedBudget implements KeyBudget<ObjectRef> {
    @Override
    public Optional<String> group(ObjectRef key) {
      return Optional.ofNullable(planned.get(key)).map(p -> p.action().remote());
    }

    @Override
    public Duration timeout(ObjectRef key) {
      return Optional.ofNullable(planned.get(key))
          .map(p -> p.action().type().budget().plus(RUN_MARGIN))
          .orElse(ReconcileQueue.DEFAULT_RECONCILE_TIMEOUT);
    }
  }

  @Override
  public void close() {
    closed.set(true);
    planning.dispose();
    thread.shutdownNow();
    focusThread.shutdownNow();
    queue.close(); // actions in flight are cut off, not failed: the next start follows them
    stalls.close();
  }
}
