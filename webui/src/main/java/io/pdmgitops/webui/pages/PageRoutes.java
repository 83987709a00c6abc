package io.pdmgitops.webui.pages;

import io.pdmgitops.model.desired.View;
import io.pdmgitops.model.desired.Widget;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.model.fleet.ViewFilter;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.HistoryEntry;
import io.pdmgitops.webui.api.HistoryPort;
import io.pdmgitops.webui.api.RemotesPort;
import io.pdmgitops.webui.fleet.BadQueryException;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import io.pdmgitops.webui.fleet.ResourcePage;
import io.pdmgitops.webui.fleet.ResourceQuery;
import io.pdmgitops.webui.fleet.SortColumn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The pages: dashboard, resources, drift, history and one per View. A bad search renders the page
 * with the problem, as 400.
 */
public final class PageRoutes {
  private static final Format FORMAT = new Format();

  private PageRoutes() {}

  /** Commits shown on the history page. */
  static final int HISTORY = 50;

  public static RouterFunction<ServerResponse> routes(
      FleetStatusPort status, FleetPort fleet, HistoryPort history, RemotesPort remotes) {
    return RouterFunctions.route()
        .GET(
            "/remotes",
            request ->
                Mono.fromCallable(
                        () -> {
                          Map<String, Object> model = base(fleet.snapshot());
                          model.put("remotes", remotes.remotes());
                          return model;
                        })
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(model -> html(HttpStatus.OK, "remotes", model)))
        .GET("/", request -> dashboard(status, fleet, history))
        .GET("/views/{name}", request -> view(request, fleet, history))
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

  /** Actions looked at for the task summaries. */
  static final int TASK_HISTORY = 200;

  private static Mono<ServerResponse> dashboard(
      FleetStatusPort status, FleetPort fleet, HistoryPort history) {
    return Mono.fromCallable(fleet::snapshot)
        .subscribeOn(Schedulers.boundedElastic())
        .zipWith(status.status().map(Optional::of).defaultIfEmpty(Optional.empty()))
        .zipWith(history.history(TASK_HISTORY))
        .flatMap(
            t -> {
              FleetSnapshot snapshot = t.getT1().getT1();
              Map<String, Object> model = base(snapshot);
              model.put("declared", Dashboard.declared(snapshot.resources()));
              model.put("status", t.getT1().getT2().orElse(null));
              model.put("rows", panels(Dashboard.LAYOUT, snapshot.resources(), t.getT2()));
              return html(HttpStatus.OK, "dashboard", model);
            });
  }

  private static Mono<ServerResponse> view(
      ServerRequest request, FleetPort fleet, HistoryPort history) {
    String name = request.pathVariable("name");
    return Mono.fromCallable(fleet::snapshot)
        .subscribeOn(Schedulers.boundedElastic())
        .zipWith(history.history(TASK_HISTORY))
        .flatMap(
            t -> {
              FleetSnapshot snapshot = t.getT1();
              Map<String, Object> model = base(snapshot);
              View view = snapshot.views().get(name);
              if (view == null) {
                model.put("search", "view:" + name);
                model.put("sort", "name");
                model.put("dir", "asc");
                model.put("size", String.valueOf(ResourceQuery.DEFAULT_SIZE));
                model.put("columns", List.of());
                model.put(
                    "problem",
                    "no view named '"
                        + name
                        + "' in the snapshot in force; views are: "
                        + String.join(", ", snapshot.views().keySet()));
                return html(HttpStatus.NOT_FOUND, "resources", model);
              }
              ViewFilter filter = ViewFilter.of(view);
              List<FleetResource> selected = select(snapshot.resources(), filter);
              model.put("name", name);
              model.put("description", view.spec().description().orElse(null));
              model.put(
                  "selected",
                  selected.stream().filter(r -> r.type() != ResourceType.REMOTE).count());
              List<List<Widget>> layout =
                  view.spec().layout().map(View.Layout::rows).orElse(Dashboard.LAYOUT);
              model.put("rows", panels(layout, selected, t.getT2()));
              return html(HttpStatus.OK, "view", model);
            });
  }

  /**
   * What a view shows: the resources its rules select, and the remotes they live on (a remote named
   * by a rule shows even while it is down, with its error).
   */
  static List<FleetResource> select(List<FleetResource> rows, ViewFilter filter) {
    Set<String> remotes = new HashSet<>();
    List<FleetResource> selected = new ArrayList<>();
    for (FleetResource r : rows) {
      if (r.type() != ResourceType.REMOTE && filter.matches(r)) {
        selected.add(r);
        remotes.add(r.remote());
      }
    }
    for (FleetResource r : rows) {
      if (r.type() == ResourceType.REMOTE && (remotes.contains(r.remote()) || filter.matches(r))) {
        selected.add(r);
      }
    }
    return selected;
  }

  private static List<List<Panel>> panels(
      List<List<Widget>> layout, List<FleetResource> rows, List<HistoryEntry> history) {
    return layout.stream()
        .map(row -> row.stream().map(w -> Widgets.panel(w, rows, history)).toList())
        .toList();
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
    model.put("viewNames", List.copyOf(snapshot.views().keySet()));
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
