package io.pdmgitops.webui.tokens;

/** A token request that cannot be met, with the reason the page shows. */
public final class TokenRefused extends RuntimeException {
  public TokenRefused(String reason) {
    super(reason);
  }
}
