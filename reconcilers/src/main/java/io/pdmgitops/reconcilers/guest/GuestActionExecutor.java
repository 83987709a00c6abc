package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.GuestTarget;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.api.GuestLockedException;
import io.pdmgitops.reconcilers.api.NodeUnreachableException;
import io.pdmgitops.reconcilers.api.OutcomeUnknownException;
import io.pdmgitops.reconcilers.api.RemoteApiException;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.JournalSteps;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.TaskSource;
import io.pdmgitops.reconcilers.pve.TaskSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Carries out one planned action on a guest: journal, send, follow the task, record its end. An
 * action whose end is not known (the controller stopped, or the answer was lost) is settled first
 * by finding its task on the node; it is never sent twice.
 */
public final class GuestActionExecutor {
  /** How often a running task is looked at. */
  public static final Duration TASK_POLL = Duration.ofSeconds(1);

  /**
   * By default one run follows a task for the rest of its action's {@link GuestAction#budget()},
   * the same budget the work queue gives the run: an hour-long migration is followed to its end in
   * one run and holds its remote's slot meanwhile.
   */
  public static final Duration WHOLE_BUDGET = Duration.ofDays(365);

  /** Clock skew allowed between the controller and the node when matching tasks. */
  static final long SKEW_SECONDS = 120;

  /** How PVE says a guest is locked, in an error or a task's exit status or log. */
  private static final String LOCKED = "is locked (";

  /** How many of a failed task's last log lines are searched for a lock. */
  static final int LOG_TAIL = 20;

  private final GuestRemotes remotes;
  private final ActionJournal journal;
  private final Duration poll;
  private final Duration followStep;
  private final Function<GuestAction, Duration> budgets;

  public GuestActionExecutor(GuestRemotes remotes, ActionJournal journal, Duration poll) {
    this(remotes, journal, poll, WHOLE_BUDGET, GuestAction::budget);
  }

  /**
   * @param followStep how long one run follows a task at most before handing it to the next run
   *     ({@link #WHOLE_BUDGET}: never before the budget ends)
   * @param budgets how long each kind of action's task is followed in all
   */
  public GuestActionExecutor(
      GuestRemotes remotes,
      ActionJournal journal,
      Duration poll,
      Duration followStep,
      Function<GuestAction, Duration> budgets) {
    this.remotes = remotes;
    this.journal = journal;
    this.poll = poll;
    this.followStep = followStep;
    this.budgets = budgets;
  }

  /** Runs the action, or settles an earlier one of the same guest first. */
  public Mono<ReconcileResult> execute(PlannedAction action, String commitSha) {
    return JournalSteps.execute(
        journal,
        action.resource(),
        GuestJournalCodec.encode(action),
        commitSha,
        this::settle,
        id -> send(action, id));
  }

  /** Settles an action whose end is not known: follow its task, or mark it as never sent. */
  public Mono<ReconcileResult> settle(ActionJournal.Entry entry) {
    PlannedAction action = GuestJournalCodec.decode(entry.action());
    GuestLocation at = GuestTarget.of(action).at();
    PveClient client = remotes.client(action.remote());
    Instant journaled = Instant.ofEpochSecond(entry.createdEpochSecond());
    if (entry.upid().isPresent()) {
      return follow(
          client, entry.id(), Upid.parse(entry.upid().get()).orElseThrow(), action, journaled);
    }
    Set<String> types = TaskTypes.of((GuestAction) action.type(), at.type());
    return client
        .tasks(at.node(), TaskSource.ALL, 500)
        .map(
            tasks ->
                tasks.stream()
                    .filter(t -> types.contains(t.type()))
                    .filter(t -> t.id().equals(Optional.of(String.valueOf(at.vmid()))))
                    .filter(t -> t.starttime() >= entry.createdEpochSecond() - SKEW_SECONDS)
                    .filter(t -> ours(t, remotes.tokenId(action.remote())))
                    .min(Comparator.comparingLong(TaskSummary::starttime)))
        .flatMap(
            task -> {
              if (task.isEmpty()) {
                return blocking(
                        () -> {
                          journal.notSent(
                              entry.id(), "no task of this action was found on the remote");
                          return Optional.of(true);
                        })
                    .thenReturn(
                        ReconcileResult.requeueAfter(
                            Duration.ZERO, "earlier action was never sent"));
              }
              Upid upid = Upid.parse(task.get().upid()).orElseThrow();
              return blocking(
                      () -> {
                        journal.sent(entry.id(), upid.text());
                        return Optional.of(true);
                      })
                  .then(follow(client, entry.id(), upid, action, journaled));
            })
        .onErrorResume(RemoteApiException.class, e -> Mono.just(resultOf(e)));
  }

  private static boolean ours(TaskSummary task, String tokenId) {
    String user = task.user() + task.tokenid().map(t -> "!" + t).orElse("");
    return user.equals(tokenId);
  }

  private Mono<ReconcileResult> send(PlannedAction action, long id) {
    Instant journaledAt = Instant.now();
    PveClient client;
    Mono<Upid> call;
    try {
      client = remotes.client(action.remote());
      call =
          action.type() == GuestAction.REMOTE_MIGRATE
              ? ActionCalls.remoteMigrate(client, action, remotes::migrationTarget)
              : ActionCalls.start(client, action);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // The remote or the move cannot be set up (no secret, no maps): nothing was sent.
      return blocking(
              () -> {
                journal.notSent(id, e.getMessage());
                return Optional.of(true);
              })
          .thenReturn(ReconcileResult.failed(e.getMessage()));
    }
    return call.flatMap(
            upid ->
                blocking(
                    () -> {
                      journal.sent(id, upid.text());
                      return Optional.of(upid);
                    }))
        .flatMap(upid -> follow(client, id, upid.orElseThrow(), action, journaledAt))
        .onErrorResume(
            RemoteApiException.class,
            e -> {
              if (e instanceof OutcomeUnknownException) {
                // Left as planned: the next run settles it from the node's task list.
                return Mono.just(ReconcileResult.retryable(e.getMessage()));
              }
              return blocking(
                      () -> {
                        journal.notSent(id, e.getMessage());
                        return Optional.of(true);
                      })
                  .thenReturn(resultOf(e));
            });
  }

  /**
   * Polls the task until it stops, then records its exit status. A task still running after one
   * step is handed to the next run; one still running after its action's budget is no longer
   * followed: the journal says so, and the failure is remembered until the guest changes.
   */
  private Mono<ReconcileResult> follow(
      PveClient client, long id, Upid upid, PlannedAction action, Instant journaledAt) {
    return client
        .taskStatus(upid)
        .flatMap(
            status ->
                status.isRunning() ? Mono.<TaskStatus>error(new StillRunning()) : Mono.just(status))
        .retryWhen(
            Retry.fixedDelay(Long.MAX_VALUE, poll)
                .filter(
                    e ->
                        e instanceof StillRunning
                            || (e instanceof RemoteApiException r && r.retryable())))
        .timeout(step(action, journaledAt))
        .flatMap(
            status -> {
              String exit = status.exitstatus().orElse("unexpected status");
              return blocking(
                      () -> {
                        journal.finished(id, exit);
                        return Optional.of(true);
                      })
                  .then(outcome(client, upid, status, exit));
            })
        .onErrorResume(TimeoutException.class, e -> stillRunning(id, upid, action, journaledAt))
        .onErrorResume(RemoteApiException.class, e -> Mono.just(resultOf(e)));
  }

  /**
   * How long this run follows the task: the follow step, at most what is left of the budget (and at
   * least one look).
   */
  private Duration step(PlannedAction action, Instant journaledAt) {
    Duration left =
        Duration.between(
            Instant.now(), journaledAt.plus(budgets.apply((GuestAction) action.type())));
    if (left.compareTo(poll) < 0) {
      return poll; // one look at its status still: it may have ended just now
    }
    return left.compareTo(followStep) < 0 ? left : followStep;
  }

  private Mono<ReconcileResult> stillRunning(
      long id, Upid upid, PlannedAction action, Instant journaledAt) {
    Duration budget = budgets.apply((GuestAction) action.type());
    if (Instant.now().isBefore(journaledAt.plus(budget))) {
      return Mono.just(ReconcileResult.requeueAfter(poll, "task " + upid + " still running"));
    }
    String why =
        "task still running after "
            + budget.toMinutes()
            + " min, the budget of "
            + action.type()
            + ": no longer followed, see "
            + upid.text()
            + " on the remote";
    return blocking(
            () -> {
              journal.finished(id, why);
              return Optional.of(true);
            })
        .thenReturn(ReconcileResult.failed(why));
  }

  private static Mono<ReconcileResult> outcome(
      PveClient client, Upid upid, TaskStatus status, String exit) {
    if (status.succeeded()) {
      return Mono.just(ReconcileResult.done());
    }
    if (exit.contains(LOCKED)) {
      return Mono.just(ReconcileResult.retryable(exit));
    }
    // A container's migration checks the lock in its worker: the task ends "migration aborted"
    // and only the log names the lock. One more read, for failed tasks only, tells a lock that
    // will clear from a failure for good.
    return lockInLog(client, upid)
        .map(lock -> ReconcileResult.retryable(exit + ": " + lock))
        .defaultIfEmpty(ReconcileResult.failed(exit));
  }

  /** The "... is locked (...)" text of the task log's last lines, if any; a failed read: none. */
  private static Mono<String> lockInLog(PveClient client, Upid upid) {
    return client
        .taskLog(upid, 0, LOG_TAIL)
        .flatMap(
            head ->
                head.total() <= LOG_TAIL
                    ? Mono.just(head)
                    : client.taskLog(upid, (int) (head.total() - LOG_TAIL), LOG_TAIL))
        .flatMap(
            log ->
                Mono.justOrEmpty(
                    log.lines().stream()
                        .map(TaskLog.Line::t)
                        .filter(t -> t.contains(LOCKED))
                        .reduce((earlier, later) -> later)))
        .map(GuestActionExecutor::lockClause)
        .onErrorResume(RemoteApiException.class, e -> Mono.empty());
  }

  /** "ERROR: migration aborted (duration 00:00:00): CT is locked (backup)": the last clause. */
  static String lockClause(String line) {
    int colon = line.lastIndexOf(": ", line.indexOf(LOCKED));
    return colon < 0 ? line.strip() : line.substring(colon + 2).strip();
  }

  private static ReconcileResult resultOf(RemoteApiException e) {
    if (e instanceof GuestLockedException
        || e instanceof NodeUnreachableException
        || e.retryable()) {
      return ReconcileResult.retryable(e.getMessage());
    }
    return ReconcileResult.failed(e.getMessage());
  }

  private static <T> Mono<Optional<T>> blocking(java.util.concurrent.Callable<Optional<T>> work) {
    return JournalSteps.blocking(work);
  }

  /** Marks a poll of a task that has not ended yet. */
  private static final class StillRunning extends RuntimeException {
    StillRunning() {
      super("task still running", null, false, false);
    }
  }
}
