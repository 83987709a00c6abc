package io.pdmgitops.webui.tokens;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a user's API tokens as their tokens page shows it; never its secret or hash.
 *
 * @param fromGit declared under the User in Git (revoked by a commit), else made in the UI
 * @param path the path the token is narrowed to, if any
 */
public record TokenView(
    String tokenId,
    String name,
    boolean fromGit,
    Optional<String> path,
    Optional<Instant> expiresAt,
    Optional<Instant> createdAt,
    Optional<Instant> lastUsed,
    String comment) {
  public TokenView {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(name, "name");
    path = path == null ? Optional.empty() : path;
    expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    createdAt = createdAt == null ? Optional.empty() : createdAt;
    lastUsed = lastUsed == null ? Optional.empty() : lastUsed;
    comment = comment == null ? "" : comment;
  }
}
