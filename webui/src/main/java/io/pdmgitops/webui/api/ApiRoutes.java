package io.pdmgitops.webui.api;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** GET /api/v1/status, GET /api/v1/resources, GET /metrics. */
public final class ApiRoutes {
  private static final MediaType PROMETHEUS =
      MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

  private ApiRoutes() {}

  public static RouterFunction<ServerResponse> routes(FleetStatusPort fleet, MetricsPort metrics) {
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
            request ->
                fleet
                    .resources()
                    .flatMap(
                        r ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(r)))
        .GET(
            "/metrics",
            request -> ServerResponse.ok().contentType(PROMETHEUS).bodyValue(metrics.scrape()))
        .build();
  }
}
