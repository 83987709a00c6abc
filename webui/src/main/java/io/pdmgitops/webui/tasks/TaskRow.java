package io.pdmgitops.webui.tasks;

import java.util.Objects;
import java.util.Optional;

/**
 * One remote task: where it ran, what it was, how it ended, and — when the controller started it —
 * the commit and resource behind it.
 *
 * @param type PVE's task type (qmstart, vzshutdown, ...) or PBS's worker type
 * @param id the object the task worked on (a vmid, a datastore), if any
 * @param started ISO-8601 instant
 * @param exitStatus the remote's exit text for an ended task
 * @param commit the commit whose plan sent it, for the controller's own tasks
 * @param resource the declared resource it acted on, for the controller's own tasks
 */
public record TaskRow(
    String remote,
    String node,
    String upid,
    String type,
    Optional<String> id,
    String user,
    String started,
    Optional<String> ended,
    TaskState state,
    Optional<String> exitStatus,
    Optional<String> commit,
    Optional<String> resource) {
  public TaskRow {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(upid, "upid");
    Objects.requireNonNull(state, "state");
  }
}
