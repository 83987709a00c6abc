package io.pdmgitops.reconcilers.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What one reconcile run concluded. Built only through the named factories; expected outcomes (a
 * locked VM, an unreachable remote, a refusal) are values here, not exceptions.
 */
public sealed interface ReconcileResult {
  /** Nothing more to do until something changes. */
  record Done() implements ReconcileResult {}

  /** Look again after a while, e.g. to follow a task; not a failure. */
  record RequeueAfter(Duration delay, String reason) implements ReconcileResult {
    public RequeueAfter {
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Failed in a way that may pass (lock, node down): retry with the retry policy's back-off. */
  record Retryable(String reason) implements ReconcileResult {
    public Retryable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Failed for good until the desired state or the fleet changes: no retry. */
  record Failed(String reason) implements ReconcileResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static ReconcileResult done() {
    return new Done();
  }

  static ReconcileResult requeueAfter(Duration delay, String reason) {
    return new RequeueAfter(delay, reason);
  }

  static ReconcileResult retryable(String reason) {
    return new Retryable(reason);
  }

  /** A call the remote refused or did not answer: retried when the failure may pass. */
  static ReconcileResult of(io.pdmgitops.reconcilers.api.RemoteApiException e) {
    return e.retryable() ? retryable(e.getMessage()) : failed(e.getMessage());
  }

  static ReconcileResult failed(String reason) {
    return new Failed(reason);
  }
}
