package io.pdmgitops.controller.security;

import io.pdmgitops.controller.store.JdbcTokenStore;
import io.pdmgitops.controller.store.JdbcTokenStore.StoredToken;
import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.TokenGrant;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.tokens.CreatedToken;
import io.pdmgitops.webui.tokens.NewToken;
import io.pdmgitops.webui.tokens.TokenRefused;
import io.pdmgitops.webui.tokens.TokenView;
import io.pdmgitops.webui.tokens.TokensPort;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A user's API tokens: Git's (read only) and personal ones kept hashed in the store. Rules:
 *
 * <ol>
 *   <li>A personal token's name follows the schema's rule and is not the name of one of the user's
 *       Git tokens, nor of another personal token of theirs.
 *   <li>Its path, if any, is an ACL path; its expiry, if any, a day after today (UTC).
 *   <li>It acts exactly as a Git token does ({@link #grant}): its user's roles while the user is
 *       declared and active, narrowed to its path, until it expires or is revoked.
 *   <li>Creation and revocation are in the audit log.
 * </ol>
 */
public final class PersonalTokens implements TokensPort {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9._-]{1,63}$");

  private final PolicyInForce policy;
  private final JdbcTokenStore store;
  private final TokenUse use;
  private final AuditTrail audit;
  private final Clock clock;

  public PersonalTokens(
      PolicyInForce policy, JdbcTokenStore store, TokenUse use, AuditTrail audit, Clock clock) {
    this.policy = policy;
    this.store = store;
    this.use = use;
    this.audit = audit;
    this.clock = clock;
  }

  /** A personal token as the policy would see it, while it and its user are active. */
  public Optional<TokenGrant> grant(String tokenId) {
    return store
        .find(tokenId)
        .filter(t -> t.expiresAt().map(clock.instant()::isBefore).orElse(true))
        .filter(t -> policy.policy().isActive(t.userId()))
        .map(t -> TokenGrant.of(t.userId(), t.name(), t.path(), t.secretHash(), t.expiresAt()));
  }

  @Override
  public Mono<List<TokenView>> tokensOf(String userId) {
    return Mono.fromCallable(() -> list(userId)).subscribeOn(Schedulers.boundedElastic());
  }

  private List<TokenView> list(String userId) {
    List<TokenView> views = new ArrayList<>();
    Optional<User> user = policy.state().flatMap(s -> s.user(userId));
    for (User.Token t : gitTokens(userId)) {
      views.add(
          new TokenView(
              TokenGrant.id(userId, t.name()),
              t.name(),
              true,
              t.path(),
              TokenGrant.of(user.orElseThrow(), t).expiresAt(),
              Optional.empty(),
              Optional.empty(),
              t.comment().orElse("")));
    }
    for (StoredToken t : store.of(userId)) {
      views.add(
          new TokenView(
              t.tokenId(),
              t.name(),
              false,
              t.path(),
              t.expiresAt(),
              Optional.of(t.createdAt()),
              Optional.empty(),
              t.comment()));
    }
    Map<String, Instant> stored = store.lastUses(views.stream().map(TokenView::tokenId).toList());
    return views.stream()
        .map(
            v -> {
              Optional<Instant> last =
                  latest(use.lastSeen(v.tokenId()), Optional.ofNullable(stored.get(v.tokenId())));
              return new TokenView(
                  v.tokenId(),
                  v.name(),
                  v.fromGit(),
                  v.path(),
                  v.expiresAt(),
                  v.createdAt(),
                  last,
                  v.comment());
            })
        .toList();
  }

  @Override
  public Mono<CreatedToken> create(String userId, String address, NewToken request) {
    return Mono.fromCallable(() -> make(userId, address, request))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private CreatedToken make(String userId, String address, NewToken request) {
    String name = request.name();
    if (!NAME.matcher(name).matches()) {
      throw new TokenRefused(
          "a token name is a letter, then 1 to 63 letters, digits, '.', '_' or '-'");
    }
    if (gitTokens(userId).stream().anyMatch(t -> t.name().equals(name))) {
      throw new TokenRefused(
          "Git declares a token named '" + name + "' for you: pick another name");
    }
    Optional<String> path = request.path();
    if (path.isPresent()) {
      try {
        AccessPath.parse(path.get());
      } catch (IllegalArgumentException e) {
        throw new TokenRefused(
            "'" + clip(path.get()) + "' is not an ACL path such as /remotes/dc-east or /system");
      }
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (request.expire().isPresent() && !request.expire().get().isAfter(today)) {
      throw new TokenRefused("the expiry must be a day after today (" + today + ", UTC)");
    }
    String secret = TokenSecret.generate();
    String tokenId = TokenGrant.id(userId, name);
    boolean added =
        store.add(
            new StoredToken(
                tokenId,
                userId,
                name,
                TokenSecret.hash(secret),
                path,
                request.expire().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                clock.instant(),
                clip(request.comment())));
    if (!added) {
      throw new TokenRefused(
          "you already have a token named '"
              + name
              + "', or "
              + JdbcTokenStore.MAX_PER_USER
              + " tokens: revoke one first");
    }
    audit.record(AuditKind.TOKEN_CREATED, userId, address, tokenId, path.orElse(""));
    return new CreatedToken(tokenId, "PDMAPIToken=" + tokenId + "=" + secret);
  }

  @Override
  public Mono<Boolean> revoke(String userId, String address, String name) {
    return Mono.fromCallable(
            () -> {
              boolean revoked = store.revoke(userId, name);
              if (revoked) {
                audit.record(
                    AuditKind.TOKEN_REVOKED, userId, address, TokenGrant.id(userId, name), "");
              }
              return revoked;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private List<User.Token> gitTokens(String userId) {
    return policy
        .state()
        .flatMap(s -> s.user(userId))
        .map(u -> u.spec().tokens())
        .orElse(List.of());
  }

  private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  private static String clip(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
