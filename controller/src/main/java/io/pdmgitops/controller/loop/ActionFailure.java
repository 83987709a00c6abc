package io.pdmgitops.controller.loop;

import io.pdmgitops.model.plan.ActionType;
import java.time.Instant;
import java.util.Optional;

/**
 * What is remembered of an action that failed, across cycles.
 *
 * @param fingerprint the desired objects and the observed state the action was planned from; a
 *     change of it is what lets a permanent failure be tried again
 * @param permanent refused for good (a bad parameter, a missing privilege): not retried until the
 *     fingerprint changes; otherwise a transient failure, retried after {@code nextRetry}
 * @param attempts failed attempts in a row with this fingerprint
 * @param nextRetry when a transient failure is tried again; empty for a permanent one
 */
public record ActionFailure(
    ActionType action,
    String fingerprint,
    boolean permanent,
    int attempts,
    String lastError,
    Instant lastAttempt,
    Optional<Instant> nextRetry) {

  /** Whether this failure holds the action back now. */
  boolean holds(ActionType kind, String currentFingerprint, Instant now) {
    if (kind != action || !fingerprint.equals(currentFingerprint)) {
      return false; // a different action, or something changed: try at once
    }
    return permanent || nextRetry.map(now::isBefore).orElse(false);
  }
}
