package io.pdmgitops.reconcilers.api;

import java.util.OptionalInt;

/** 595/596: the node the call was proxied to did not answer; retry later. */
public final class NodeUnreachableException extends RemoteApiException {

  public NodeUnreachableException(String remote, OptionalInt status, String message) {
    super(remote, status, message);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
