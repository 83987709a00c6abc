package io.pdmgitops.controller.security.openid;

import io.pdmgitops.controller.security.AccessWebFilter;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.controller.security.SignedIn;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.model.desired.OpenIdRealmSpec;
import io.pdmgitops.webui.audit.AuditKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * Logins through OpenID Connect realms, around Spring Security's authorization-code login (which
 * exchanges the code, checks the ID token's signature, issuer, audience, expiry and nonce, and
 * reads user info). Rules:
 *
 * <ol>
 *   <li>The identity is the realm's username claim at the realm ({@link OpenIdIdentity}); the
 *       groups claim travels with the session as realm groups.
 *   <li>Only a user the policy in force admits logs in: declared in Git and active, or in a realm
 *       group that maps to a Group, or any user of a realm with {@code autocreate}. Anyone else is
 *       refused after the provider said yes, with the same message as any other failure, and the
 *       refusal is in the audit log.
 *   <li>The provider's token, ID token and user info are not kept: the session holds the user id
 *       and realm groups, like a password login; its idle and absolute limits apply as for any.
 *   <li>The whole exchange with the provider (token, keys, user info) has {@link #TIMEOUT}.
 *   <li>After the login the browser is sent on by a page of ours, not by a redirect: the provider
 *       sent it here, so its session cookie (SameSite=Strict) only travels on a request our own
 *       page starts.
 * </ol>
 */
public final class OpenIdLogins {
  private static final Logger LOG = LoggerFactory.getLogger(OpenIdLogins.class);
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Where a failed login lands; the login page says what it means. */
  public static final String FAILED_PAGE = "/login?openid-failed";

  private final OpenIdRegistrations registrations;
  private final BrowserBoundAuthorizationRequests authorizationRequests;
  private final PolicyInForce policy;
  private final AuditTrail audit;
  private final Clock clock;

  public OpenIdLogins(
      OpenIdRegistrations registrations,
      BrowserBoundAuthorizationRequests authorizationRequests,
      PolicyInForce policy,
      AuditTrail audit,
      Clock clock) {
    this.registrations = registrations;
    this.authorizationRequests = authorizationRequests;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  public OpenIdRegistrations registrations() {
    return registrations;
  }

  /** Logins waiting at a provider; the redirect and the callback must share them. */
  public BrowserBoundAuthorizationRequests authorizationRequests() {
    return authorizationRequests;
  }

  /** Spring's OIDC code login, then this controller's admission. */
  public ReactiveAuthenticationManager authenticationManager() {
    OidcAuthorizationCodeReactiveAuthenticationManager spring =
        new OidcAuthorizationCodeReactiveAuthenticationManager(
            new WebClientReactiveAuthorizationCodeTokenResponseClient(),
            new OidcReactiveOAuth2UserService());
    ReactiveOidcIdTokenDecoderFactory idTokens = new ReactiveOidcIdTokenDecoderFactory();
    idTokens.setJwtValidatorFactory(
        registration ->
            new DelegatingOAuth2TokenValidator<>(
                new OidcIdTokenValidator(registration),
                new OtherAudiences(
                    registration.getClientId(),
                    registrations
                        .realm(registration.getRegistrationId())
                        .map(OpenIdRealmSpec::audiences)
                        .orElse(List.of()))));
    spring.setJwtDecoderFactory(idTokens);
    return attempt ->
        spring
            .authenticate(attempt)
            .timeout(TIMEOUT)
            .onErrorMap(
                e -> !(e instanceof AuthenticationException),
                e ->
                    new Refused("unknown", "the provider did not answer in time or as expected", e))
            .flatMap(result -> admitted((OAuth2LoginAuthenticationToken) result));
  }

  private Mono<Authentication> admitted(OAuth2LoginAuthenticationToken result) {
    String realm = result.getClientRegistration().getRegistrationId();
    Optional<SignedIn> who = identity(realm, result.getPrincipal().getAttributes());
    if (who.isEmpty()) {
      return Mono.error(
          new Refused("unknown", "the username claim is missing or not a user name", null));
    }
    Caller caller = Caller.withRealmGroups(who.get().userId(), who.get().realmGroups());
    if (!policy.policy().isActive(caller)) {
      return Mono.error(
          new Refused(
              who.get().userId(),
              "not a User in Git, in no mapped group, or disabled or expired",
              null));
    }
    return Mono.just(result);
  }

  /**
   * As PDM does: an ID token may name audiences besides this client only when the realm lists them
   * in {@code audiences}; a token also meant for an unknown party is refused.
   */
  record OtherAudiences(String clientId, List<String> accepted)
      implements OAuth2TokenValidator<Jwt> {
    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
      List<String> unknown =
          token.getAudience().stream()
              .filter(a -> !a.equals(clientId) && !accepted.contains(a))
              .toList();
      return unknown.isEmpty()
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(
              new OAuth2Error(
                  "invalid_id_token",
                  "the ID token names audiences the realm does not accept: " + unknown,
                  null));
    }
  }

  /** A login the provider or this controller refused, with whom it was for when known. */
  static final class Refused extends OAuth2AuthenticationException {
    private final String user;

    Refused(String user, String why, Throwable cause) {
      super(new OAuth2Error("access_denied", why, null), why, cause);
      this.user = user;
    }
  }

  private Optional<SignedIn> identity(String realm, java.util.Map<String, Object> claims) {
    return registrations.realm(realm).flatMap(spec -> OpenIdIdentity.of(realm, spec, claims));
  }

  /**
   * Replaces Spring's OAuth2 login in the session by this controller's ({@link SignedIn}, with a
   * new session id), records the login, and sends the browser on with a page.
   */
  public ServerAuthenticationSuccessHandler successHandler(
      ServerSecurityContextRepository contexts, ServerRequestCache requests) {
    return (webFilterExchange, auth) -> {
      ServerWebExchange exchange = webFilterExchange.getExchange();
      OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) auth;
      String realm = token.getAuthorizedClientRegistrationId();
      Optional<SignedIn> who = identity(realm, token.getPrincipal().getAttributes());
      if (who.isEmpty()) {
        // The realm left Git between the provider's answer and now.
        return contexts.save(exchange, null).then(redirect(exchange, URI.create(FAILED_PAGE)));
      }
      Authentication full =
          UsernamePasswordAuthenticationToken.authenticated(who.get(), null, List.of());
      String address = AccessWebFilter.address(exchange);
      LOG.info("login: {} from {} through {}", who.get().userId(), address, realm);
      audit.record(
          AuditKind.LOGIN, who.get().userId(), address, "openid " + realm, groupsNote(who.get()));
      return exchange
          .getSession()
          .doOnNext(s -> s.getAttributes().put(AccessWebFilter.LOGIN_AT, clock.instant()))
          .then(contexts.save(exchange, new SecurityContextImpl(full)))
          .then(requests.getRedirectUri(exchange))
          .defaultIfEmpty(URI.create("/"))
          .flatMap(to -> onwards(exchange, to));
    };
  }

  private String groupsNote(SignedIn who) {
    if (who.realmGroups().isEmpty()) {
      return "";
    }
    var groups = policy.policy().groupsOf(Caller.withRealmGroups(who.userId(), who.realmGroups()));
    return "groups: " + (groups.isEmpty() ? "none" : String.join(", ", groups));
  }

  /** Where a login through a realm starts: Spring's redirect to the provider handles it. */
  public static final String START = "/oauth2/authorization/";

  /**
   * Before Spring's redirect to the provider: a realm that is not in Git or whose provider cannot
   * be discovered goes back to the login page with a message, not to a bare 400.
   */
  public WebFilter startFilter() {
    return (exchange, chain) -> {
      String path = exchange.getRequest().getPath().pathWithinApplication().value();
      if (!path.startsWith(START) || path.length() == START.length()) {
        return chain.filter(exchange);
      }
      String realm = path.substring(START.length());
      return registrations
          .findByRegistrationId(realm)
          .hasElement()
          .flatMap(
              known ->
                  known ? chain.filter(exchange) : redirect(exchange, URI.create(FAILED_PAGE)));
    };
  }

  /**
   * Every failure, whether the provider's, the callback's (no login waiting for this browser and
   * state) or the policy's, is logged and audited, and goes back to the login page, which says the
   * single sign-on did not complete.
   */
  public ServerAuthenticationFailureHandler failureHandler() {
    return (webFilterExchange, e) -> {
      ServerWebExchange exchange = webFilterExchange.getExchange();
      String path = exchange.getRequest().getPath().pathWithinApplication().value();
      String realm =
          path.startsWith(OpenIdRegistrations.CALLBACK)
              ? path.substring(OpenIdRegistrations.CALLBACK.length())
              : "?";
      String user = e instanceof Refused refused ? refused.user : "unknown";
      String why =
          e instanceof OAuth2AuthenticationException oauth
                  && oauth.getError().getDescription() != null
              ? oauth.getError().getDescription()
              : e instanceof OAuth2AuthenticationException oauth
                  ? oauth.getError().getErrorCode()
                  : e.getClass().getSimpleName();
      String address = AccessWebFilter.address(exchange);
      LOG.warn("login through {} refused for {} from {}: {}", realm, user, address, why);
      audit.record(AuditKind.LOGIN_FAILED, user, address, "openid " + realm, why);
      return redirect(exchange, URI.create(FAILED_PAGE));
    };
  }

  private static Mono<Void> redirect(ServerWebExchange exchange, URI to) {
    exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
    exchange.getResponse().getHeaders().setLocation(to);
    return exchange.getResponse().setComplete();
  }

  /** A page that moves on by itself (a meta refresh: no script), with a link as fallback. */
  private static Mono<Void> onwards(ServerWebExchange exchange, URI to) {
    String target = to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
    if (!target.startsWith("/") || target.startsWith("//")) {
      target = "/"; // only ever a page of ours
    }
    String href = HtmlUtils.htmlEscape(target);
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"refresh\" content=\"0;url="
            + href
            + "\"><title>Logged in</title></head><body><p>Logged in. <a href=\""
            + href
            + "\" data-continue>Continue</a></p></body></html>";
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.OK);
    response.getHeaders().setContentType(MediaType.TEXT_HTML);
    response.getHeaders().setCacheControl("no-store");
    return response.writeWith(
        Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
  }
}
