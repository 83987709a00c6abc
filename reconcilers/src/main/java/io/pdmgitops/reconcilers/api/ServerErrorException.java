package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/** Any other refusal or failure the server reported (500 with a message, 501, PBS 400). */
public final class ServerErrorException extends RemoteApiException {

  public ServerErrorException(String remote, OptionalInt status, String message) {
    super(remote, status, message);
  }

  @Override
  public boolean retryable() {
    // Gateways and the proxy's 597-599 are transient; a 500 with a message is a real refusal.
    int code = status().orElse(0);
    return code == 502 || code == 503 || code == 504 || (code >= 597 && code <= 599);
  }
}
