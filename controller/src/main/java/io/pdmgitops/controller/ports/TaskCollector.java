package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.reconcilers.api.RemoteApiException;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.pbs.PbsTask;
import io.pdmgitops.reconcilers.pve.TaskSource;
import io.pdmgitops.reconcilers.pve.TaskSummary;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteReadException;
import io.pdmgitops.webui.tasks.TaskList;
import io.pdmgitops.webui.tasks.TaskLogView;
import io.pdmgitops.webui.tasks.TaskRow;
import io.pdmgitops.webui.tasks.TaskState;
import io.pdmgitops.webui.tasks.TasksPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The fleet's tasks, collected when someone looks: each reachable remote's recent and running tasks
 * (PVE per online node, PBS from its one node), read concurrently under a cap and a timeout, kept
 * for a few seconds so that a page, its live refresh and the API share one collection. Tasks the
 * controller started carry their commit and resource from the journal.
 */
public final class TaskCollector implements TasksPort {
  /** How long one collection is served before the next look collects again. */
  static final Duration MAX_AGE = Duration.ofSeconds(10);

  /** Tasks asked of each node (PVE) or remote (PBS). */
  static final int PER_NODE = 50;

  /** Remotes read at once. */
  static final int CONCURRENCY = 8;

  /** Longest one remote may take to give its tasks or a log. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

  /** Longest one whole collection may take; past it, the last list is served again. */
  static final Duration COLLECTION_TIMEOUT = READ_TIMEOUT.plusSeconds(5);

  /** Journal entries looked at to link tasks to commits. */
  static final int JOURNAL_LOOKUP = 2_000;

  private final ReconcileLoop loop;
  private final SnapshotTracker snapshots;
  private final RemoteClients clients;
  private final JdbcStatusStore store;
  private final Clock clock;
  private Collected latest;
  private Mono<TaskList> inFlight;

  /** Counts collections, so that a finished one never clears the one started after it. */
  private long collection;

  public TaskCollector(
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      RemoteClients clients,
      JdbcStatusStore store,
      Clock clock) {
    this.loop = loop;
    this.snapshots = snapshots;
    this.clients = clients;
    this.store = store;
    this.clock = clock;
  }

  private record Collected(Instant at, TaskList list) {}

  /** One remote's share of a collection: its tasks, or why there are none. */
  private record RemoteTasks(List<TaskRow> tasks, Optional<TaskList.Failure> failure) {}

  @Override
  public synchronized Mono<TaskList> tasks() {
    Instant now = clock.instant();
    if (latest != null && latest.at().plus(MAX_AGE).isAfter(now)) {
      return Mono.just(latest.list());
    }
    if (inFlight == null) {
      long number = ++collection;
      // One collection at a time; everyone who asks meanwhile shares it.
      // Stamped when it ends: a collection slowed by a remote is fresh when it arrives.
      inFlight =
          collect(now)
              .timeout(COLLECTION_TIMEOUT)
              .onErrorResume(e -> Mono.just(collectionFailed(e)))
              .doOnNext(list -> remember(clock.instant(), list, number))
              .doFinally(signal -> forget(number))
              .cache();
    }
    return inFlight;
  }

  @Override
  public TaskList latest() {
    Collected seen;
    synchronized (this) {
      seen = latest;
    }
    if (seen == null || !seen.at().plus(MAX_AGE).isAfter(clock.instant())) {
      // Errors end up in the list's failures; nothing to report here.
      tasks().subscribe(list -> {}, e -> {});
    }
    return seen == null ? TaskList.empty(clock.instant().toString()) : seen.list();
  }

  /**
   * Also ends the collection in flight, before anyone gets its list: whoever asks after that, once
   * the list has aged, starts a new one (doFinally alone would run after the subscribers).
   */
  private synchronized void remember(Instant at, TaskList list, long number) {
    latest = new Collected(at, list);
    forget(number);
  }

  private synchronized void forget(long number) {
    if (number == collection) {
      inFlight = null;
    }
  }

  private Mono<TaskList> collect(Instant now) {
    var observed = loop.latestObserved();
    var state = snapshots.state();
    if (observed.isEmpty() || state.isEmpty()) {
      return Mono.just(TaskList.empty(now.toString()));
    }
    return Mono.fromCallable(this::journalByUpid)
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(READ_TIMEOUT)
        // Without the journal the tasks are still worth showing, just not linked to commits.
        .onErrorReturn(Map.of())
        .flatMap(
            journal ->
                Flux.fromIterable(state.get().remotes())
                    .flatMap(
                        remote ->
                            remoteTasks(
                                remote,
                                observed.get().inventory().remote(remote.metadata().name()),
                                journal),
                        CONCURRENCY)
                    .collectList())
        .map(parts -> merge(now, parts));
  }

  private static TaskList merge(Instant now, List<RemoteTasks> parts) {
    List<TaskRow> tasks = new ArrayList<>();
    List<TaskList.Failure> failures = new ArrayList<>();
    for (RemoteTasks part : parts) {
      tasks.addAll(part.tasks());
      part.failure().ifPresent(failures::add);
    }
    tasks.sort(
        Comparator.comparing(TaskRow::started)
            .reversed()
            .thenComparing(TaskRow::remote)
            .thenComparing(TaskRow::upid));
    failures.sort(Comparator.comparing(TaskList.Failure::remote));
    return new TaskList(now.toString(), tasks, failures);
  }

  private Map<String, JournalEntry> journalByUpid() {
    Map<String, JournalEntry> byUpid = new HashMap<>();
    for (JournalEntry e : store.recentActions(JOURNAL_LOOKUP)) {
      e.upid().ifPresent(u -> byUpid.putIfAbsent(u, e));
    }
    return byUpid;
  }

  private Mono<RemoteTasks> remoteTasks(
      Remote remote, Optional<RemoteObservation> seen, Map<String, JournalEntry> journal) {
    String name = remote.metadata().name();
    if (seen.isEmpty()) {
      return Mono.just(failed(name, "not observed yet"));
    }
    if (seen.get() instanceof RemoteObservation.Unreachable down) {
      return Mono.just(failed(name, "offline: " + down.message()));
    }
    RemoteObservation.Reachable up = (RemoteObservation.Reachable) seen.get();
    Mono<List<TaskRow>> read;
    try {
      if (remote.spec().type() == RemoteType.PBS) {
        read =
            clients
                .pbs(remote)
                .tasks(PER_NODE)
                .map(list -> list.stream().map(t -> row(name, t, journal)).toList());
      } else {
        var client = clients.pve(remote);
        read =
            Flux.fromIterable(up.nodes())
                .filter(NodeObservation::online)
                .flatMap(node -> client.tasks(node.name(), TaskSource.ALL, PER_NODE))
                .flatMapIterable(list -> list)
                .map(t -> row(name, t, journal))
                .collectList();
      }
    } catch (SecretResolver.SecretUnavailableException e) {
      return Mono.just(failed(name, e.getMessage()));
    }
    return read.timeout(READ_TIMEOUT)
        .map(tasks -> new RemoteTasks(tasks, Optional.empty()))
        // The client's messages already name the remote.
        .onErrorResume(
            e -> Mono.just(failed(name, message(e).replaceFirst("^\\Q" + name + ": \\E", ""))));
  }

  /** What a collection that did not finish in time answers: the last list, or nothing. */
  private synchronized TaskList collectionFailed(Throwable e) {
    return latest != null
        ? latest.list()
        : new TaskList(
            clock.instant().toString(),
            List.of(),
            List.of(new TaskList.Failure("all", "the collection did not finish: " + message(e))));
  }

  private static RemoteTasks failed(String remote, String message) {
    return new RemoteTasks(List.of(), Optional.of(new TaskList.Failure(remote, message)));
  }

  /** The message with the remote's name in front, once. */
  static String withRemote(String remote, String message) {
    return message.startsWith(remote + ": ") ? message : remote + ": " + message;
  }

  private static String message(Throwable e) {
    if (e instanceof TimeoutException) {
      return "no answer within " + READ_TIMEOUT.toSeconds() + " s";
    }
    return e instanceof RemoteApiException ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static TaskRow row(String remote, TaskSummary t, Map<String, JournalEntry> journal) {
    return row(
        remote,
        t.node(),
        t.upid(),
        t.type(),
        t.id(),
        t.tokenid().map(token -> t.user() + "!" + token).orElse(t.user()),
        t.starttime(),
        t.endtime(),
        t.status(),
        journal);
  }

  private static TaskRow row(String remote, PbsTask t, Map<String, JournalEntry> journal) {
    return row(
        remote,
        t.node(),
        t.upid(),
        t.workerType(),
        t.workerId(),
        t.user(),
        t.starttime(),
        t.endtime(),
        t.status(),
        journal);
  }

  /** One task as both products list it: no end time means running, then status is the exit. */
  private static TaskRow row(
      String remote,
      String node,
      String upid,
      String type,
      Optional<String> id,
      String user,
      long starttime,
      Optional<Long> endtime,
      Optional<String> status,
      Map<String, JournalEntry> journal) {
    Optional<JournalEntry> ours = Optional.ofNullable(journal.get(upid));
    boolean running = endtime.isEmpty();
    return new TaskRow(
        remote,
        node,
        upid,
        type,
        id.filter(s -> !s.isEmpty()),
        user,
        Instant.ofEpochSecond(starttime).toString(),
        endtime.map(e -> Instant.ofEpochSecond(e).toString()),
        TaskState.of(running, status),
        running ? Optional.empty() : status,
        ours.map(JournalEntry::commitSha),
        ours.map(JournalEntry::resource));
  }

  @Override
  public Mono<TaskLogView> log(String remote, String upidText, RemoteToken via) {
    return Mono.defer(
            () -> {
              RemoteTask task = RemoteTask.of(snapshots, clients, remote, upidText, via);
              return Mono.zip(task.log(0, TaskLogView.MAX_LINES), task.status())
                  .timeout(READ_TIMEOUT)
                  .map(
                      t ->
                          new TaskLogView(
                              remote,
                              upidText,
                              TaskState.of(t.getT2().isRunning(), t.getT2().exitstatus()),
                              t.getT2().exitstatus(),
                              t.getT1().lines().stream().map(TaskLog.Line::t).toList(),
                              t.getT1().total()));
            })
        // Resolving the token reads a file and a new client sets up TLS: not on an event loop.
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(
            io.pdmgitops.reconcilers.api.NotFoundException.class,
            e -> new NotFoundException(remote + " has no task " + upidText))
        .onErrorMap(
            io.pdmgitops.reconcilers.api.PermissionDeniedException.class,
            e -> new RemoteReadException(UserCallErrors.refusal(remote, via, e)))
        .onErrorMap(
            e -> e instanceof RemoteApiException || e instanceof TimeoutException,
            e -> new RemoteReadException(withRemote(remote, message(e))));
  }
}
