package io.pdmgitops.reconcilers.api;

import java.util.Map;
import java.util.OptionalInt;

/** 400 with PVE's per-parameter messages: the call itself is wrong, retrying cannot help. */
public final class BadRequestException extends RemoteApiException {
  private final Map<String, String> parameters;

  public BadRequestException(
      String remote, OptionalInt status, String message, Map<String, String> parameters) {
    super(remote, status, parameters.isEmpty() ? message : message + " " + parameters);
    this.parameters = Map.copyOf(parameters);
  }

  /** Parameter name to the server's complaint about it. */
  public Map<String, String> parameters() {
    return parameters;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
