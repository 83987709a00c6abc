package io.pdmgitops.controller.security.openid;

import io.pdmgitops.controller.security.SignedIn;
import io.pdmgitops.model.desired.OpenIdRealmSpec;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who an ID token (and user info) says the user is, in this controller's terms: the user id is the
 * realm's {@code usernameClaim} (default {@code sub}), '@' and the realm; the realm groups are the
 * strings of its {@code groupsClaim}. A claim that is missing, not text, or not a name a user id
 * can hold makes no identity, rather than a guessed one.
 */
final class OpenIdIdentity {
  /** At most this many groups are taken from a claim; a token listing more is cut, not refused. */
  static final int MAX_GROUPS = 256;

  /** A user name as User documents allow it, also an e-mail address. */
  private static final Pattern NAME = Pattern.compile("^[^\\s:/!]{1,64}$");

  private OpenIdIdentity() {}

  static Optional<SignedIn> of(String realm, OpenIdRealmSpec spec, Map<String, Object> claims) {
    Object name = claims.get(spec.usernameClaim().orElse("sub"));
    if (!(name instanceof String text) || !NAME.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(new SignedIn(text + "@" + realm, groups(spec, claims)));
  }

  private static Set<String> groups(OpenIdRealmSpec spec, Map<String, Object> claims) {
    Set<String> groups = new TreeSet<>();
    if (spec.groupsClaim().isEmpty()) {
      return groups;
    }
    Object value = claims.get(spec.groupsClaim().get());
    if (value instanceof String single) {
      groups.add(single);
    } else if (value instanceof Collection<?> many) {
      for (Object item : many) {
        if (item instanceof String group && !group.isBlank() && groups.size() < MAX_GROUPS) {
          groups.add(group);
        }
      }
    }
    return groups;
  }
}
