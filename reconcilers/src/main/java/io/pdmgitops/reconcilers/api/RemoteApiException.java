package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/**
 * A failed call to a remote, classified once, here in the client. The message is the server's text
 * (its {@code message} or the reason phrase) and never holds a token or secret.
 */
public abstract sealed class RemoteApiException extends RuntimeException
    permits AuthenticationFailedException,
        PermissionDeniedException,
        NotFoundException,
        GuestLockedException,
        NodeUnreachableException,
        RemoteUnreachableException,
        OutcomeUnknownException,
        CertificateMismatchException,
        BadRequestException,
        ResponseTooLargeException,
        ServerErrorException {
  private final String remote;
  private final OptionalInt status;

  protected RemoteApiException(String remote, OptionalInt status, String message) {
    super(remote + ": " + message, null, false, false);
    this.remote = remote;
    this.status = status;
  }

  public String remote() {
    return remote;
  }

  /** The HTTP status, when the server answered at all. */
  public OptionalInt status() {
    return status;
  }

  /** Whether the same call may succeed later without any change on our side. */
  public abstract boolean retryable();
}
