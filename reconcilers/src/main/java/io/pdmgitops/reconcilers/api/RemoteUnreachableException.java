package io.pdmgitops.reconcilers.api;

import java.util.List;
import java.util.OptionalInt;

/** No endpoint answered: refused, timed out or failed at the TLS level; retry with back-off. */
public final class RemoteUnreachableException extends RemoteApiException {
  private final List<String> attempts;

  /**
   * @param attempts one line per endpoint tried, e.g. {@code https://10.0.0.1:8006: connection
   *     refused}
   */
  public RemoteUnreachableException(String remote, List<String> attempts) {
    super(remote, OptionalInt.empty(), "no endpoint answered: " + String.join("; ", attempts));
    this.attempts = List.copyOf(attempts);
  }

  public List<String> attempts() {
    return attempts;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
