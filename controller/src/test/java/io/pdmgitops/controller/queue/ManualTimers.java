package io.pdmgitops.controller.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers that fire only when the test moves time forward. */
final class ManualTimers implements Timers {
  private final List<Entry> entries = new ArrayList<>();
  private Duration now = Duration.ZERO;

  private final class Entry implements Cancellable {
    final Duration due;
    final Runnable task;
    boolean cancelled;

    Entry(Duration due, Runnable task) {
      this.due = due;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Entry entry = new Entry(now.plus(delay), task);
    entries.add(entry);
    return entry;
  }

  /** Moves time and runs what became due, in due order. */
  void advance(Duration by) {
    List<Entry> due;
    synchronized (this) {
      now = now.plus(by);
      due =
          entries.stream()
              .filter(e -> !e.cancelled && e.due.compareTo(now) <= 0)
              .sorted(Comparator.comparing(e -> e.due))
              .toList();
      entries.removeAll(due);
    }
    due.forEach(e -> e.task.run());
  }

  synchronized List<Duration> pending() {
    return entries.stream().filter(e -> !e.cancelled).map(e -> e.due.minus(now)).toList();
  }
}
