package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/**
 * One fetched commit: who, what, whether it validated (with its problems), and the actions it
 * caused with their results. GET /api/v1/commits and the history page.
 */
public record HistoryEntry(
    StatusView.CommitView commit, String fetchedAt, List<Action> actions, List<Change> changes) {
  public HistoryEntry {
    actions = List.copyOf(actions);
    changes = List.copyOf(changes);
  }

  public HistoryEntry(StatusView.CommitView commit, String fetchedAt, List<Action> actions) {
    this(commit, fetchedAt, actions, List.of());
  }

  /** A resource's verdict changed while this commit was in force, as the store recorded it. */
  public record Change(String resource, String message, String at) {}

  /**
   * An action linked to the commit.
   *
   * @param remote where it ran, for the link to its task
   */
  public record Action(
      String resource,
      String remote,
      String action,
      String state,
      Optional<String> exitStatus,
      Optional<String> upid,
      String createdAt) {}
}
