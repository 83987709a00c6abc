package io.pdmgitops.reconcilers.engine;

/**
 * The journal could not be written durably. Before a call this means the call is not sent; after
 * one, the next run settles it from the remote's task list.
 */
public final class JournalUnavailableException extends RuntimeException {
  public JournalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
