package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/**
 * One declared resource in GET /api/v1/drift: its verdict, drifts, last action, and the failure
 * that holds its next action back, if any.
 */
public record ResourceView(
    String kind,
    String name,
    String sync,
    String health,
    String policy,
    boolean actionable,
    String message,
    List<DriftView> drifts,
    Optional<String> remote,
    Optional<String> node,
    Optional<Integer> vmid,
    Optional<ActionView> lastAction,
    Optional<FailureView> failure) {

  /**
   * An action that failed and is remembered across cycles.
   *
   * @param permanent refused for good: not retried until Git or the guest changes
   * @param nextRetry ISO instant of the next attempt of a transient failure
   */
  public record FailureView(
      String action,
      boolean permanent,
      int attempts,
      String lastError,
      String lastAttempt,
      Optional<String> nextRetry) {}

  /** One drifted field. */
  public record DriftView(String field, String desired, String observed) {}

  /** The last action the controller took on the resource, and the commit behind it. */
  public record ActionView(
      String action,
      String state,
      Optional<String> exitStatus,
      Optional<String> upid,
      String commit,
      String createdAt) {}
}
