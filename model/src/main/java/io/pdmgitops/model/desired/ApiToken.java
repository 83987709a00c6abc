package io.pdmgitops.model.desired;

import java.util.Objects;

/**
 * The API token used on a remote.
 *
 * @param id token id {@code user@realm!name}
 * @param secret where the token secret is kept; never the secret itself
 */
public record ApiToken(String id, SecretRef secret) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
  }

  /** The user part of the id, {@code user@realm}. */
  public String userId() {
    return id.substring(0, id.lastIndexOf('!'));
  }

  /** The realm of the token's user, between '@' and '!'. */
  public String realm() {
    String user = userId();
    return user.substring(user.lastIndexOf('@') + 1);
  }
}
