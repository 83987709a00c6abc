package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/**
 * The endpoint presented a certificate other than the pinned one. Like PDM's probe, the message
 * shows the presented fingerprint, so an operator can review a rotation and update the pin.
 */
public final class CertificateMismatchException extends RemoteApiException {
  private final String endpoint;
  private final String presented;

  public CertificateMismatchException(
      String remote, String endpoint, String presented, String expected) {
    super(
        remote,
        OptionalInt.empty(),
        endpoint + " presented certificate " + presented + " but " + expected + " is pinned");
    this.endpoint = endpoint;
    this.presented = presented;
  }

  public String endpoint() {
    return endpoint;
  }

  /** SHA-256 of the certificate the endpoint presented, {@code AA:BB:...}. */
  public String presented() {
    return presented;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
