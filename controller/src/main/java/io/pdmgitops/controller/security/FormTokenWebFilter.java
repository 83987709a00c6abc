package io.pdmgitops.controller.security;

import io.pdmgitops.webui.access.FormToken;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands the session's anti-forgery token to the pages as a plain {@link FormToken}. Subscribing to
 * Spring Security's lazy token is also what stores it in the session, so the form that carries it
 * is accepted when posted.
 */
public final class FormTokenWebFilter implements WebFilter, Ordered {
  @Override
  public int getOrder() {
    return 1; // after the security chain and the access filter
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    if (token == null || ApiTokens.offersToken(exchange)) { // token calls have no session
      return chain.filter(exchange);
    }
    return token
        .doOnNext(
            t ->
                exchange
                    .getAttributes()
                    .put(
                        FormToken.ATTRIBUTE,
                        new FormToken(t.getParameterName(), t.getHeaderName(), t.getToken())))
        .then(chain.filter(exchange));
  }
}
