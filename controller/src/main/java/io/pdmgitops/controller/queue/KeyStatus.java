package io.pdmgitops.controller.queue;

import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.util.Optional;

/**
 * Where one resource stands in the queue.
 *
 * @param failedAttempts consecutive retryable failures
 * @param gaveUp retries are used up; the next event or resync starts afresh
 */
public record KeyStatus(
    boolean running,
    boolean pending,
    boolean retryScheduled,
    int failedAttempts,
    boolean gaveUp,
    Optional<ReconcileResult> lastResult) {}
