package io.pdmgitops.controller.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.reconcilers.engine.Reconciler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The work-queue rules, one test each, with scripted results and hand-moved time. */
class ReconcileQueueTest {
  static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofSeconds(2), 1.5, Duration.ofMinutes(1), 0);

  final ManualTimers timers = new ManualTimers();
  final List<String> runs = new ArrayList<>();
  final Deque<Sinks.One<ReconcileResult>> inFlight = new ArrayDeque<>();
  final Deque<ReconcileResult> script = new ArrayDeque<>();

  /** Each run either takes the next scripted result at once, or waits to be finished by hand. */
  ReconcileQueue<String> queue(int maxConcurrent, boolean manual) {
    return queue(
        maxConcurrent,
        key -> {
          if (manual) {
            return finishedByHand(key);
          }
          return Mono.just(script.isEmpty() ? ReconcileResult.done() : script.removeFirst());
        });
  }

  /** A queue around the given reconciler; every run is recorded in {@link #runs}. */
  ReconcileQueue<String> queue(int maxConcurrent, Reconciler<String> reconciler) {
    return new ReconcileQueue<>(
        key -> {
          runs.add(key);
          return reconciler.reconcile(key);
        },
        RETRY,
        timers,
        () -> 0.5,
        maxConcurrent,
        ReconcileQueue.DEFAULT_RECONCILE_TIMEOUT);
  }

  /** A run that waits until {@link #finishNext} ends it. */
  Mono<ReconcileResult> finishedByHand(String key) {
    Sinks.One<ReconcileResult> sink = Sinks.one();
    inFlight.addLast(sink);
    return sink.asMono();
  }

  void finishNext(ReconcileResult result) {
    inFlight.removeFirst().tryEmitValue(result);
  }

  @Test
  void closeCancelsRunningReconcilesAndStartsNoneAfterwards() {
    AtomicInteger cancelled = new AtomicInteger();
    ReconcileQueue<String> queue =
        queue(1, key -> Mono.<ReconcileResult>never().doOnCancel(cancelled::incrementAndGet));
    queue.submit("web");
    queue.submit("db"); // waits for the one slot

    queue.close();

    assertThat(cancelled).hasValue(1);
    queue.submit("db");
    queue.resync("dns");
    assertThat(runs).containsExactly("web");
    assertThat(queue.waiting()).isZero();
  }

  @Test
  void closeCancelsWaitingRetries() {
    ReconcileQueue<String> queue = queue(4, false);
    script.add(ReconcileResult.retryable("VM is locked (backup)"));
    queue.submit("web");
    assertThat(timers.pending()).hasSize(1);

    queue.close();

    assertThat(timers.pending()).isEmpty();
  }

  @Test
  void oneReconcilePerKeyAtATime() {
    ReconcileQueue<String> queue = queue(4, true);

    queue.submit("web");
    queue.submit("web");

    assertThat(runs).containsExactly("web");
    assertThat(queue.status("web").orElseThrow().running()).isTrue();
  }

  @Test
  void eventsDuringReconcileCoalesceIntoOneFollowUp() {
    ReconcileQueue<String> queue = queue(4, true);
    queue.submit("web");
    for (int i = 0; i < 5; i++) {
      queue.submit("web");
    }

    finishNext(ReconcileResult.done());

    assertThat(runs).containsExactly("web", "web");
    finishNext(ReconcileResult.done());
    assertThat(runs).hasSize(2);
  }

  @Test
  void aRetryableFailureRunsAgainAfterTheBackOff() {
    ReconcileQueue<String> queue = queue(4, false);
    script.add(ReconcileResult.retryable("VM is locked (backup)"));

    queue.submit("web");

    assertThat(runs).containsExactly("web");
    assertThat(timers.pending()).containsExactly(Duration.ofSeconds(2));
    timers.advance(Duration.ofMillis(1999));
    assertThat(runs).hasSize(1);
    timers.advance(Duration.ofMillis(1));
    assertThat(runs).containsExactly("web", "web");
    assertThat(queue.status("web").orElseThrow().failedAttempts()).isZero();
  }

  @Test
  void aNewEventAfterAFailureRunsAtOnceAndCancelsTheTimer() {
    ReconcileQueue<String> queue = queue(4, false);
    script.add(ReconcileResult.retryable("node unreachable"));
    queue.submit("web");

    queue.submit("web");

    assertThat(runs).containsExactly("web", "web");
    assertThat(timers.pending()).isEmpty();
  }

  @Test
  void aPeriodicResyncWaitsForTheRetryTimer() {
    ReconcileQueue<String> queue = queue(4, false);
    script.add(ReconcileResult.retryable("VM is locked (backup)"));
    queue.submit("web");

    queue.resync("web");

    assertThat(runs).containsExactly("web");
    assertThat(timers.pending()).containsExactly(Duration.ofSeconds(2));
    timers.advance(Duration.ofSeconds(2));
    assertThat(runs).containsExactly("web", "web");
    queue.resync("web"); // nothing pending any more: a resync runs like an event
    assertThat(runs).hasSize(3);
  }

  @Test
  void retriesUsedUpMarkTheKeyAsGivenUp() {
    ReconcileQueue<String> queue = queue(4, false);
    script.add(ReconcileResult.retryable("1"));
    script.add(ReconcileResult.retryable("2"));
    script.add(ReconcileResult.retryable("3"));

    queue.submit("web");
    timers.advance(Duration.ofSeconds(2));
    timers.advance(Duration.ofSeconds(3));

    assertThat(runs).hasSize(3);
    assertThat(timers.pending()).isEmpty();
    assertThat(queue.status("web").orElseThrow().gaveUp()).isTrue();

    queue.submit("web"); // a resync or a new commit starts afresh
    assertThat(runs).hasSize(4);
    assertThat(queue.status("web").orElseThrow().gaveUp()).isFalse();
  }

  @Test
  void anErrorSignalBecomesARetryableResultAtTheBoundary() {
    ReconcileQueue<String> queue =
        new ReconcileQueue<>(
            key -> Mono.error(new IllegalStateException("bug")),
            RETRY,
            timers,
            () -> 0.5,
            4,
            ReconcileQueue.DEFAULT_RECONCILE_TIMEOUT);

    queue.submit("web");

    KeyStatus status = queue.status("web").orElseThrow();
    assertThat(status.lastResult()).containsInstanceOf(ReconcileResult.Retryable.class);
    assertThat(status.retryScheduled()).isTrue();
  }

  @Test
  void requeueAfterLooksAgainLater() {
    ReconcileQueue<String> queue = queue(4, false);
    script.add(ReconcileResult.requeueAfter(Duration.ofSeconds(10), "following task"));

    queue.submit("web");
    timers.advance(Duration.ofSeconds(10));

    assertThat(runs).containsExactly("web", "web");
    assertThat(queue.status("web").orElseThrow().failedAttempts()).isZero();
  }

  @Test
  void atMostMaxConcurrentRunAndTheRestWaitInOrder() {
    ReconcileQueue<String> queue = queue(2, true);

    queue.submit("a");
    queue.submit("b");
    queue.submit("c");
    queue.submit("d");

    assertThat(runs).containsExactly("a", "b");
    assertThat(queue.waiting()).isEqualTo(2);
    finishNext(ReconcileResult.done());
    assertThat(runs).containsExactly("a", "b", "c");
    assertThat(queue.running()).isEqualTo(2);
  }

  /** Keys "remote/guest" grouped by remote; "slow/..." keys may run for an hour, others 50 ms. */
  static final KeyBudget<String> BY_REMOTE =
      new KeyBudget<>() {
        @Override
        public java.util.Optional<String> group(String key) {
          return java.util.Optional.of(key.substring(0, key.indexOf('/')));
        }

        @Override
        public Duration timeout(String key) {
          return key.startsWith("slow/") ? Duration.ofHours(1) : Duration.ofMillis(50);
        }
      };

  ReconcileQueue<String> grouped(int maxConcurrent, int perGroup, Reconciler<String> reconciler) {
    return new ReconcileQueue<>(
        key -> {
          runs.add(key);
          return reconciler.reconcile(key);
        },
        RETRY,
        timers,
        () -> 0.5,
        maxConcurrent,
        perGroup,
        BY_REMOTE);
  }

  @Test
  void aFullGroupHoldsItsKeysWithoutTimersWhileOtherGroupsRun() {
    ReconcileQueue<String> queue = grouped(8, 2, this::finishedByHand);

    for (String key : List.of("east/a", "east/b", "east/c", "east/d", "west/e")) {
      queue.submit(key);
    }

    assertThat(runs).containsExactly("east/a", "east/b", "west/e");
    assertThat(queue.running("east")).isEqualTo(2);
    assertThat(queue.waiting()).isEqualTo(2);
    assertThat(timers.pending()).as("waiting for a slot is not a retry").isEmpty();
    assertThat(queue.status("east/c").orElseThrow().lastResult()).isEmpty();

    finishNext(ReconcileResult.done()); // east/a
    assertThat(runs).containsExactly("east/a", "east/b", "west/e", "east/c");
    finishNext(ReconcileResult.done()); // east/b
    finishNext(ReconcileResult.done()); // west/e: frees nothing east needs
    assertThat(runs).containsExactly("east/a", "east/b", "west/e", "east/c", "east/d");
    assertThat(queue.running("east")).isEqualTo(2);
    assertThat(queue.running("west")).isZero();
  }

  @Test
  void groupsTakeTurnsSoOneBusyRemoteDoesNotStarveTheOthers() {
    ReconcileQueue<String> queue = grouped(1, 1, this::finishedByHand);

    for (String key : List.of("east/a", "east/b", "east/c", "west/d")) {
      queue.submit(key);
    }
    for (int i = 0; i < 3; i++) {
      finishNext(ReconcileResult.done());
    }

    assertThat(runs).containsExactly("east/a", "east/b", "west/d", "east/c");
  }

  @Test
  void eachRunLastsItsOwnKeysBudget() {
    ReconcileQueue<String> queue = grouped(8, 8, key -> Mono.never());

    queue.submit("slow/migrate");
    queue.submit("fast/start");

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !queue.status("fast/start").orElseThrow().running());
    assertThat(queue.status("fast/start").orElseThrow().lastResult())
        .containsInstanceOf(ReconcileResult.Retryable.class);
    assertThat(queue.status("slow/migrate").orElseThrow().running())
        .as("an hour's budget is not cut at the other key's")
        .isTrue();
    queue.close();
  }

  @Test
  void aReconcileThatNeverEndsTimesOutAsRetryable() {
    ReconcileQueue<String> queue =
        new ReconcileQueue<>(
            key -> Mono.never(), RETRY, timers, () -> 0.5, 4, Duration.ofMillis(50));

    queue.submit("web");

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !queue.status("web").orElseThrow().running());
    assertThat(queue.status("web").orElseThrow().lastResult())
        .containsInstanceOf(ReconcileResult.Retryable.class);
  }
}
