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

  /**
   * A connection unused this long is closed: longer than the default poll interval (30 s), so a
   * remote's next poll finds its connections still open.
   */
  public static final Duration MAX_IDLE = Duration.ofSeconds(60);

  private ConnectionPools() {}

  /** A new bounded pool; the caller disposes it. */
  public static ConnectionProvider forRemotes(String name, ClientSettings settings) {
    return ConnectionProvider.builder(name)
        .maxConnections(MAX_CONNECTIONS_PER_ENDPOINT)
        .pendingAcquireMaxCount(MAX_PENDING_PER_ENDPOINT)
        .pendingAcquireTimeout(settings.responseTimeout())
        .maxIdleTime(MAX_IDLE)
        .maxLifeTime(settings.connectionLifetime())
        .evictInBackground(settings.connectionLifetime().dividedBy(2))
        // A rebuilt client (new pin, endpoint or token) leaves an empty pool behind: drop those.
        .disposeInactivePoolsInBackground(MAX_IDLE, MAX_IDLE.multipliedBy(2))
        .build();
  }
}
