package io.pdmgitops.controller.git;

/** The repository could not be fetched; the message names the cause, never a credential. */
public final class GitSourceException extends Exception {
  public GitSourceException(String message) {
    super(message);
  }
}
