package io.pdmgitops.controller.git;

import io.pdmgitops.controller.diagnostics.StallReporter;
import io.pdmgitops.controller.threads.DaemonThreads;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches on a timer (interval with jitter) and on demand. All fetches run on one thread, so the
 * clone is never touched twice at once. Triggers in a burst are coalesced: a trigger that arrives
 * while a fetch runs causes exactly one more fetch afterwards, so the last push is never missed.
 * Triggers from outside ({@link #triggerSpaced()}, webhooks) fetch at once when the last fetch
 * started more than {@link #SPACING} ago, and otherwise once at the end of that time, however many
 * arrive: a hundred pushes in a second cost two fetches, and the first is not delayed.
 */
public final class GitPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GitPoller.class);

  /** Least time between the starts of fetches asked for from outside. */
  public static final Duration SPACING = Duration.ofSeconds(1);

  /** Default poll interval, as Argo CD's and Flux's. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  private final GitSource source;
  private final SnapshotTracker tracker;
  private final Duration interval;
  private final double jitter;
  private final DoubleSupplier random;
  private final Consumer<CommitOutcome> onNewCommit;
  private final Consumer<Optional<GitSourceException>> onFetch;
  private final ScheduledExecutorService thread = DaemonThreads.scheduler("git-poller");
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicBoolean trailing = new AtomicBoolean();
  private volatile long lastStartNanos = System.nanoTime() - SPACING.toNanos();
  private final StallReporter stalls =
      new StallReporter("a fetch of the desired state", Duration.ofMinutes(2));
  private volatile String lastSha;

  /**
   * @param jitter share of the interval added or removed at random, so many controllers do not poll
   *     one server in step
   */
  public GitPoller(
      GitSource source,
      SnapshotTracker tracker,
      Duration interval,
      double jitter,
      DoubleSupplier random,
      Consumer<CommitOutcome> onNewCommit,
      Consumer<Optional<GitSourceException>> onFetch) {
    this.source = source;
    this.tracker = tracker;
    this.interval = interval;
    this.jitter = jitter;
    this.random = random;
    this.onNewCommit = onNewCommit;
    this.onFetch = onFetch;
  }

  /** Fetches at once, then every interval. */
  public void start() {
    trigger();
    scheduleNext();
  }

  /** Asks for a fetch now (webhook, UI commit). Cheap and safe to call in bursts. */
  public void trigger() {
    if (queued.compareAndSet(false, true)) {
      thread.execute(this::fetchOnce);
    }
  }

  /**
   * Asks for a fetch on behalf of someone outside (a webhook): now, or once when the spacing since
   * the last fetch is over. Cheap and safe to call in floods.
   */
  public void triggerSpaced() {
    long wait = lastStartNanos + SPACING.toNanos() - System.nanoTime();
    if (wait <= 0) {
      trigger();
    } else if (trailing.compareAndSet(false, true)) {
      thread.schedule(
          () -> {
            trailing.set(false);
            trigger();
          },
          wait,
          TimeUnit.NANOSECONDS);
    }
  }

  /** Fetches started since the start, for metrics and for tests of coalescing. */
  public long fetches() {
    return fetches.get();
  }

  /** The head commit of the last fetch, if any. */
  public Optional<String> lastSha() {
    return Optional.ofNullable(lastSha);
  }

  private void scheduleNext() {
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    long delay = Math.max(1, Math.round(interval.toMillis() * factor));
    thread.schedule(
        () -> {
          trigger();
          scheduleNext();
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private void fetchOnce() {
    // Cleared before fetching: a trigger from now on queues one more fetch; the start is noted
    // first, so a spaced trigger that finds nothing queued also sees this start.
    lastStartNanos = System.nanoTime();
    queued.set(false);
    fetches.incrementAndGet();
    stalls.started();
    try {
      CommitInfo head = source.fetch();
      onFetch.accept(Optional.empty());
      if (head.sha().equals(lastSha)) {
        return;
      }
      CommitOutcome outcome = tracker.load(head, source.desiredStateRoot());
      lastSha = head.sha(); // only once loaded: whoever sees the sha also sees its snapshot
      onNewCommit.accept(outcome);
    } catch (GitSourceException e) {
      // Logged by whoever listens, once when fetches start failing and once when they work again.
      LOG.debug("{}", e.getMessage());
      onFetch.accept(Optional.of(e));
    } catch (RuntimeException e) {
      LOG.error("fetching the desired state failed", e);
    } finally {
      stalls.finished();
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    stalls.close();
  }
}
