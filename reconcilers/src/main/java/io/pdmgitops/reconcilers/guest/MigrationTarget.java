package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.reconcilers.api.ApiToken;
import java.util.Objects;

/**
 * Where the source cluster of a {@code remote_migrate} connects: the target's first endpoint, the
 * controller's token there, and the certificate pin the source must check.
 */
public record MigrationTarget(String host, int port, ApiToken token, String fingerprint) {
  public MigrationTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Never shows the token's secret. */
  @Override
  public String toString() {
    return "MigrationTarget[" + host + ":" + port + " as " + token.id() + "]";
  }
}
