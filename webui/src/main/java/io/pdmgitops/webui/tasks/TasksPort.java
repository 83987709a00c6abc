package io.pdmgitops.webui.tasks;

import reactor.core.publisher.Mono;

/** Remote tasks across the fleet; implemented by the controller. */
public interface TasksPort {
  /** Recent and running tasks of every reachable remote; may be a few seconds old. */
  Mono<TaskList> tasks();

  /**
   * The last collection at once, never waiting for remotes (for dashboards): empty before the
   * first; when stale, a new collection starts in the background for the next look.
   */
  TaskList latest();

  /**
   * One task's log, read from its remote. Fails with {@link
   * io.pdmgitops.webui.api.NotFoundException} for an unknown remote or a malformed UPID, {@link
   * io.pdmgitops.webui.api.RemoteReadException} when the remote does not answer.
   */
  Mono<TaskLogView> log(String remote, String upid);
}
