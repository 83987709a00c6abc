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

  public static RouterFunction<ServerResponse> routes(
      FleetStatusPort fleet, FleetPort table, MetricsPort metrics) {
    return RouterFunctions.route()
        .GET(
            "/api/v1/status",
            request ->
                fleet
                    .status()
                    .flatMap(
                        s ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(s)))
        .GET(
            "/api/v1/resources",
            request -> {
              // Off the event loop: the first call after a cycle builds the table. Parsing the
              // query inside the callable turns a bad parameter into an error signal for onError.
              return Mono.fromCallable(
                      () ->
                          ResourcePageView.of(
                              ResourceQuery.from(request::queryParam).run(table.snapshot())))
                  .subscribeOn(Schedulers.boundedElastic())
                  .flatMap(
                      page ->
                          ServerResponse.ok()
                              .contentType(MediaType.APPLICATION_JSON)
                              .bodyValue(page));
            })
        .GET(
            "/api/v1/drift",
            request ->
                fleet
                    .drift()
                    .flatMap(
                        r ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(r)))
        .GET(
            "/metrics",
            request -> ServerResponse.ok().contentType(PROMETHEUS).bodyValue(metrics.scrape()))
        .onError(
            BadQueryException.class,
            (e, request) -> Problems.badQuery((BadQueryException) e, request))
        .build();
  }
}
