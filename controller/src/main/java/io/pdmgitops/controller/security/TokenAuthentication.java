package io.pdmgitops.controller.security;

import io.pdmgitops.model.access.Caller;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token: it acts as the token's {@link Caller} (its user,
 * narrowed to the token's path if it has one), for this request only.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {
  private final String tokenId;
  private final Caller caller;

  public TokenAuthentication(String tokenId, Caller caller) {
    super(List.of());
    this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
    this.caller = Objects.requireNonNull(caller, "caller");
    setAuthenticated(true);
  }

  public Caller caller() {
    return caller;
  }

  /** The token id, {@code user@realm!name}: what logs and refusals name. */
  @Override
  public String getName() {
    return tokenId;
  }

  @Override
  public Object getCredentials() {
    return null; // checked and gone
  }

  @Override
  public Object getPrincipal() {
    return tokenId;
  }
}
