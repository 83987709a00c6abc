package io.pdmgitops.controller.security.tfa;

import java.net.URI;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The end of a half login (a second factor given, or enrolled when Git requires one): the session
 * gets a new id and a full login for the same principal, and the browser goes where it wanted.
 */
record LoginCompletion(ServerSecurityContextRepository contexts, ServerRequestCache requests) {

  /** The login in the session now, if any. */
  static Mono<Authentication> current() {
    return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication);
  }

  /** Makes the login full, under a new session id. */
  Mono<Void> full(ServerRequest request, Authentication auth) {
    Authentication full =
        UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, List.of());
    SecurityContext context = new SecurityContextImpl(full);
    return request
        .session()
        .flatMap(WebSession::changeSessionId)
        .then(contexts.save(request.exchange(), context));
  }

  /** The page the user asked for before the login, else the dashboard. */
  Mono<URI> target(ServerRequest request) {
    return requests.getRedirectUri(request.exchange()).defaultIfEmpty(URI.create("/"));
  }
}
