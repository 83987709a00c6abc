package io.pdmgitops.controller.security;

import io.pdmgitops.controller.security.tfa.SignInStage;
import io.pdmgitops.model.access.AccessPolicy;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.webui.access.RouteRules;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.fleet.FleetPort;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs after login: puts the caller on the exchange for the pages and the API to filter by, and
 * checks the request against the route rules of the policy in force. Rules:
 *
 * <ol>
 *   <li>Public paths (login, static files) pass untouched.
 *   <li>A request that matches no rule is answered 404: deny by default, and nothing is said about
 *       a route the caller may not know.
 *   <li>A rule that does not allow the caller is a 403, logged once with who, what and from where.
 *   <li>A session older than the absolute limit ends, whatever its activity: 401 for the API, the
 *       login page for pages.
 *   <li>Half a login (a right password, the second factor still owed or to enrol) opens only the
 *       page that completes it and its passkey ceremony: 401 for the API, a redirect to that page
 *       for the rest.
 *   <li>An API token acts as its caller (narrowed to its path) and is never the bootstrap login.
 *   <li>Refusals and ended sessions go to the audit log.
 * </ol>
 */
public final class AccessWebFilter implements WebFilter, Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(AccessWebFilter.class);

  /** The session attribute with the instant of login. */
  public static final String LOGIN_AT = "pdm.loginAt";

  private final PolicyInForce policy;
  private final BootstrapLogin bootstrap;
  private final FleetPort fleet;
  private final AuditTrail audit;
  private final Duration absoluteTimeout;
  private final Clock clock;

  public AccessWebFilter(
      PolicyInForce policy,
      BootstrapLogin bootstrap,
      FleetPort fleet,
      Duration absoluteTimeout,
      Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.policy = policy;
    this.bootstrap = bootstrap;
    this.fleet = fleet;
    this.absoluteTimeout = absoluteTimeout;
    this.clock = clock;
  }

  /** After Spring Security's chain (order -100), before the handlers. */
  @Override
  public int getOrder() {
    return 0;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (RouteRules.isPublic(path)) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(Authentication::isAuthenticated)
        .flatMap(auth -> checked(exchange, chain, auth, path).thenReturn(true))
        .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
        .then();
  }

  private Mono<Void> checked(
      ServerWebExchange exchange, WebFilterChain chain, Authentication auth, String path) {
    return exchange
        .getSession()
        .flatMap(
            session -> {
              Instant loginAt = session.getAttribute(LOGIN_AT);
              if (loginAt != null && clock.instant().isAfter(loginAt.plus(absoluteTimeout))) {
                LOG.info("session of {} ended after {}", auth.getName(), absoluteTimeout);
                audit.record(
                    AuditKind.SESSION_ENDED,
                    auth.getName(),
                    address(exchange),
                    path,
                    "after " + absoluteTimeout);
                return session.invalidate().then(expired(exchange, path));
              }
              return authorised(exchange, chain, auth, path);
            });
  }

  private Mono<Void> authorised(
      ServerWebExchange exchange, WebFilterChain chain, Authentication auth, String path) {
    AccessPolicy now = policy.policy();
    Optional<SignInStage> stage = SignInStage.of(auth);
    if (stage.isPresent() && !stage.get().completedAt(path)) {
      // Half a login opens only the page that completes it.
      if (ApiPaths.isApi(path)) {
        return answer(exchange, HttpStatus.UNAUTHORIZED, "Your login is not complete.");
      }
      exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
      exchange.getResponse().getHeaders().setLocation(java.net.URI.create(stage.get().page()));
      return exchange.getResponse().setComplete();
    }
    String user = auth.getName();
    Caller caller =
        auth instanceof TokenAuthentication token ? token.caller() : SignedIn.callerOf(auth);
    boolean first =
        !(auth instanceof TokenAuthentication) && bootstrap.isBootstrap(user, now.hasAdminOnRoot());
    Viewer viewer = new Viewer(caller, now, first);
    exchange.getAttributes().put(Viewer.ATTRIBUTE, viewer);
    var match = RouteRules.match(exchange.getRequest().getMethod(), path);
    if (match.isEmpty()) {
      return answer(exchange, HttpStatus.NOT_FOUND, "Not found: " + path);
    }
    if (!match
        .get()
        .rule()
        .requirement()
        .allows(viewer, match.get().variables(), fleet::snapshot)) {
      LOG.info(
          "denied: {} {} {} from {}",
          user,
          exchange.getRequest().getMethod(),
          path,
          exchange.getRequest().getRemoteAddress());
      audit.record(
          AuditKind.DENIED,
          user,
          address(exchange),
          exchange.getRequest().getMethod() + " " + path,
          "403");
      return answer(
          exchange,
          HttpStatus.FORBIDDEN,
          "Forbidden: " + user + " has no role that allows " + path + ".");
    }
    return chain.filter(exchange);
  }

  /** The source address of a request, as the audit log and the log name it. */
  public static String address(ServerWebExchange exchange) {
    var remote = exchange.getRequest().getRemoteAddress();
    return remote == null ? "unknown" : remote.getHostString();
  }

  private Mono<Void> expired(ServerWebExchange exchange, String path) {
    if (ApiPaths.isApi(path)) {
      return answer(exchange, HttpStatus.UNAUTHORIZED, "Your session has ended: log in again.");
    }
    exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
    exchange.getResponse().getHeaders().setLocation(java.net.URI.create("/login?expired"));
    return exchange.getResponse().setComplete();
  }

  private static Mono<Void> answer(ServerWebExchange exchange, HttpStatus status, String text) {
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
    return response.writeWith(
        Mono.just(response.bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8))));
  }
}
