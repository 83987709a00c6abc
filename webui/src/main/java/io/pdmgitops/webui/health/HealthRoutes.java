package io.pdmgitops.webui.health;

import io.pdmgitops.model.fleet.SearchSyntaxException;
import io.pdmgitops.model.health.Finding;
import io.pdmgitops.model.health.FindingQuery;
import io.pdmgitops.model.health.Severity;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.api.ApiDocs;
import io.pdmgitops.webui.pages.Format;
import io.pdmgitops.webui.pages.PageRoutes;
import io.pdmgitops.webui.write.IntentRoutes;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The Health page ({@value #PAGE}) and its JSON ({@value #API}): every finding the caller may see
 * (read on its guest, node or remote), searched with {@code q} in PDM's syntax and filtered by
 * {@code severity}, {@code rule} and {@code remote}; each overview's tab ({@value #TABLE}, JSON
 * {@value #TABLE_API}); the dashboard's panel ({@value #SUMMARY}); and a per-remote refresh
 * ({@value #REFRESH}, read on the remote).
 */
public final class HealthRoutes {
  public static final String PAGE = "/health";
  public static final String API = "/api/v1/health";
  public static final String REFRESH = "/health/refresh/{remote}";

  /** One overview's table: its rows the caller may read, and its sources. */
  public static final String TABLE = "/health/overviews/{overview}";

  public static final String TABLE_API = "/api/v1/health/overviews/{overview}";

  /** The dashboard's panel: counts per severity of what the caller may see, as an HTML fragment. */
  public static final String SUMMARY = "/health/summary";

  private HealthRoutes() {}

  /** The JSON answer: the visible findings and sources, and counts per severity. */
  public record Answer(Map<Severity, Long> counts, HealthReport report) {}

  public static RouterFunction<ServerResponse> api(HealthPort health) {
    return SpringdocRouteBuilder.route()
        .GET(
            API,
            request ->
                filters(request)
                    .map(
                        f -> {
                          HealthReport seen =
                              visible(request, health).report().filter(f, r -> true);
                          return ServerResponse.ok()
                              .contentType(MediaType.APPLICATION_JSON)
                              .bodyValue(new Answer(seen.counts(), seen));
                        })
                    .orElseGet(() -> badFilter(request)),
            op ->
                op.operationId("health")
                    .tag("health")
                    .summary(
                        "Every health finding the caller may see, most urgent first, and how old"
                            + " each overview's data is")
                    .parameter(
                        ApiDocs.query(
                            "q",
                            "A search as on the resources page: +finding:backup-missing"
                                + " remote:dc-east (finding, severity, remote, node, guest)"))
                    .parameter(ApiDocs.query("severity", "critical, warning or info"))
                    .parameter(ApiDocs.query("rule", "A rule id, e.g. subscription-expired"))
                    .parameter(ApiDocs.query("remote", "Only this remote"))
                    .response(ApiDocs.ok(Answer.class))
                    .response(
                        ApiDocs.problem("400", "An unknown severity or a search it cannot read")))
        .GET(
            TABLE_API,
            request ->
                visibleTable(request, health)
                    .map(
                        t ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(t))
                    .orElseGet(() -> noOverview(request, health)),
            op ->
                op.operationId("healthOverview")
                    .tag("health")
                    .summary(
                        "One overview's rows the caller may read (updates, repositories, ...) and"
                            + " how old each remote's data is")
                    .parameter(
                        ApiDocs.path("overview", "subscriptions, updates, repositories, ..."))
                    .response(ApiDocs.ok(OverviewTable.class))
                    .response(ApiDocs.problem("404", "No such overview")))
        .build();
  }

  public static RouterFunction<ServerResponse> pages(HealthPort health) {
    return RouterFunctions.route()
        .GET(PAGE, request -> page(request, health))
        .GET(
            TABLE,
            request ->
                visibleTable(request, health)
                    .map(
                        t ->
                            request
                                .session()
                                .flatMap(
                                    session -> {
                                      Map<String, Object> model = new HashMap<>();
                                      model.put("fmt", new Format());
                                      model.put("table", t);
                                      model.put("overviews", health.tabs());
                                      Optional.ofNullable(
                                              session.getAttributes().remove(IntentRoutes.FLASH))
                                          .ifPresent(flash -> model.put("flash", flash));
                                      return ServerResponse.ok()
                                          .contentType(MediaType.TEXT_HTML)
                                          .render("health-overview", model);
                                    }))
                    .orElseGet(() -> noOverview(request, health)))
        .GET(
            SUMMARY,
            request -> {
              Map<String, Object> model = new HashMap<>();
              model.put("counts", visible(request, health).report().counts());
              return ServerResponse.ok()
                  .contentType(MediaType.TEXT_HTML)
                  .render("health-summary", model);
            })
        .POST(
            REFRESH,
            request -> {
              String remote = request.pathVariable("remote");
              boolean started = health.refresh(remote);
              IntentRoutes.Flash flash =
                  started
                      ? new IntentRoutes.Flash("ok", remote + " is being read again.")
                      : new IntentRoutes.Flash(
                          "ok", remote + " was read moments ago; its answer is on the way.");
              return request
                  .session()
                  .doOnNext(s -> s.getAttributes().put(IntentRoutes.FLASH, flash))
                  .then(ServerResponse.seeOther(URI.create(PAGE)).build());
            })
        .filter(PageRoutes::withCaller)
        .build();
  }

  /**
   * The Health page: the findings the filters let through, or, for a search it cannot read, the
   * page with the problem said where the findings would be (400), as the resources page does.
   */
  private static Mono<ServerResponse> page(ServerRequest request, HealthPort health) {
    Filter filter = filterOrWhy(request);
    return request
        .session()
        .flatMap(
            session -> {
              HealthReport visible = visible(request, health).report();
              HealthReport seen =
                  filter.predicate() == null
                      ? new HealthReport(java.util.List.of(), visible.sources())
                      : visible.filter(filter.predicate(), r -> true);
              Map<String, Object> model = new HashMap<>();
              model.put("fmt", new Format());
              model.put("report", seen);
              model.put("overviews", health.tabs());
              model.put("counts", seen.counts());
              model.put("severity", request.queryParam("severity").orElse(""));
              model.put("rule", request.queryParam("rule").orElse(""));
              model.put("remote", request.queryParam("remote").orElse(""));
              model.put("q", request.queryParam("q").orElse(""));
              if (filter.why() != null) {
                model.put("problem", filter.why());
              }
              Optional.ofNullable(session.getAttributes().remove(IntentRoutes.FLASH))
                  .ifPresent(flash -> model.put("flash", flash));
              return ServerResponse.status(
                      filter.why() == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                  .contentType(MediaType.TEXT_HTML)
                  .render("health", model);
            });
  }

  /** The port as the request's caller sees it. */
  static HealthPort visible(ServerRequest request, HealthPort health) {
    return new VisibleHealth(Viewer.of(request), health);
  }

  /** The overview's rows the caller may read; empty for no such overview. */
  static Optional<OverviewTable> visibleTable(ServerRequest request, HealthPort health) {
    return visible(request, health).table(request.pathVariable("overview"));
  }

  private static Mono<ServerResponse> noOverview(ServerRequest request, HealthPort health) {
    return ServerResponse.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue(
            "no overview '"
                + request.pathVariable("overview")
                + "'; there are: "
                + String.join(", ", health.tabs().stream().map(OverviewTab::name).toList()));
  }

  /**
   * The query's filters as one predicate: the search {@code q} in PDM's syntax, and {@code
   * severity}, {@code rule}, {@code remote}; empty with the reason when one cannot be understood.
   */
  static Optional<Predicate<Finding>> filters(ServerRequest request) {
    return Optional.ofNullable(filterOrWhy(request).predicate());
  }

  /** A predicate, or why there is none. */
  private record Filter(Predicate<Finding> predicate, String why) {}

  private static Filter filterOrWhy(ServerRequest request) {
    Optional<String> severityText =
        request
            .queryParam("severity")
            .filter(s -> !s.isBlank())
            .map(s -> s.toLowerCase(Locale.ROOT));
    Optional<Severity> severity =
        severityText.flatMap(
            s -> Arrays.stream(Severity.values()).filter(x -> x.label().equals(s)).findFirst());
    if (severityText.isPresent() && severity.isEmpty()) {
      return new Filter(null, "severity must be critical, warning or info");
    }
    FindingQuery query;
    try {
      query = FindingQuery.parse(request.queryParam("q").orElse(""));
    } catch (SearchSyntaxException e) {
      return new Filter(null, e.getMessage());
    }
    Optional<String> rule = request.queryParam("rule").filter(s -> !s.isBlank());
    Optional<String> remote = request.queryParam("remote").filter(s -> !s.isBlank());
    return new Filter(
        f ->
            severity.map(s -> f.severity() == s).orElse(true)
                && rule.map(r -> f.rule().equals(r)).orElse(true)
                && remote.map(r -> f.remote().equals(r)).orElse(true)
                && query.matches(f),
        null);
  }

  private static Mono<ServerResponse> badFilter(ServerRequest request) {
    return ServerResponse.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue(filterOrWhy(request).why());
  }
}
