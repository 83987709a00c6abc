package io.pdmgitops.model.access;

import io.pdmgitops.model.desired.User;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API token as the policy knows it: whose it is, how to check its secret, until when, and how
 * far it reaches.
 *
 * @param tokenId {@code user@realm!name}
 * @param secretHash {@code sha256:<hex>} of the secret
 * @param expiresAt the first instant the token is refused; a date means its start in UTC
 */
public record TokenGrant(
    String tokenId, Caller caller, String secretHash, Optional<Instant> expiresAt) {
  public TokenGrant {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(secretHash, "secretHash");
    expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
  }

  /** The token id of a user's token. */
  public static String id(String userId, String tokenName) {
    return userId + "!" + tokenName;
  }

  /** A token declared under its User in Git. */
  public static TokenGrant of(User user, User.Token token) {
    return of(
        user.identity(),
        token.name(),
        token.path(),
        token.secretHash(),
        token.expire().map(Account::expiry));
  }

  /**
   * Any token, declared in Git or made in the UI: its user's caller, narrowed to its path if it has
   * one.
   */
  public static TokenGrant of(
      String userId,
      String name,
      Optional<String> path,
      String secretHash,
      Optional<Instant> expiresAt) {
    Caller caller =
        path.map(p -> Caller.narrowed(userId, AccessPath.parse(p))).orElse(Caller.user(userId));
    return new TokenGrant(id(userId, name), caller, secretHash, expiresAt);
  }

  boolean activeAt(Instant now) {
    return expiresAt.map(now::isBefore).orElse(true);
  }

  /** The hash is a credential's fingerprint: keep it out of logs. */
  @Override
  public String toString() {
    return "TokenGrant[" + tokenId + ", " + caller + ", expiresAt=" + expiresAt + "]";
  }
}
