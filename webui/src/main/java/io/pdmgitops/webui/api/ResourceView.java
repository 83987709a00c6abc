package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/** One declared resource in GET /api/v1/drift: its verdict, drifts and last action. */
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
    Optional<ActionView> lastAction) {

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
