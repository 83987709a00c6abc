package io.pdmgitops.webui.tasks;

import io.pdmgitops.model.access.RemoteToken;
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
   * One task's log, read from its remote with the token the caller's access chose. Fails with
   * {@link io.pdmgitops.webui.api.NotFoundException} for an unknown remote or a malformed UPID,
   * {@link io.pdmgitops.webui.api.RemoteReadException} when the remote does not answer or refuses.
   */
  Mono<TaskLogView> log(String remote, String upid, RemoteToken via);
}
