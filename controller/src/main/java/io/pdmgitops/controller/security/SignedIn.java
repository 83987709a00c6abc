package io.pdmgitops.controller.security;

import io.pdmgitops.model.access.Caller;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;

/**
 * Who a session belongs to: the user id and the groups their realm reported at login (LDAP, AD,
 * OpenID Connect). The groups stay as the realm named them; the policy in force maps them to Groups
 * at each request, so a commit to a Group's {@code realmGroups} takes effect without a new login.
 */
public record SignedIn(String userId, Set<String> realmGroups)
    implements AuthenticatedPrincipal, Serializable {
  public SignedIn {
    Objects.requireNonNull(userId, "userId");
    realmGroups = Set.copyOf(realmGroups);
  }

  public static SignedIn local(String userId) {
    return new SignedIn(userId, Set.of());
  }

  @Override
  public String getName() {
    return userId;
  }

  /** The caller a session's login stands for. */
  public static Caller callerOf(Authentication auth) {
    if (auth.getPrincipal() instanceof SignedIn signedIn) {
      return Caller.withRealmGroups(signedIn.userId(), signedIn.realmGroups());
    }
    return Caller.user(auth.getName());
  }
}
