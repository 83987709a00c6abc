package io.pdmgitops.model.desired;

import java.util.Objects;
import java.util.Optional;

/**
 * One API endpoint of a remote.
 *
 * @param url base URL, {@code https://host[:port]}
 * @param fingerprint SHA-256 of the node's certificate ({@code AA:BB:...}); when present, only that
 *     certificate is trusted, otherwise the system trust store decides
 */
public record Endpoint(String url, Optional<String> fingerprint) {
  public Endpoint {
    Objects.requireNonNull(url, "url");
    fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
  }
}
