package io.pdmgitops.controller.diagnostics;

import io.pdmgitops.controller.threads.DaemonThreads;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one kind of work (a fetch, a reconcile cycle) done on one thread: when a run takes longer
 * than its bound, the thread's stack is logged once, so an operator, or the next session, sees
 * where it hangs instead of a controller that silently stopped.
 */
public final class StallReporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StallReporter.class);

  private record Run(Thread thread, long startedNanos, boolean[] reported) {}

  private final String what;
  private final Duration bound;
  private final AtomicReference<Run> current = new AtomicReference<>();
  private final ScheduledExecutorService timer = DaemonThreads.scheduler("stall-reporter");

  public StallReporter(String what, Duration bound) {
    this.what = what;
    this.bound = bound;
    long every = Math.max(1_000, bound.toMillis() / 4);
    timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  /** Marks the start of a run on the calling thread. */
  public void started() {
    current.set(new Run(Thread.currentThread(), System.nanoTime(), new boolean[1]));
  }

  public void finished() {
    current.set(null);
  }

  private void check() {
    Run run = current.get();
    if (run == null || run.reported()[0]) {
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - run.startedNanos());
    if (took.compareTo(bound) > 0) {
      run.reported()[0] = true;
      LOG.warn(
          "{} has run for {} s (bound {} s); thread {} is at:\n    {}",
          what,
          took.toSeconds(),
          bound.toSeconds(),
          run.thread().getName(),
          Arrays.stream(run.thread().getStackTrace())
              .limit(40)
              .map(StackTraceElement::toString)
              .collect(Collectors.joining("\n    ")));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
