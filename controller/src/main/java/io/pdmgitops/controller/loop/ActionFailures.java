package io.pdmgitops.controller.loop;

import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.plan.ActionType;
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
 *
 * <p>An action that succeeds and is undone again from the same state, {@link #UNDONE_LIMIT} times
 * within {@link #UNDONE_WINDOW}, fights something outside Git (the HA manager, a user, a script):
 * from then on it backs off like a transient failure, so the two do not flip the guest every cycle.
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

  /** Successful corrections in a row, undone each time, after which the next one waits. */
  public static final int UNDONE_LIMIT = 3;

  /** Corrections further apart than this are not counted as one fight. */
  public static final Duration UNDONE_WINDOW = Duration.ofMinutes(10);

  private final Clock clock;
  private final RetryPolicy backOff;
  private final DoubleSupplier random;
  private final Map<ObjectRef, ActionFailure> failures = new ConcurrentHashMap<>();
  private final Map<ObjectRef, Corrections> corrections = new ConcurrentHashMap<>();

  /**
   * The same action carried out from the same state, {@code times} in a row, the last at {@code
   * last}.
   */
  private record Corrections(ActionType kind, String fingerprint, int times, Instant last) {
    boolean fight(ActionType k, String f, Instant now) {
      return kind == k
          && fingerprint.equals(f)
          && times >= UNDONE_LIMIT
          && !now.isAfter(last.plus(UNDONE_WINDOW));
    }
  }

  public ActionFailures(Clock clock, RetryPolicy backOff, DoubleSupplier random) {
    this.clock = clock;
    this.backOff = backOff;
    this.random = random;
  }

  /** The failure that holds this action back now, if any. */
  public Optional<ActionFailure> holding(PlannedAction action, String fingerprint) {
    ActionFailure failure = failures.get(action.resource());
    Instant now = clock.instant();
    if (failure != null && failure.action() == action.type()) {
      if (failure.fingerprint().equals(fingerprint)) {
        // A failure of this very action decides, also a fight whose back-off is over.
        return failure.holds(action.type(), fingerprint, now)
            ? Optional.of(failure)
            : Optional.empty();
      }
    }
    Corrections done = corrections.get(action.resource());
    if (done == null || !done.fight(action.type(), fingerprint, now)) {
      return Optional.empty();
    }
    int attempts = done.times() - UNDONE_LIMIT + 1;
    ActionFailure undone =
        new ActionFailure(
            action.type(),
            fingerprint,
            false,
            attempts,
            ("carried out %d times within %d minutes and undone each time by something outside"
                    + " Git (the HA manager, a user, a script): waiting before the next try")
                .formatted(done.times(), UNDONE_WINDOW.toMinutes()),
            now,
            Optional.of(now.plus(backOff.nextDelay(attempts, random).orElse(backOff.maxDelay()))));
    failures.put(action.resource(), undone);
    if (attempts == 1) {
      LOG.warn("{} {} {}", action.type(), action.resource(), undone.lastError());
    }
    return Optional.of(undone);
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
            action.resource(),
            (ref, before) -> {
              int attempts =
                  before != null
                          && before.action() == action.type()
                          && before.fingerprint().equals(fingerprint)
                      ? before.attempts() + 1
                      : 1;
              Optional<Instant> retry =
                  permanent
                      ? Optional.empty()
                      : Optional.of(
                          now.plus(backOff.nextDelay(attempts, random).orElse(backOff.maxDelay())));
              return new ActionFailure(
                  action.type(), fingerprint, permanent, attempts, error, now, retry);
            });
    if (next.attempts() == 1) {
      LOG.warn(
          "{} {} failed{}: {}",
          action.type(),
          action.resource(),
          permanent
              ? " for good, not retried until Git or what it acts on changes"
              : ", will retry",
          error);
    }
    return next;
  }

  /**
   * The action was carried out: whatever failed before is forgotten, and the correction is counted
   * in case something undoes it again.
   */
  public void succeeded(PlannedAction action, String fingerprint) {
    ObjectRef resource = action.resource();
    ActionFailure before = failures.remove(resource);
    if (before != null && !before.permanent() && before.fingerprint().equals(fingerprint)) {
      LOG.info(
          "{} {} succeeded after {} held or failed attempts",
          before.action(),
          resource,
          before.attempts());
    }
    Instant now = clock.instant();
    corrections.compute(
        resource,
        (ref, was) ->
            was != null
                    && was.kind() == action.type()
                    && was.fingerprint().equals(fingerprint)
                    && !now.isAfter(was.last().plus(UNDONE_WINDOW))
                ? new Corrections(action.type(), fingerprint, was.times() + 1, now)
                : new Corrections(action.type(), fingerprint, 1, now));
  }

  /**
   * An operator asked to reconcile the resource now: a failure it holds, permanent or backing off,
   * is forgotten so the next plan tries again. Its corrections are kept: a guest that keeps being
   * undone is still reported as such.
   */
  public Optional<ActionFailure> forget(ObjectRef resource) {
    return Optional.ofNullable(failures.remove(resource));
  }

  /** Forgets resources Git no longer declares. */
  public void retain(Collection<ObjectRef> declared) {
    failures.keySet().retainAll(declared);
    corrections.keySet().retainAll(declared);
  }

  /** Failures held now, for metrics. */
  public long count(boolean permanent) {
    return failures.values().stream().filter(f -> f.permanent() == permanent).count();
  }
}
