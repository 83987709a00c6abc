package io.pdmgitops.controller.security.tfa;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * How far a password login got: a user with a second factor still owes its code, a user whose User
 * says {@code tfa: required} and has none must enrol one first. Carried as an authority of the
 * session's authentication; a full login has neither.
 */
public enum SignInStage {
  /** The password was right; the second factor's code is asked at {@link #page()}. */
  SECOND_FACTOR("/login/tfa"),
  /** The password was right; Git requires a second factor, enrolled at {@link #page()}. */
  ENROL("/access/tfa");

  private final String page;

  SignInStage(String page) {
    this.page = page;
  }

  public String page() {
    return page;
  }

  /** Whether a request to this path can complete the stage: its page, or its passkey ceremony. */
  public boolean completedAt(String path) {
    return path.equals(page) || path.startsWith(page + "/passkey");
  }

  public GrantedAuthority authority() {
    return new SimpleGrantedAuthority("STAGE_" + name());
  }

  public List<GrantedAuthority> authorities() {
    return List.of(authority());
  }

  /** The stage the authentication is still in; empty for a full login. */
  public static Optional<SignInStage> of(Authentication auth) {
    for (SignInStage stage : values()) {
      if (auth.getAuthorities().stream()
          .anyMatch(a -> a.getAuthority().equals(stage.authority().getAuthority()))) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
