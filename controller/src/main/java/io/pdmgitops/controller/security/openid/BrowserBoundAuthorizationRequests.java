package io.pdmgitops.controller.security.openid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a login through an OpenID Connect provider waits while the browser is at the provider.
 * Rules:
 *
 * <ol>
 *   <li>The session cookie is SameSite=Strict, so the browser does not send it when the provider
 *       sends it back: the request is kept here, by its {@code state}, not in the session.
 *   <li>It is bound to the browser that started it: a random value goes to that browser in a cookie
 *       (HttpOnly, SameSite=Lax so it comes back with the provider's redirect, only for the
 *       callback path, ten minutes), and only its hash is kept. A callback with another browser's
 *       {@code state} finds nothing: no login forced on someone else (login CSRF).
 *   <li>A request is used once, expires after {@link #LIFETIME}, and at most {@link #MAX_WAITING}
 *       wait at a time (expired ones are dropped first; beyond that new logins are refused, not the
 *       memory exhausted).
 * </ol>
 */
public final class BrowserBoundAuthorizationRequests
    implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {
  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final int MAX_WAITING = 10_000;
  static final String COOKIE = "PDM_OIDC";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

  private record Waiting(OAuth2AuthorizationRequest request, String bindingHash, Instant until) {}

  public BrowserBoundAuthorizationRequests(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Mono<Void> saveAuthorizationRequest(
      OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
    if (request == null) {
      return removeAuthorizationRequest(exchange).then();
    }
    Instant now = clock.instant();
    if (waiting.size() >= MAX_WAITING) {
      waiting.values().removeIf(w -> now.isAfter(w.until()));
      if (waiting.size() >= MAX_WAITING) {
        return Mono.error(
            new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE, "Too many logins in progress: try again shortly."));
      }
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    waiting.put(request.getState(), new Waiting(request, hash(binding), now.plus(LIFETIME)));
    exchange.getResponse().addCookie(cookie(exchange, binding, LIFETIME));
    return Mono.empty();
  }

  @Override
  public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
    return Mono.justOrEmpty(find(exchange, false));
  }

  @Override
  public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
    OAuth2AuthorizationRequest found = find(exchange, true);
    if (found != null) {
      exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
    }
    return Mono.justOrEmpty(found);
  }

  private OAuth2AuthorizationRequest find(ServerWebExchange exchange, boolean remove) {
    String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
    HttpCookie binding = exchange.getRequest().getCookies().getFirst(COOKIE);
    if (state == null || binding == null) {
      return null;
    }
    Waiting entry = waiting.get(state);
    if (entry == null
        || clock.instant().isAfter(entry.until())
        || !MessageDigest.isEqual(
            entry.bindingHash().getBytes(StandardCharsets.US_ASCII),
            hash(binding.getValue()).getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    if (remove) {
      waiting.remove(state, entry);
    }
    return entry.request();
  }

  private static ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
    return ResponseCookie.from(COOKIE, value)
        .httpOnly(true)
        .secure("https".equals(exchange.getRequest().getURI().getScheme()))
        .sameSite("Lax")
        .path(OpenIdRegistrations.CALLBACK)
        .maxAge(maxAge)
        .build();
  }

  private static String hash(String binding) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** For tests: how many logins wait. */
  int waiting() {
    return waiting.size();
  }
}
