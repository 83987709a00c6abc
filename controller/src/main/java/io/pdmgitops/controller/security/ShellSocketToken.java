package io.pdmgitops.controller.security;

import io.pdmgitops.webui.shell.ShellRoutes;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * A browser cannot put headers on a WebSocket, so the shell's page sends the session's form token
 * in the socket's query. This moves it into the header Spring Security's anti-forgery check reads,
 * which then checks the socket's upgrade like any form post (the check itself is configured to
 * cover that GET). Nothing else is touched: any other request keeps its query as sent.
 */
public final class ShellSocketToken implements WebFilter, Ordered {
  /** Spring Security's names for the session's token, as the pages also send it. */
  public static final String PARAMETER = "_csrf";

  public static final String HEADER = "X-CSRF-TOKEN";

  private static final PathPattern SOCKET =
      PathPatternParser.defaultInstance.parse(ShellRoutes.SOCKET);

  @Override
  public int getOrder() {
    return -200; // before Spring Security's chain (-100)
  }

  /** Whether a request is a shell's socket upgrade. */
  public static boolean isSocket(ServerWebExchange exchange) {
    return HttpMethod.GET.equals(exchange.getRequest().getMethod())
        && SOCKET.matches(
            PathContainer.parsePath(
                exchange.getRequest().getPath().pathWithinApplication().value()));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String token = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
    if (token == null || !isSocket(exchange)) {
      return chain.filter(exchange);
    }
    return chain.filter(
        exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, token))).build());
  }
}
