package io.pdmgitops.controller.conditions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's active conditions. A condition is logged once when it starts and once when it
 * ends, never at every poll that still sees it: an operator reading the log sees transitions, not
 * noise. Bounded: at most {@value #MAX_CONDITIONS} at once (the fleet's remotes and a few more);
 * beyond that new ones are not kept.
 */
public final class Conditions {
  private static final Logger LOG = LoggerFactory.getLogger(Conditions.class);

  /** Conditions kept at once. */
  public static final int MAX_CONDITIONS = 10_000;

  private final Clock clock;
  private final Map<Key, Condition> active = new ConcurrentHashMap<>();

  private record Key(ConditionKind kind, String subject) {}

  public Conditions(Clock clock) {
    this.clock = clock;
  }

  /** The condition holds now, for this reason; logged if it was not active before. */
  public void raise(ConditionKind kind, String subject, String message) {
    Key key = new Key(kind, subject);
    Instant now = clock.instant();
    AtomicBoolean started = new AtomicBoolean();
    active.compute(
        key,
        (k, old) -> {
          if (old != null) {
            return new Condition(kind, subject, message, old.since());
          }
          if (active.size() >= MAX_CONDITIONS) {
            return null;
          }
          started.set(true);
          return new Condition(kind, subject, message, now);
        });
    if (started.get()) {
      LOG.warn("{} started: {}: {}", kind.wire(), subject, message);
    }
  }

  /** The condition no longer holds; logged with how long it lasted if it was active. */
  public void clear(ConditionKind kind, String subject) {
    Condition ended = active.remove(new Key(kind, subject));
    if (ended != null) {
      LOG.info(
          "{} ended: {} (after {})",
          kind.wire(),
          subject,
          Duration.between(ended.since(), clock.instant()).withNanos(0));
    }
  }

  /** Ends every condition of a kind whose subject is not in the list (e.g. remotes now gone). */
  public void retain(ConditionKind kind, Collection<String> subjects) {
    for (Key key : List.copyOf(active.keySet())) {
      if (key.kind() == kind && !subjects.contains(key.subject())) {
        clear(kind, key.subject());
      }
    }
  }

  public boolean isActive(ConditionKind kind) {
    return active.keySet().stream().anyMatch(k -> k.kind() == kind);
  }

  /** The active conditions, errors first, then the oldest first. */
  public List<Condition> active() {
    return active.values().stream()
        .sorted(
            Comparator.comparing((Condition c) -> !c.kind().severity().equals("error"))
                .thenComparing(Condition::since)
                .thenComparing(Condition::subject))
        .toList();
  }

  public long count(ConditionKind kind) {
    Objects.requireNonNull(kind, "kind");
    return active.keySet().stream().filter(k -> k.kind() == kind).count();
  }
}
