package io.pdmgitops.webui.api;

/**
 * A live read from a remote failed (down, refused, timed out): a 502 problem detail. The message
 * names the remote and the failure, never a secret.
 */
public final class RemoteReadException extends RuntimeException {
  public RemoteReadException(String message) {
    super(message, null, false, false);
  }
}
