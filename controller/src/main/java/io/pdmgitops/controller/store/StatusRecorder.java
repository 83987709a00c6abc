package io.pdmgitops.controller.store;

import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.ResourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the store's resource table in step with each drift report: a changed verdict is written
 * with an event naming the commit in force, a resource no longer declared is removed. The previous
 * verdicts are read from the store once, so a restart does not report every resource as changed.
 */
public final class StatusRecorder {
  private final JdbcResourceStore store;
  private final Clock clock;
  private Map<String, StoredStatus> last;

  public StatusRecorder(JdbcResourceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Records what changed since the last report; returns the number of changed resources. */
  public synchronized int record(DriftReport report, Optional<String> commitSha) {
    if (last == null) {
      last = new HashMap<>(store.statuses());
    }
    Instant now = clock.instant();
    List<StoredStatus> changed = new ArrayList<>();
    List<JdbcResourceStore.NewEvent> events = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (ResourceStatus status : report.resources()) {
      StoredStatus next = StoredStatus.of(status, now);
      declared.add(next.resource());
      StoredStatus before = last.get(next.resource());
      if (before != null && before.sameVerdict(next)) {
        continue;
      }
      changed.add(next);
      events.add(
          new JdbcResourceStore.NewEvent(
              EventType.STATUS_CHANGED,
              Optional.of(next.resource()),
              commitSha,
              describe(Optional.ofNullable(before), next)));
    }
    List<String> removed = last.keySet().stream().filter(r -> !declared.contains(r)).toList();
    for (String resource : removed) {
      events.add(
          new JdbcResourceStore.NewEvent(
              EventType.RESOURCE_REMOVED,
              Optional.of(resource),
              commitSha,
              "no longer declared in Git"));
    }
    if (changed.isEmpty() && removed.isEmpty()) {
      return 0;
    }
    store.apply(changed, removed, events, now);
    removed.forEach(last::remove);
    changed.forEach(s -> last.put(s.resource(), s));
    return changed.size();
  }

  private static String describe(Optional<StoredStatus> before, StoredStatus next) {
    String verdict = next.sync() + ", " + next.health();
    String was = before.map(b -> " (was " + b.sync() + ", " + b.health() + ")").orElse("");
    return verdict + was + (next.message().isBlank() ? "" : ": " + next.message());
  }
}
