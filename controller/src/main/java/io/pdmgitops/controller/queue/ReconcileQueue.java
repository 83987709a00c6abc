package io.pdmgitops.controller.queue;

import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.reconcilers.engine.Reconciler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * Schedules reconciles of resources identified by {@code K}, with the Java Operator SDK's rules:
 *
 * <ul>
 *   <li>one reconcile per key at a time;
 *   <li>events that arrive while a key runs are merged into exactly one follow-up run;
 *   <li>after a retryable failure the retry policy's timer runs it again, unless a new event
 *       arrives first, which runs at once; a periodic {@link #resync} waits for the timer;
 *   <li>when retries are used up the key is marked as given up; the next event or periodic resync
 *       starts afresh;
 *   <li>at most {@code maxConcurrent} reconciles run at once, and at most {@code perGroup} of one
 *       group (a remote); the others wait, in arrival order within a group and taking turns between
 *       groups, and start as soon as a slot frees: no key is requeued to wait;
 *   <li>one run of a key lasts at most its {@link KeyBudget#timeout}, then counts as a retryable
 *       failure;
 *   <li>{@link #close} cancels the running reconciles and starts no more.
 * </ul>
 *
 * All state sits behind one lock held only for bookkeeping, never while a reconcile runs.
 */
public final class ReconcileQueue<K> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileQueue.class);

  /** A reconcile that neither finishes nor fails within this time counts as a retryable failure. */
  public static final Duration DEFAULT_RECONCILE_TIMEOUT = Duration.ofMinutes(5);

  private final Reconciler<K> reconciler;
  private final RetryPolicy retry;
  private final Timers timers;
  private final DoubleSupplier random;
  private final int maxConcurrent;
  private final int perGroup;
  private final KeyBudget<K> budget;
  private final Map<K, State> states = new HashMap<>();

  /** Waiting keys by group, each in arrival order. */
  private final Map<String, Deque<K>> ready = new HashMap<>();

  /** The groups with waiting keys, in the order they take their turn. */
  private final Deque<String> turns = new ArrayDeque<>();

  private final Map<String, Integer> runningInGroup = new HashMap<>();
  private int waiting;

  /** The group of keys that belong to none: only {@code maxConcurrent} limits them. */
  private static final String NO_GROUP = "";

  /** The running reconciles' subscriptions, cancelled together by {@link #close}. */
  private final Disposable.Composite runs = Disposables.composite();

  private int running;
  private boolean closed;

  private static final class State {
    boolean running;
    boolean queued;
    boolean pending;
    int failedAttempts;
    String group;
    boolean gaveUp;
    Timers.Cancellable retryTimer;
    ReconcileResult lastResult;
  }

  /**
   * Builds a queue around a reconciler and the owner's budgets, so the owner of the reconciler need
   * not know the rest.
   */
  @FunctionalInterface
  public interface Factory<K> {
    ReconcileQueue<K> create(Reconciler<K> reconciler, KeyBudget<K> budget);
  }

  /** A queue without groups, one timeout for every run. */
  public ReconcileQueue(
      Reconciler<K> reconciler,
      RetryPolicy retry,
      Timers timers,
      DoubleSupplier random,
      int maxConcurrent,
      Duration reconcileTimeout) {
    this(
        reconciler,
        retry,
        timers,
        random,
        maxConcurrent,
        maxConcurrent,
        KeyBudget.uniform(reconcileTimeout));
  }

  /**
   * @param perGroup at most this many runs of one group at once
   * @param budget each key's group and run timeout
   */
  public ReconcileQueue(
      Reconciler<K> reconciler,
      RetryPolicy retry,
      Timers timers,
      DoubleSupplier random,
      int maxConcurrent,
      int perGroup,
      KeyBudget<K> budget) {
    if (maxConcurrent < 1 || perGroup < 1) {
      throw new IllegalArgumentException("maxConcurrent and perGroup must be at least 1");
    }
    this.reconciler = reconciler;
    this.retry = retry;
    this.timers = timers;
    this.random = random;
    this.maxConcurrent = maxConcurrent;
    this.perGroup = perGroup;
    this.budget = budget;
  }

  /** An event for a key: something about it may have changed. */
  public void submit(K key) {
    synchronized (this) {
      if (closed) {
        return;
      }
      State state = states.computeIfAbsent(key, k -> new State());
      if (state.running) {
        state.pending = true; // merged into one follow-up when the run ends
        return;
      }
      if (state.retryTimer != null) {
        // A new event after a failure runs at once instead of waiting for the retry timer.
        state.retryTimer.cancel();
        state.retryTimer = null;
      }
      enqueue(key, state);
    }
    drain();
  }

  /**
   * A periodic resync: nothing new is known about the key, so it neither cuts a retry back-off
   * short nor adds a follow-up to a running reconcile (JOSDK's max reconciliation interval).
   */
  public void resync(K key) {
    synchronized (this) {
      if (closed) {
        return;
      }
      State state = states.computeIfAbsent(key, k -> new State());
      if (state.running || state.retryTimer != null) {
        return;
      }
      enqueue(key, state);
    }
    drain();
  }

  public synchronized Optional<KeyStatus> status(K key) {
    State s = states.get(key);
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(
        new KeyStatus(
            s.running,
            s.pending || s.queued,
            s.retryTimer != null,
            s.failedAttempts,
            s.gaveUp,
            Optional.ofNullable(s.lastResult)));
  }

  /** Reconciles running now, for metrics. */
  public synchronized int running() {
    return running;
  }

  /** Keys waiting for a free slot, for metrics. */
  public synchronized int waiting() {
    return waiting;
  }

  /** Runs of this group now, for tests and metrics. */
  public synchronized int running(String group) {
    return runningInGroup.getOrDefault(group, 0);
  }

  private void enqueue(K key, State state) {
    if (!state.queued) {
      state.queued = true;
      String group = budget.group(key).orElse(NO_GROUP);
      Deque<K> keys = ready.computeIfAbsent(group, g -> new ArrayDeque<>());
      if (keys.isEmpty()) {
        turns.addLast(group);
      }
      keys.addLast(key);
      waiting++;
    }
  }

  /**
   * The next waiting key whose group has a free slot, groups taking turns; none if every group with
   * waiting keys is at its limit. Called with the lock held.
   */
  private K next() {
    for (int tried = turns.size(); tried > 0; tried--) {
      String group = turns.pollFirst();
      Deque<K> keys = ready.get(group);
      if (NO_GROUP.equals(group) || runningInGroup.getOrDefault(group, 0) < perGroup) {
        K key = keys.pollFirst();
        if (keys.isEmpty()) {
          ready.remove(group);
        } else {
          turns.addLast(group);
        }
        waiting--;
        runningInGroup.merge(group, 1, Integer::sum);
        states.get(key).group = group;
        return key;
      }
      turns.addLast(group);
    }
    return null;
  }

  /** Starts waiting keys while slots are free; the reconciles themselves run unlocked. */
  private void drain() {
    while (true) {
      K key;
      synchronized (this) {
        if (closed || running >= maxConcurrent || waiting == 0) {
          return;
        }
        key = next();
        if (key == null) {
          return; // every waiting key's group is full: a finishing run drains again
        }
        State state = states.get(key);
        state.queued = false;
        state.running = true;
        running++;
      }
      start(key);
    }
  }

  private void start(K key) {
    MDC.put("resource", String.valueOf(key));
    try {
      // The one boundary where error signals become results.
      Disposable.Swap run = Disposables.swap();
      if (!runs.add(run)) {
        return; // closed since the slot was taken: start nothing
      }
      run.update(
          reconciler
              .reconcile(key)
              .timeout(budget.timeout(key))
              .defaultIfEmpty(ReconcileResult.done())
              .onErrorResume(e -> reactor.core.publisher.Mono.just(unexpected(key, e)))
              .doFinally(signal -> runs.remove(run))
              .subscribe(result -> finished(key, result)));
    } catch (RuntimeException e) {
      finished(key, unexpected(key, e));
    } finally {
      MDC.remove("resource");
    }
  }

  private ReconcileResult unexpected(K key, Throwable e) {
    LOG.warn("reconcile of {} failed unexpectedly: {}", key, e.toString());
    return ReconcileResult.retryable("unexpected error: " + e.getClass().getSimpleName());
  }

  /**
   * Cancels every running reconcile and starts none from now on. An action cut off this way is left
   * as the journal last saw it (planned, or sent with its task), and the next start settles it from
   * the remote's task list, as after a crash: it is never marked failed by the shutdown.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      ready.clear();
      turns.clear();
      waiting = 0;
      for (State state : states.values()) {
        if (state.retryTimer != null) {
          state.retryTimer.cancel();
          state.retryTimer = null;
        }
      }
    }
    runs.dispose();
  }

  private void finished(K key, ReconcileResult result) {
    synchronized (this) {
      if (closed) {
        return; // no follow-up, no retry timer after close
      }
      State state = states.get(key);
      state.running = false;
      running--;
      runningInGroup.computeIfPresent(state.group, (g, n) -> n == 1 ? null : n - 1);
      state.lastResult = result;
      if (result instanceof ReconcileResult.Retryable failure) {
        state.failedAttempts++;
        Optional<Duration> delay = retry.nextDelay(state.failedAttempts, random);
        if (state.pending) {
          state.pending = false;
          enqueue(key, state);
        } else if (delay.isPresent()) {
          state.retryTimer = timers.schedule(delay.get(), () -> retryFired(key));
        } else {
          state.gaveUp = true;
          LOG.error(
              "giving up on {} after {} attempts: {}", key, state.failedAttempts, failure.reason());
        }
      } else {
        state.failedAttempts = 0;
        state.gaveUp = result instanceof ReconcileResult.Failed;
        if (state.pending) {
          state.pending = false;
          enqueue(key, state);
        } else if (result instanceof ReconcileResult.RequeueAfter requeue) {
          state.retryTimer = timers.schedule(requeue.delay(), () -> retryFired(key));
        }
      }
    }
    drain();
  }

  private void retryFired(K key) {
    synchronized (this) {
      if (closed) {
        return;
      }
      State state = states.get(key);
      if (state == null || state.retryTimer == null) {
        return; // cancelled by an event that ran the key already
      }
      state.retryTimer = null;
      if (state.running) {
        state.pending = true;
        return;
      }
      enqueue(key, state);
    }
    drain();
  }
}
