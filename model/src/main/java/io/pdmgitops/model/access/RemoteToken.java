package io.pdmgitops.model.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of a remote's API tokens carries a request made for a user: the remote's own {@code token}
 * when the user's role comes from a path rule, or the token a RemoteGroup names for the remote when
 * the role comes only through that group (the design notes' remote groups: the group decides what
 * the user may ask, its token decides what the remote allows).
 *
 * @param group the remote group the role came through; empty for a path rule
 * @param token the name of one of the remote's {@code spec.tokens}; empty for its default token
 */
public record RemoteToken(Optional<String> group, Optional<String> token) {
  /** The remote's default token, as the controller's own reconciling uses. */
  public static final RemoteToken DEFAULT = new RemoteToken(Optional.empty(), Optional.empty());

  public RemoteToken {
    group = Objects.requireNonNullElse(group, Optional.empty());
    token = Objects.requireNonNullElse(token, Optional.empty());
  }

  public static RemoteToken through(String group, Optional<String> token) {
    return new RemoteToken(Optional.of(group), token);
  }

  /** For messages: which token answered, never its secret. */
  public String describe() {
    String which = token.map(t -> "token '" + t + "'").orElse("the default token");
    return group.map(g -> which + " of remote group " + g).orElse(which);
  }
}
