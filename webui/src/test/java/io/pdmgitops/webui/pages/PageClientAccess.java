package io.pdmgitops.webui.pages;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@link PageClient} for tests outside this package, such as the benchmark. */
public final class PageClientAccess {
  private PageClientAccess() {}

  public static WebTestClient of(RouterFunction<ServerResponse> routes) {
    return PageClient.of(routes);
  }
}
