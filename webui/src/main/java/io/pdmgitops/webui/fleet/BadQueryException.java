package io.pdmgitops.webui.fleet;

/**
 * A query parameter that cannot be used: answered with 400 and a problem detail naming the
 * parameter, never with a 500.
 */
public final class BadQueryException extends RuntimeException {
  private final String parameter;

  public BadQueryException(String parameter, String message) {
    super(message, null, false, false);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
