package io.pdmgitops.controller.security;

import io.pdmgitops.model.access.TokenGrant;
import io.pdmgitops.webui.audit.AuditKind;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * API tokens declared under Users in Git. A request carries {@code Authorization:
 * PDMAPIToken=user@realm!name=SECRET} (PVE's form) or {@code Authorization: Bearer
 * user@realm!name=SECRET} (what Prometheus sends). Rules:
 *
 * <ol>
 *   <li>Only program paths ({@link ApiPaths}) take tokens; a request with a token is judged by the
 *       token alone, never by a session it may also carry, and a bad token is a 401.
 *   <li>The token must be declared in the snapshot in force or made by its user in the UI ({@link
 *       PersonalTokens}), and it and its user active (declared, enabled, not expired); the secret
 *       is compared with its hash in constant time.
 *   <li>Failures are throttled per token id and per address like password logins, and every failure
 *       gives the same answer.
 * </ol>
 */
public final class ApiTokens implements ReactiveAuthenticationManager {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
  private static final String PVE_STYLE = "PDMAPIToken=";
  private static final String BEARER = "Bearer ";

  /** What a refused token is told, whatever the reason. */
  public static final String REFUSED = "The API token is unknown, expired or its secret is wrong.";

  private final PolicyInForce policy;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final PersonalTokens personal;
  private final TokenUse use;

  public ApiTokens(
      PolicyInForce policy,
      LoginThrottle throttle,
      AuditTrail audit,
      PersonalTokens personal,
      TokenUse use) {
    this.policy = policy;
    this.throttle = throttle;
    this.audit = audit;
    this.personal = personal;
    this.use = use;
  }

  /** Whether the request offers a token (in either form) on a program path. */
  public static boolean offersToken(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return header != null
        && (header.startsWith(PVE_STYLE) || header.startsWith(BEARER))
        && ApiPaths.isApi(exchange.getRequest().getPath().pathWithinApplication().value());
  }

  /** The offered token as an unchecked attempt: token id, secret, source address. */
  public static Mono<Authentication> attempt(ServerWebExchange exchange) {
    if (!offersToken(exchange)) {
      return Mono.empty();
    }
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    String value =
        header.startsWith(PVE_STYLE)
            ? header.substring(PVE_STYLE.length())
            : header.substring(BEARER.length());
    int bang = value.indexOf('!');
    int equals = value.indexOf('=', bang + 1);
    // A malformed value still goes through the check, so it fails the same way and is throttled.
    String tokenId = bang > 0 && equals > bang ? value.substring(0, equals) : "malformed";
    String secret = bang > 0 && equals > bang ? value.substring(equals + 1) : "";
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(tokenId, secret);
    attempt.setDetails(AccessWebFilter.address(exchange));
    return Mono.just(attempt);
  }

  @Override
  public Mono<Authentication> authenticate(Authentication attempt) {
    // Personal tokens are in the store: off the event loop.
    return Mono.fromCallable(() -> check(attempt)).subscribeOn(Schedulers.boundedElastic());
  }

  private Authentication check(Authentication attempt) {
    String tokenId = attempt.getName();
    String secret = String.valueOf(attempt.getCredentials());
    String address = String.valueOf(attempt.getDetails());
    boolean allowed = throttle.allows(tokenId, address);
    Optional<TokenGrant> grant =
        allowed
            ? policy.policy().activeToken(tokenId).or(() -> personal.grant(tokenId))
            : Optional.<TokenGrant>empty();
    boolean ok = grant.isPresent() && TokenSecret.matches(secret, grant.get().secretHash());
    if (!ok) {
      if (allowed) {
        throttle.failed(tokenId, address);
      }
      LOG.warn(
          "API token refused: {} from {}{}",
          LocalLogins.printable(tokenId),
          address,
          allowed ? "" : " (throttled)");
      audit.record(
          AuditKind.TOKEN_REFUSED,
          LocalLogins.printable(tokenId),
          address,
          "api",
          allowed ? "" : "throttled");
      throw new BadCredentialsException(REFUSED);
    }
    throttle.succeeded(tokenId);
    audit.tokenUsed(tokenId, address);
    use.used(tokenId);
    return new TokenAuthentication(tokenId, grant.get().caller());
  }
}
