package io.pdmgitops.reconcilers.api;

import java.time.Duration;
import reactor.netty.resources.ConnectionProvider;

/**
 * The pool of HTTPS connections to the remotes. Its owner disposes it, so a stopped controller (or
 * test) leaves no connection behind; Reactor Netty's global pool would keep them for the JVM's life
 * and hand a later client a connection to whatever listened on that port before.
 */
public final class ConnectionPools {
  /**
   * Per endpoint (host and port): a poll takes two, actions at most four per remote, pages a few.
   */
  public static final int MAX_CONNECTIONS_PER_ENDPOINT = 16;

  /** Calls waiting for a connection, per endpoint; more fail at once instead of queueing. */
  public static final int MAX_PENDING_PER_ENDPOINT = 256;

  /** As PDM: a connection unused for 30 s is closed. */
  public static final Duration MAX_IDLE = Duration.ofSeconds(30);

  private ConnectionPools() {}

  /** A new bounded pool; the caller disposes it. */
  public static ConnectionProvider forRemotes(String name, ClientSettings settings) {
    return ConnectionProvider.builder(name)
        .maxConnections(MAX_CONNECTIONS_PER_ENDPOINT)
        .pendingAcquireMaxCount(MAX_PENDING_PER_ENDPOINT)
        .pendingAcquireTimeout(settings.responseTimeout())
        .maxIdleTime(MAX_IDLE)
        .evictInBackground(MAX_IDLE)
        .build();
  }
}
