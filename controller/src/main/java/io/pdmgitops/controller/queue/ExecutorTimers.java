package io.pdmgitops.controller.queue;

import io.pdmgitops.controller.threads.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link Timers} on one daemon scheduler thread; tasks must be short and hand work off. */
public final class ExecutorTimers implements Timers, AutoCloseable {
  private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("reconcile-timers");

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
