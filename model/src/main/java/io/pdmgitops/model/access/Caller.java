package io.pdmgitops.model.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: a logged-in user, or an API token acting for its user. A token never has more than
 * its user; one narrowed to a path has nothing outside that path.
 *
 * @param userId the user id ({@code name@realm}); a token's is its owner's
 * @param narrowedTo for a narrowed token, the only path (and what lies below it) it may reach
 */
public record Caller(String userId, Optional<AccessPath> narrowedTo) {
  public Caller {
    Objects.requireNonNull(userId, "userId");
    narrowedTo = narrowedTo == null ? Optional.empty() : narrowedTo;
  }

  /** A user, or a token that is not narrowed. */
  public static Caller user(String userId) {
    return new Caller(userId, Optional.empty());
  }

  /** A token narrowed to a path. */
  public static Caller narrowed(String userId, AccessPath path) {
    return new Caller(userId, Optional.of(path));
  }

  /** Whether the narrowing lets this caller reach the path at all. */
  public boolean reaches(AccessPath path) {
    return narrowedTo.map(path::isWithin).orElse(true);
  }
}
