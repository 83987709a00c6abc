package io.pdmgitops.reconcilers.api;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One address of a remote.
 *
 * @param fingerprint SHA-256 of the certificate to accept ({@code AA:BB:...}); when empty the
 *     system trust store decides
 */
public record ApiEndpoint(URI url, Optional<String> fingerprint) {
  public ApiEndpoint {
    Objects.requireNonNull(url, "url");
    fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
  }

  public static ApiEndpoint pinned(URI url, String fingerprint) {
    return new ApiEndpoint(url, Optional.of(fingerprint));
  }

  @Override
  public String toString() {
    return url.toString();
  }
}
