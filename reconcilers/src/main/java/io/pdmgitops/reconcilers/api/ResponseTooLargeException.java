package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/** The body exceeded the client's bound; the call was abandoned rather than buffered. */
public final class ResponseTooLargeException extends RemoteApiException {

  public ResponseTooLargeException(String remote, OptionalInt status, String message) {
    super(remote, status, message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
