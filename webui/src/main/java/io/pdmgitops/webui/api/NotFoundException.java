package io.pdmgitops.webui.api;

/** Nothing answers to the path: a 404 problem detail, or the page's own not-found message. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message, null, false, false);
  }
}
