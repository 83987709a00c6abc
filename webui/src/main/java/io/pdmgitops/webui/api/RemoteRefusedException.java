package io.pdmgitops.webui.api;

/**
 * A remote refused a request made for a user (its token lacks the privilege): a 403 problem detail
 * that names the remote, the token by name (never its secret) and the remote's own words.
 */
public final class RemoteRefusedException extends RuntimeException {
  public RemoteRefusedException(String message) {
    super(message, null, false, false);
  }
}
