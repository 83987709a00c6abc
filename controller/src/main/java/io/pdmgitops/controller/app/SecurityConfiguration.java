package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.security.AccessWebFilter;
import io.pdmgitops.controller.security.ApiPaths;
import io.pdmgitops.controller.security.ApiTokens;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.security.BootstrapLogin;
import io.pdmgitops.controller.security.FormTokenWebFilter;
import io.pdmgitops.controller.security.LocalLogins;
import io.pdmgitops.controller.security.LoginThrottle;
import io.pdmgitops.controller.security.PersonalTokens;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.controller.security.ShellSocketToken;
import io.pdmgitops.controller.security.TokenUse;
import io.pdmgitops.controller.security.directory.DirectoryLogins;
import io.pdmgitops.controller.security.openid.BrowserBoundAuthorizationRequests;
import io.pdmgitops.controller.security.openid.OpenIdAuthorizationRequests;
import io.pdmgitops.controller.security.openid.OpenIdLogins;
import io.pdmgitops.controller.security.openid.OpenIdRegistrations;
import io.pdmgitops.controller.security.tfa.Passkeys;
import io.pdmgitops.controller.security.tfa.SecondFactorRoutes;
import io.pdmgitops.controller.security.tfa.SecondFactors;
import io.pdmgitops.controller.security.tfa.SecretBox;
import io.pdmgitops.controller.security.tfa.SignInStage;
import io.pdmgitops.controller.store.JdbcAuditLog;
import io.pdmgitops.controller.store.JdbcSecondFactors;
import io.pdmgitops.controller.store.JdbcTokenStore;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.access.RouteRules;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.pages.AuditPage;
import io.pdmgitops.webui.pages.LoginPage;
import io.pdmgitops.webui.pages.TokensPage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationCodeAuthenticationTokenConverter;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * Who may use the UI and the API: password logins of the local realm against the snapshot in force
 * (and the bootstrap credential while no Admin exists), sessions in a cookie, the anti-forgery
 * token on every state-changing request, and the route rules after login (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {
  /** Sessions kept at most; more logins push out the least recently used. */
  static final int MAX_SESSIONS = 10_000;

  /**
   * Only our own scripts, styles and connections: no inline script or style (sizes are set through
   * the DOM by /js/sizes.js), no framing, forms post only to us.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  @Bean
  PolicyInForce policyInForce(SnapshotTracker snapshots, Clock clock) {
    return new PolicyInForce(snapshots, clock);
  }

  @Bean
  BootstrapLogin bootstrapLogin(ControllerProperties properties) {
    return new BootstrapLogin(properties.dataDir(), System.out);
  }

  @Bean
  LoginThrottle loginThrottle(Clock clock) {
    return new LoginThrottle(clock);
  }

  @Bean(destroyMethod = "close")
  AuditTrail auditTrail(JdbcAuditLog log, Clock clock) {
    return new AuditTrail(log::append, clock);
  }

  @Bean
  RouterFunction<ServerResponse> auditRoutes(JdbcAuditLog log) {
    return AuditPage.routes(log);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  TokenUse tokenUse(JdbcTokenStore store, Clock clock) {
    return new TokenUse(store, clock);
  }

  @Bean
  PersonalTokens personalTokens(
      PolicyInForce policy, JdbcTokenStore store, TokenUse use, AuditTrail audit, Clock clock) {
    return new PersonalTokens(policy, store, use, audit, clock);
  }

  @Bean
  RouterFunction<ServerResponse> tokensRoutes(PersonalTokens tokens) {
    return TokensPage.routes(tokens);
  }

  @Bean
  SecretResolver secretResolver(ControllerProperties properties) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(properties.secrets());
    return new SecretResolver(environment);
  }

  /**
   * OpenID Connect realms. The registrations are deliberately not a bean: Spring Boot would then
   * add its own authorized-client store, an unbounded map of provider tokens this controller does
   * not keep.
   */
  @Bean
  OpenIdLogins openIdLogins(
      PolicyInForce policy, SecretResolver secrets, AuditTrail audit, Clock clock) {
    return new OpenIdLogins(
        new OpenIdRegistrations(policy, secrets, clock),
        new BrowserBoundAuthorizationRequests(clock),
        policy,
        audit,
        clock);
  }

  /** Before Spring Security's chain (order -100): an unknown realm goes back to the login page. */
  @Bean
  WebFilter openIdStartFilter(OpenIdLogins openId) {
    WebFilter start = openId.startFilter();
    return new OrderedWebFilter(start, -101);
  }

  /** A web filter with its place among the others. */
  private record OrderedWebFilter(WebFilter filter, int order) implements WebFilter, Ordered {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      return filter.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
      return order;
    }
  }

  @Bean
  LocalLogins localLogins(
      PolicyInForce policy,
      LoginThrottle throttle,
      BootstrapLogin bootstrap,
      AuditTrail audit,
      SecondFactors factors,
      SecretResolver secrets) {
    return new LocalLogins(
        policy,
        throttle,
        bootstrap,
        audit,
        factors::stageAfterPassword,
        new DirectoryLogins(secrets));
  }

  /** To the page that completes a half login, leaving the page asked for saved for later. */
  private static RedirectServerAuthenticationSuccessHandler toStage(SignInStage stage) {
    RedirectServerAuthenticationSuccessHandler handler =
        new RedirectServerAuthenticationSuccessHandler(stage.page());
    handler.setRequestCache(NoOpServerRequestCache.getInstance());
    return handler;
  }

  /** Where the session keeps its login; the second factor's pages complete it there. */
  @Bean
  WebSessionServerSecurityContextRepository securityContexts() {
    return new WebSessionServerSecurityContextRepository();
  }

  /** The page asked for before the login, to go to after it. */
  @Bean
  ServerRequestCache requestCache() {
    return new WebSessionServerRequestCache();
  }

  @Bean
  SecondFactors secondFactors(
      JdbcSecondFactors store,
      ControllerProperties properties,
      PolicyInForce policy,
      LoginThrottle throttle,
      AuditTrail audit,
      Clock clock)
      throws java.io.IOException {
    SecretBox box =
        SecretBox.open(
            properties.dataDir(), Optional.ofNullable(System.getenv(SecretBox.ENVIRONMENT)));
    return new SecondFactors(store, box, policy, throttle, audit, clock);
  }

  @Bean
  Passkeys passkeys(
      JdbcSecondFactors store,
      SecondFactors factors,
      LoginThrottle throttle,
      AuditTrail audit,
      Clock clock) {
    return new Passkeys(store, factors, throttle, audit, clock);
  }

  @Bean
  RouterFunction<ServerResponse> secondFactorRoutes(
      SecondFactors factors,
      Passkeys passkeys,
      WebSessionServerSecurityContextRepository contexts,
      ServerRequestCache requests) {
    return new SecondFactorRoutes(factors, passkeys, contexts, requests).routes();
  }

  @Bean
  AccessWebFilter accessWebFilter(
      PolicyInForce policy,
      BootstrapLogin bootstrap,
      FleetPort fleet,
      @Value("${pdm.web.session-max:12h}") Duration sessionMax,
      Clock clock,
      AuditTrail audit) {
    return new AccessWebFilter(policy, bootstrap, fleet, sessionMax, clock, audit);
  }

  @Bean
  FormTokenWebFilter formTokenWebFilter() {
    return new FormTokenWebFilter();
  }

  @Bean
  ShellSocketToken shellSocketToken() {
    return new ShellSocketToken();
  }

  @Bean
  RouterFunction<ServerResponse> loginRoutes(OpenIdLogins openId) {
    return LoginPage.routes(
        LocalLogins.FAILED,
        () ->
            openId.registrations().realms().stream()
                .map(r -> new LoginPage.SingleSignOn(r.getKey(), r.getValue()))
                .toList());
  }

  @Bean
  SecurityWebFilterChain securityChain(
      ServerHttpSecurity http,
      LocalLogins logins,
      PolicyInForce policy,
      LoginThrottle throttle,
      AuditTrail audit,
      PersonalTokens personal,
      TokenUse use,
      WebSessionServerSecurityContextRepository contexts,
      ServerRequestCache requests,
      OpenIdLogins openId,
      Clock clock) {
    // API tokens: checked on every call, no session made, a bad one is a 401. Not a bean: Spring
    // Security would take a second authentication manager as a conflict with the login's.
    AuthenticationWebFilter tokens =
        new AuthenticationWebFilter(new ApiTokens(policy, throttle, audit, personal, use));
    tokens.setRequiresAuthenticationMatcher(
        exchange ->
            ApiTokens.offersToken(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch());
    tokens.setServerAuthenticationConverter(ApiTokens::attempt);
    tokens.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    tokens.setAuthenticationFailureHandler(
        new ServerAuthenticationEntryPointFailureHandler(
            new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));

    AuthenticationWebFilter login = new AuthenticationWebFilter(logins);
    login.setRequiresAuthenticationMatcher(
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, LoginPage.PATH));
    login.setServerAuthenticationConverter(
        exchange ->
            exchange
                .getFormData()
                .map(
                    form ->
                        LocalLogins.attempt(
                            Optional.ofNullable(form.getFirst("username")).orElse(""),
                            Optional.ofNullable(form.getFirst("password")).orElse(""),
                            AccessWebFilter.address(exchange))));
    // The context is saved with a new session id: a session fixed before login is worth nothing.
    login.setSecurityContextRepository(contexts);
    RedirectServerAuthenticationSuccessHandler toPage =
        new RedirectServerAuthenticationSuccessHandler("/");
    toPage.setRequestCache(requests);
    login.setAuthenticationSuccessHandler(
        (exchange, auth) ->
            exchange
                .getExchange()
                .getSession()
                .doOnNext(s -> s.getAttributes().put(AccessWebFilter.LOGIN_AT, clock.instant()))
                .then(
                    SignInStage.of(auth)
                        // Half a login: to the page that completes it; the page asked for waits.
                        .map(stage -> toStage(stage).onAuthenticationSuccess(exchange, auth))
                        .orElseGet(() -> toPage.onAuthenticationSuccess(exchange, auth))));
    login.setAuthenticationFailureHandler(
        new RedirectServerAuthenticationFailureHandler(LoginPage.PATH + "?error"));

    ServerWebExchangeMatcher api =
        exchange ->
            ApiPaths.isApi(exchange.getRequest().getPath().pathWithinApplication().value())
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    DelegatingServerAuthenticationEntryPoint entryPoint =
        new DelegatingServerAuthenticationEntryPoint(
            new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                api, new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
    entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LoginPage.PATH));

    RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
    loggedOut.setLogoutSuccessUrl(URI.create(LoginPage.PATH + "?logout"));

    return http.securityContextRepository(contexts)
        .requestCache(cache -> cache.requestCache(requests))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(RouteRules.PUBLIC.toArray(String[]::new))
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .addFilterAt(login, SecurityWebFiltersOrder.FORM_LOGIN)
        .oauth2Login(
            oauth ->
                oauth
                    .clientRegistrationRepository(openId.registrations())
                    .authorizationRequestResolver(
                        OpenIdAuthorizationRequests.resolver(openId.registrations()))
                    .authorizationRequestRepository(openId.authorizationRequests())
                    // Provider tokens are not kept: the login is all this controller needs.
                    .authorizedClientRepository(NO_AUTHORIZED_CLIENTS)
                    .authenticationConverter(openIdAttempt(openId))
                    .authenticationManager(openId.authenticationManager())
                    .securityContextRepository(contexts)
                    .authenticationSuccessHandler(openId.successHandler(contexts, requests))
                    .authenticationFailureHandler(openId.failureHandler())
                    .loginPage(LoginPage.PATH))
        .addFilterAt(tokens, SecurityWebFiltersOrder.HTTP_BASIC)
        // A token call carries no cookie a forged page could ride on, and a webhook is signed:
        // no form token needed for either.
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(
                    exchange ->
                        ApiTokens.offersToken(exchange) || isWebhook(exchange)
                            ? ServerWebExchangeMatcher.MatchResult.notMatch()
                            // A shell's socket is a GET that opens a door: it needs the token.
                            : ShellSocketToken.isSocket(exchange)
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange)))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .logoutHandler(
                        new DelegatingServerLogoutHandler(
                            (exchange, auth) -> {
                              audit.record(
                                  AuditKind.LOGOUT,
                                  auth == null ? "anonymous" : auth.getName(),
                                  AccessWebFilter.address(exchange.getExchange()),
                                  "session",
                                  "");
                              return Mono.empty();
                            },
                            new SecurityContextServerLogoutHandler(),
                            new WebSessionServerLogoutHandler()))
                    .logoutSuccessHandler(loggedOut))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(f -> f.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                    .referrerPolicy(
                        r ->
                            r.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN))
                    // Sent over HTTPS only (Spring leaves it out on plain HTTP).
                    .hsts(h -> h.maxAge(Duration.ofDays(365)).includeSubdomains(false)))
        .build();
  }

  private static boolean isWebhook(ServerWebExchange exchange) {
    return exchange
        .getRequest()
        .getPath()
        .pathWithinApplication()
        .value()
        .startsWith("/api/v1/webhooks/");
  }

  /** An authorized-client store that stores nothing. */
  private static final ServerOAuth2AuthorizedClientRepository NO_AUTHORIZED_CLIENTS =
      new ServerOAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(
            String clientRegistrationId, Authentication principal, ServerWebExchange exchange) {
          return Mono.empty();
        }

        @Override
        public Mono<Void> saveAuthorizedClient(
            OAuth2AuthorizedClient authorizedClient,
            Authentication principal,
            ServerWebExchange exchange) {
          return Mono.empty();
        }

        @Override
        public Mono<Void> removeAuthorizedClient(
            String clientRegistrationId, Authentication principal, ServerWebExchange exchange) {
          return Mono.empty();
        }
      };

  /** Spring's reading of the provider's callback. */
  private static ServerAuthenticationConverter openIdAttempt(OpenIdLogins openId) {
    ServerOAuth2AuthorizationCodeAuthenticationTokenConverter spring =
        new ServerOAuth2AuthorizationCodeAuthenticationTokenConverter(openId.registrations());
    spring.setAuthorizationRequestRepository(openId.authorizationRequests());
    return exchange ->
        spring
            .convert(exchange)
            // No waiting login for this browser and state: a failed login, not a server error.
            .onErrorMap(
                OAuth2AuthorizationException.class,
                e -> new OAuth2AuthenticationException(e.getError(), e.getMessage(), e));
  }

  /**
   * Sessions live in memory (a restart logs everyone out), at most {@value #MAX_SESSIONS}, each
   * ending after {@code pdm.web.session-idle} without a request; the cookie is HttpOnly,
   * SameSite=Strict, and Secure whenever the controller serves HTTPS.
   */
  @Bean(name = WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
  WebSessionManager webSessionManager(
      Environment environment, @Value("${pdm.web.session-idle:30m}") Duration idle) {
    boolean https = environment.getProperty("server.ssl.enabled", Boolean.class, false);
    CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
    cookies.setCookieName("PDM_SESSION");
    cookies.addCookieInitializer(
        cookie -> cookie.httpOnly(true).secure(https).sameSite("Strict").path("/"));
    InMemoryWebSessionStore memory = new InMemoryWebSessionStore();
    memory.setMaxSessions(MAX_SESSIONS);
    DefaultWebSessionManager manager = new DefaultWebSessionManager();
    manager.setSessionIdResolver(cookies);
    manager.setSessionStore(new IdleLimitedStore(memory, idle));
    return manager;
  }

  /** The in-memory store with this controller's idle timeout on every new session. */
  private record IdleLimitedStore(InMemoryWebSessionStore store, Duration idle)
      implements WebSessionStore {
    @Override
    public Mono<WebSession> createWebSession() {
      return store.createWebSession().doOnNext(s -> s.setMaxIdleTime(idle));
    }

    @Override
    public Mono<WebSession> retrieveSession(String sessionId) {
      return store.retrieveSession(sessionId);
    }

    @Override
    public Mono<Void> removeSession(String sessionId) {
      return store.removeSession(sessionId);
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
      return store.updateLastAccessTime(webSession);
    }
  }
}
