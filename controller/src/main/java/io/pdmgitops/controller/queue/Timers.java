package io.pdmgitops.controller.queue;

import java.time.Duration;

/** Delayed work, behind an interface so tests can move time by hand. */
public interface Timers {
  /** Runs the task once after the delay; the handle cancels it if it has not run. */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that can still be called off. */
  interface Cancellable {
    void cancel();
  }
}
