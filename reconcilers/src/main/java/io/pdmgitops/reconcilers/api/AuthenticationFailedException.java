package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/** 401: the token is unknown, expired or its secret is wrong. */
public final class AuthenticationFailedException extends RemoteApiException {

  public AuthenticationFailedException(String remote, OptionalInt status, String message) {
    super(remote, status, message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
