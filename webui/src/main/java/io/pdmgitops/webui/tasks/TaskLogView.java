package io.pdmgitops.webui.tasks;

import java.util.List;
import java.util.Optional;

/**
 * A task's log: GET /api/v1/remotes/{remote}/tasks/{upid}/log and the task page.
 *
 * @param state running or how it ended
 * @param total lines the remote has
 * @param truncated whether the log was cut at {@link #MAX_LINES}
 */
public record TaskLogView(
    String remote,
    String upid,
    TaskState state,
    Optional<String> exitStatus,
    List<String> lines,
    long total,
    boolean truncated) {
  /** Most lines read from one log. */
  public static final int MAX_LINES = 5_000;

  public TaskLogView {
    lines = List.copyOf(lines);
  }

  /** With {@code truncated} worked out from the counts. */
  public TaskLogView(
      String remote,
      String upid,
      TaskState state,
      Optional<String> exitStatus,
      List<String> lines,
      long total) {
    this(remote, upid, state, exitStatus, lines, total, total > lines.size());
  }
}
