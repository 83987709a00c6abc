package io.pdmgitops.controller.git;

/**
 * Where the https token of the repository is kept. It is read at every fetch, so a rotated token
 * file (or a secret mount that an operator renews) takes effect at the next poll, without a
 * restart.
 */
@FunctionalInterface
public interface TokenSource {
  /**
   * The current token.
   *
   * @throws GitSourceException naming where the token is kept, never the token
   */
  String read() throws GitSourceException;

  /** A token that never changes, e.g. from an environment variable read at start. */
  static TokenSource fixed(String token) {
    return () -> token;
  }
}
