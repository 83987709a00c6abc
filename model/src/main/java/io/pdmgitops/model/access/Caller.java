package io.pdmgitops.model.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: a logged-in user, or an API token acting for its user. A token never has more than
 * its user; one narrowed to a path has nothing outside that path.
 *
 * @param userId the user id ({@code name@realm}); a token's is its owner's
 * @param narrowedTo for a narrowed token, the only path (and what lies below it) it may reach
 * @param realmGroups the groups the user's realm (LDAP, AD, OpenID Connect) reported at login, as
 *     the realm names them; the policy in force decides at each request which Groups they map to.
 *     Empty for local users and tokens.
 */
public record Caller(String userId, Optional<AccessPath> narrowedTo, Set<String> realmGroups) {
  public Caller {
    Objects.requireNonNull(userId, "userId");
    narrowedTo = narrowedTo == null ? Optional.empty() : narrowedTo;
    realmGroups = realmGroups == null ? Set.of() : Set.copyOf(realmGroups);
  }

  /** A user, or a token that is not narrowed. */
  public static Caller user(String userId) {
    return new Caller(userId, Optional.empty(), Set.of());
  }

  /** A token narrowed to a path. */
  public static Caller narrowed(String userId, AccessPath path) {
    return new Caller(userId, Optional.of(path), Set.of());
  }

  /** A user logged in through a realm that reported these groups. */
  public static Caller withRealmGroups(String userId, Set<String> realmGroups) {
    return new Caller(userId, Optional.empty(), realmGroups);
  }

  /** The realm of the user: what follows the last '@' of the id. */
  public String realm() {
    int at = userId.lastIndexOf('@');
    return at < 0 ? "" : userId.substring(at + 1);
  }

  /** Whether the narrowing lets this caller reach the path at all. */
  public boolean reaches(AccessPath path) {
    return narrowedTo.map(path::isWithin).orElse(true);
  }
}
