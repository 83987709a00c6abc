package io.pdmgitops.simulator.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The newest requests of one remote, bounded so a long benchmark cannot fill the heap. */
public final class RequestLog {
  /** Requests kept; the oldest go first. */
  public static final int CAPACITY = 50_000;

  private final Deque<LoggedRequest> entries = new ArrayDeque<>();

  private long total;

  synchronized void add(LoggedRequest request) {
    total++;
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  /** Every request since start, kept or not: what a benchmark counts. */
  public synchronized long total() {
    return total;
  }

  /** Every kept request, oldest first. */
  public synchronized List<LoggedRequest> all() {
    return List.copyOf(entries);
  }

  /** The kept requests that match, oldest first. */
  public synchronized List<LoggedRequest> matching(Predicate<LoggedRequest> filter) {
    return entries.stream().filter(filter).toList();
  }
}
