package io.pdmgitops.controller.loop;

import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.plan.PlannedAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers failed actions per resource so that a failure does not repeat every cycle: a permanent
 * one waits until the desired objects or the observed state change, a transient one backs off
 * across cycles up to {@link #MAX_DELAY}. A failure is logged when it starts and when its kind of
 * error changes, not at every attempt. Bounded by the declared resources: the loop drops what Git
 * no longer declares.
 */
public final class ActionFailures {
  private static final Logger LOG = LoggerFactory.getLogger(ActionFailures.class);

  /** The first retry of a transient failure. */
  public static final Duration FIRST_DELAY = Duration.ofSeconds(15);

  /** Transient failures are retried at least this often, so a remote that heals is noticed. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(10);

  /** 15 s, 30 s, 1 min ... 10 min, plus or minus 20 %, never giving up. */
  public static final RetryPolicy BACK_OFF =
      new RetryPolicy(Integer.MAX_VALUE, FIRST_DELAY, 2.0, MAX_DELAY, 0.2);

  private final Clock clock;
  private final RetryPolicy backOff;
  private final DoubleSupplier random;
  private final Map<ObjectRef, ActionFailure> failures = new ConcurrentHashMap<>();

  public ActionFailures(Clock clock, RetryPolicy backOff, DoubleSupplier random) {
    this.clock = clock;
    this.backOff = backOff;
    this.random = random;
  }

  /** The failure that holds this action back now, if any. */
  public Optional<ActionFailure> holding(PlannedAction action, String fingerprint) {
    ActionFailure failure = failures.get(action.guest());
    Instant now = clock.instant();
    return failure != null && failure.holds(action.kind(), fingerprint, now)
        ? Optional.of(failure)
        : Optional.empty();
  }

  /** The resource's remembered failure, for pages and the API. */
  public Optional<ActionFailure> of(ObjectRef resource) {
    return Optional.ofNullable(failures.get(resource));
  }

  /**
   * Records a failed attempt and returns what is now remembered; a transient failure's {@code
   * nextRetry} says when to try again.
   */
  public ActionFailure failed(
      PlannedAction action, String fingerprint, boolean permanent, String error) {
    Instant now = clock.instant();
    ActionFailure next =
        failures.compute(
            action.guest(),
            (ref, before) -> {
              int attempts =
                  before != null
                          && before.action() == action.kind()
                          && before.fingerprint().equals(fingerprint)
                      ? before.attempts() + 1
                      : 1;
              Optional<Instant> retry =
                  permanent
                      ? Optional.empty()
                      : Optional.of(
                          now.plus(backOff.nextDelay(attempts, random).orElse(backOff.maxDelay())));
              return new ActionFailure(
                  action.kind(), fingerprint, permanent, attempts, error, now, retry);
            });
    if (next.attempts() == 1) {
      LOG.warn(
          "{} {} failed{}: {}",
          action.kind(),
          action.guest(),
          permanent ? " for good, not retried until Git or the guest changes" : ", will retry",
          error);
    }
    return next;
  }

  /** The action was carried out: whatever failed before is forgotten. */
  public void succeeded(ObjectRef resource) {
    ActionFailure before = failures.remove(resource);
    if (before != null) {
      LOG.info(
          "{} {} succeeded after {} failed attempts", before.action(), resource, before.attempts());
    }
  }

  /** Forgets resources Git no longer declares. */
  public void retain(Collection<ObjectRef> declared) {
    failures.keySet().retainAll(declared);
  }

  /** Failures held now, for metrics. */
  public long count(boolean permanent) {
    return failures.values().stream().filter(f -> f.permanent() == permanent).count();
  }
}
