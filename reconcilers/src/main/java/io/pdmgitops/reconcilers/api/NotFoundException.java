package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/** The guest, node, task or path does not exist on the remote. */
public final class NotFoundException extends RemoteApiException {

  public NotFoundException(String remote, OptionalInt status, String message) {
    super(remote, status, message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
