package io.pdmgitops.webui.tasks;

import io.pdmgitops.model.access.RemoteToken;
import reactor.core.publisher.Mono;

/** Stopping a remote's task for a user; implemented by the controller, which audits each try. */
public interface TaskStopPort {
  /**
   * Asks the remote to stop a task with the token the caller's access chose. Answers what happened
   * (stopped, or had already ended). Fails with {@link io.pdmgitops.webui.api.NotFoundException}
   * for an unknown remote, a malformed UPID or a task the remote does not know, {@link
   * io.pdmgitops.webui.api.RemoteRefusedException} when the remote refuses that token, {@link
   * io.pdmgitops.webui.api.RemoteReadException} when it does not answer.
   */
  Mono<String> stop(String remote, String upid, RemoteToken via, String actor, String address);
}
