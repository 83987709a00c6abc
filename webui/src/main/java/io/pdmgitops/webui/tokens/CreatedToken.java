package io.pdmgitops.webui.tokens;

import java.util.Objects;

/**
 * A token just made: the one time its secret is shown.
 *
 * @param header the whole Authorization header value to use
 */
public record CreatedToken(String tokenId, String header) {
  public CreatedToken {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(header, "header");
  }

  @Override
  public String toString() {
    return "CreatedToken[" + tokenId + ", secret hidden]";
  }
}
