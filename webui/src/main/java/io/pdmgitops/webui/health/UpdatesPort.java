package io.pdmgitops.webui.health;

import io.pdmgitops.model.access.RemoteToken;
import reactor.core.publisher.Mono;

/** A node's packages on demand: a changelog, and refreshing the package index. */
public interface UpdatesPort {
  /**
   * The changelog of a package's pending version, read from the node with the token the caller's
   * access chose. Fails with {@link io.pdmgitops.webui.api.NotFoundException} for a remote Git does
   * not declare, {@link io.pdmgitops.webui.api.RemoteRefusedException} when the remote refuses the
   * token, {@link io.pdmgitops.webui.api.RemoteReadException} when it does not answer.
   */
  Mono<String> changelog(String remote, String node, String pkg, String version, RemoteToken via);

  /**
   * Starts {@code apt-get update} on the node (PVE's {@code POST apt/update}) and answers the
   * task's UPID; audited with who asked and from where. Fails as {@link #changelog}.
   */
  Mono<String> refresh(String remote, String node, RemoteToken via, String actor, String address);
}
