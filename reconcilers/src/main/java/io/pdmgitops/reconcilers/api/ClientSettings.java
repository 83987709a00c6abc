package io.pdmgitops.reconcilers.api;

import java.time.Duration;

/**
 * Bounds of every call.
 *
 * @param connectTimeout per endpoint, to open the TCP connection
 * @param responseTimeout per endpoint, from sending the request to the response headers
 * @param overallTimeout for the whole call, all endpoints and the body included
 * @param maxResponseBytes larger bodies are refused instead of buffered
 * @param connectionLifetime a pooled connection is not reused after this, busy or not: a remote's
 *     new certificate is checked against its pin at the next handshake, not days later
 */
public record ClientSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration overallTimeout,
    int maxResponseBytes,
    Duration connectionLifetime) {

  /** 5 s to connect: a live node answers in milliseconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** 30 s to the headers, as pveproxy's own proxy timeout. */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  /** 60 s overall, as PDM's request timeout. */
  public static final Duration DEFAULT_OVERALL_TIMEOUT = Duration.ofSeconds(60);

  /** A minute: a rotated certificate is seen within one, at one TLS handshake a minute. */
  public static final Duration DEFAULT_CONNECTION_LIFETIME = Duration.ofSeconds(60);

  /** 64 MiB: /cluster/resources of 5,000 guests is about 3 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 << 20;

  public ClientSettings {
    // Zero would mean "no timeout" to Netty: every bound must really bound.
    if (!isPositive(connectTimeout)
        || !isPositive(responseTimeout)
        || !isPositive(overallTimeout)
        || !isPositive(connectionLifetime)
        || connectTimeout.toMillis() > Integer.MAX_VALUE
        || maxResponseBytes < 1) {
      throw new IllegalArgumentException("timeouts and size must be positive");
    }
  }

  private static boolean isPositive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  public static ClientSettings defaults() {
    return new ClientSettings(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_RESPONSE_TIMEOUT,
        DEFAULT_OVERALL_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES,
        DEFAULT_CONNECTION_LIFETIME);
  }

  public ClientSettings withOverallTimeout(Duration timeout) {
    return new ClientSettings(
        connectTimeout, responseTimeout, timeout, maxResponseBytes, connectionLifetime);
  }

  public ClientSettings withResponseTimeout(Duration timeout) {
    return new ClientSettings(
        connectTimeout, timeout, overallTimeout, maxResponseBytes, connectionLifetime);
  }

  public ClientSettings withMaxResponseBytes(int bytes) {
    return new ClientSettings(
        connectTimeout, responseTimeout, overallTimeout, bytes, connectionLifetime);
  }

  public ClientSettings withConnectionLifetime(Duration lifetime) {
    return new ClientSettings(
        connectTimeout, responseTimeout, overallTimeout, maxResponseBytes, lifetime);
  }
}
