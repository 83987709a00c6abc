package io.pdmgitops.controller.shell;

import io.pdmgitops.model.access.RemoteToken;
import reactor.core.publisher.Flux;

/** Opens a node's shell on a remote: what {@link ShellSessions} relays. */
@FunctionalInterface
public interface ShellConnector {
  /**
   * The shell's output; subscribing opens it, cancelling closes it.
   *
   * @param input termproxy frames ({@code 0:<bytes>:<data>}, {@code 1:<cols>:<rows>:}, {@code 2})
   */
  Flux<byte[]> open(String remote, String node, RemoteToken via, Flux<String> input);
}
