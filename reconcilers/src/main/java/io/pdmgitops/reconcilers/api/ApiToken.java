package io.pdmgitops.reconcilers.api;

import java.util.Objects;

/**
 * An API token with its secret, as resolved by the controller from a secret reference. Its {@link
 * #toString()} never shows the secret, so logging a token is harmless.
 */
public final class ApiToken {
  private final String id;
  private final String secret;

  public ApiToken(String id, String secret) {
    this.id = Objects.requireNonNull(id, "id");
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  public String id() {
    return id;
  }

  /**
   * The Authorization header value for the product. It holds the secret in clear: use it for the
   * header and for a remote migration's target endpoint, never in logs or messages.
   */
  public String authorization(Product product) {
    return product == Product.PVE
        ? "PVEAPIToken=" + id + "=" + secret
        : "PBSAPIToken=" + id + ":" + secret;
  }

  @Override
  public String toString() {
    return "ApiToken[" + id + ", secret hidden]";
  }
}
