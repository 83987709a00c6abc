package io.pdmgitops.webui.api;

import io.pdmgitops.webui.fleet.BadQueryException;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.ResourceQuery;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The JSON API under /api/v1 and the Prometheus scrape: status, the fleet table (search, sort,
 * page), the declared resources' drift. Bad parameters get a 400 problem detail, never a 500.
 */
public final class ApiRoutes {
  private static final MediaType PROMETHEUS =
      MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

  private ApiRoutes() {}

  /** Most commits one GET /api/v1/commits returns. */
  static final int MAX_COMMITS = 200;

  public static RouterFunction<ServerResponse> routes(
      FleetStatusPort fleet,
      FleetPort table,
      HistoryPort history,
      RemotesPort remotes,
      MetricsPort metrics) {
    return RouterFunctions.route()
        .GET("/api/v1/status", request -> fleet.status().flatMap(ApiRoutes::json))
        .GET(
            "/api/v1/resources",
            // Off the event loop: the first call after a cycle builds the table. Parsing the
            // query inside the callable turns a bad parameter into an error signal for onError.
            request ->
                blocking(
                    () ->
                        ResourcePageView.of(
                            ResourceQuery.from(request::queryParam).run(table.snapshot()))))
        .GET("/api/v1/drift", request -> fleet.drift().flatMap(ApiRoutes::json))
        .GET("/api/v1/remotes", request -> blocking(remotes::remotes))
        .GET(
            "/api/v1/commits",
            request ->
                Mono.fromCallable(() -> limit(request.queryParam("limit")))
                    .flatMap(history::history)
                    .flatMap(ApiRoutes::json))
        .GET(
            "/metrics",
            request -> ServerResponse.ok().contentType(PROMETHEUS).bodyValue(metrics.scrape()))
        .onError(
            BadQueryException.class,
            (e, request) -> Problems.badQuery((BadQueryException) e, request))
        .build();
  }

  private static Mono<ServerResponse> json(Object body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  /** Work that may take a while (building the table, JDBC), off the event loop. */
  private static Mono<ServerResponse> blocking(java.util.concurrent.Callable<Object> work) {
    return Mono.fromCallable(work)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(ApiRoutes::json);
  }

  private static int limit(java.util.Optional<String> raw) {
    if (raw.isEmpty()) {
      return 50;
    }
    try {
      int value = Integer.parseInt(raw.get().strip());
      if (value >= 1 && value <= MAX_COMMITS) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadQueryException(
        "limit",
        "limit must be a whole number from 1 to " + MAX_COMMITS + ", not '" + raw.get() + "'");
  }
}
