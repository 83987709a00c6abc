package io.pdmgitops.webui.pages;

import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.HistoryPort;
import io.pdmgitops.webui.fleet.BadQueryException;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import io.pdmgitops.webui.fleet.ResourcePage;
import io.pdmgitops.webui.fleet.ResourceQuery;
import io.pdmgitops.webui.fleet.SortColumn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The pages: dashboard and resources. A bad search renders the page with the problem, as 400. */
public final class PageRoutes {
  private static final Format FORMAT = new Format();

  private PageRoutes() {}

  /** Commits shown on the history page. */
  static final int HISTORY = 50;

  public static RouterFunction<ServerResponse> routes(
      FleetStatusPort status, FleetPort fleet, HistoryPort history) {
    return RouterFunctions.route()
        .GET("/", request -> dashboard(status, fleet))
        .GET("/resources", request -> resources(request, fleet))
        .GET("/drift", request -> drift(status, fleet))
        .GET(
            "/history",
            request ->
                history
                    .history(HISTORY)
                    .flatMap(
                        entries -> {
                          Map<String, Object> model = base(fleet.snapshot());
                          model.put("entries", entries);
                          return html(HttpStatus.OK, "history", model);
                        }))
        .build();
  }

  private static Mono<ServerResponse> dashboard(FleetStatusPort status, FleetPort fleet) {
    return Mono.fromCallable(fleet::snapshot)
        .subscribeOn(Schedulers.boundedElastic())
        .zipWith(status.status().map(Optional::of).defaultIfEmpty(Optional.empty()))
        .flatMap(
            t -> {
              Map<String, Object> model = base(t.getT1());
              model.put("d", Dashboard.of(t.getT1()));
              model.put("status", t.getT2().orElse(null));
              return html(HttpStatus.OK, "dashboard", model);
            });
  }

  private static Mono<ServerResponse> resources(ServerRequest request, FleetPort fleet) {
    return Mono.fromCallable(fleet::snapshot)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            snapshot -> {
              Map<String, Object> model = base(snapshot);
              model.put("search", request.queryParam("search").orElse(""));
              model.put("sort", request.queryParam("sort").orElse("name"));
              model.put("dir", request.queryParam("dir").orElse("asc"));
              model.put(
                  "size",
                  request.queryParam("size").orElse(String.valueOf(ResourceQuery.DEFAULT_SIZE)));
              model.put(
                  "columns", Arrays.stream(SortColumn.values()).map(SortColumn::wire).toList());
              try {
                ResourceQuery query = ResourceQuery.from(request::queryParam);
                ResourcePage page = query.run(snapshot);
                model.put("page", page);
                model.put("previousHref", href(query.parameters(page.page() - 1)));
                model.put("nextHref", href(query.parameters(page.page() + 1)));
                return html(HttpStatus.OK, "resources", model);
              } catch (BadQueryException e) {
                model.put("problem", e.getMessage());
                return html(HttpStatus.BAD_REQUEST, "resources", model);
              }
            });
  }

  private static Mono<ServerResponse> drift(FleetStatusPort status, FleetPort fleet) {
    return status
        .drift()
        .flatMap(
            resources -> {
              Map<String, Object> model = base(fleet.snapshot());
              model.put("groups", DriftGroups.of(resources));
              return html(HttpStatus.OK, "drift", model);
            });
  }

  private static Map<String, Object> base(FleetSnapshot snapshot) {
    Map<String, Object> model = new HashMap<>();
    model.put("fmt", FORMAT);
    model.put(
        "observedAt",
        snapshot.observedAt().equals(Instant.EPOCH) ? null : snapshot.observedAt().toString());
    return model;
  }

  private static String href(Map<String, String> parameters) {
    return "/resources?"
        + parameters.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static Mono<ServerResponse> html(
      HttpStatus status, String view, Map<String, Object> model) {
    return ServerResponse.status(status).contentType(MediaType.TEXT_HTML).render(view, model);
  }
}
