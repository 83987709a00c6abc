package io.pdmgitops.webui.tokens;

import java.util.List;
import reactor.core.publisher.Mono;

/** A user's own API tokens: those Git declares for them and those they made in the UI. */
public interface TokensPort {
  /** Git's first, then the UI's newest first. */
  Mono<List<TokenView>> tokensOf(String userId);

  /**
   * Makes a token for the user; fails with {@link TokenRefused} naming what is wrong (a name in
   * use, a path that is no ACL path, an expiry in the past).
   */
  Mono<CreatedToken> create(String userId, String address, NewToken request);

  /** Revokes one of the user's UI tokens; false when they have none of that name. */
  Mono<Boolean> revoke(String userId, String address, String name);
}
