package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/**
 * A change (POST, PUT, DELETE) was sent but no answer came back: it may or may not have been
 * carried out. Not retryable as such; the caller must look (task list, guest state) before sending
 * it again, or risk doing it twice.
 */
public final class OutcomeUnknownException extends RemoteApiException {
  public OutcomeUnknownException(String remote, String message) {
    super(
        remote,
        OptionalInt.empty(),
        message + " (the request was sent and may have been carried out)");
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
