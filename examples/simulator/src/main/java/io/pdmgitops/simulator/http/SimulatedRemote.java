package io.pdmgitops.simulator.http;

import io.pdmgitops.simulator.config.FaultConfig;

/** A simulated PVE cluster or PBS, as the HTTPS listeners see it. */
public interface SimulatedRemote {
  String name();

  /** Handles an authenticated or anonymous call; never throws for bad input. */
  ApiResponse handle(ApiRequest request);

  ErrorStyle errorStyle();

  FaultConfig faults();

  TlsIdentity tls();

  /** The remote's token store, for tests that regenerate a secret. */
  TokenAuth auth();

  /**
   * A {@code GET .../vncwebsocket}: with {@code upgrade}, the terminal to run on the socket, or why
   * not; without, the answer. Remotes without terminals answer 501 as for any unknown path.
   */
  default TerminalOpening openTerminal(ApiRequest request, boolean upgrade) {
    return TerminalOpening.answered(
        ApiResponse.error(501, "Method 'GET " + request.path() + "' not implemented"));
  }
}
