package io.pdmgitops.webui.pages;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.desired.View;
import io.pdmgitops.model.desired.Widget;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.model.fleet.ShellSupport;
import io.pdmgitops.model.fleet.ViewFilter;
import io.pdmgitops.webui.WebPorts;
import io.pdmgitops.webui.access.FormToken;
import io.pdmgitops.webui.access.TaskPaths;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.access.VisiblePorts;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteDetail;
import io.pdmgitops.webui.api.RemoteInventory;
import io.pdmgitops.webui.api.RemoteReadException;
import io.pdmgitops.webui.api.ResourceDetail;
import io.pdmgitops.webui.fleet.BadQueryException;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import io.pdmgitops.webui.fleet.ResourcePage;
import io.pdmgitops.webui.fleet.ResourceQuery;
import io.pdmgitops.webui.fleet.SortColumn;
import io.pdmgitops.webui.shell.ShellDoors;
import io.pdmgitops.webui.tasks.TaskList;
import io.pdmgitops.webui.tasks.TaskQuery;
import io.pdmgitops.webui.tasks.TasksPort;
import io.pdmgitops.webui.write.GuestIntent;
import io.pdmgitops.webui.write.IntentRoutes;
import io.pdmgitops.webui.write.PendingIntents;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RenderingResponse;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The pages: dashboard, remotes, resources, guests, drift, history, tasks, source files at a
 * commit, and one per View. A bad search renders the page with the problem, as 400; an unknown name
 * is a 404 page that says what is there instead.
 */
public final class PageRoutes {
  private static final Format FORMAT = new Format();

  private PageRoutes() {}

  /** Commits shown on the history page. */
  static final int HISTORY = 50;

  public static RouterFunction<ServerResponse> routes(WebPorts ports) {
    // Every handler reads the ports as its caller may see them.
    Function<ServerRequest, WebPorts> seen = request -> VisiblePorts.of(request, ports);
    return RouterFunctions.route()
        .GET(
            "/remotes",
            request ->
                blocking(
                    () -> {
                      Map<String, Object> model = base(seen.apply(request).fleet().snapshot());
                      model.put("remotes", seen.apply(request).remotes().remotes());
                      return page("remotes", model);
                    }))
        .GET(
            "/remotes/{name}",
            request ->
                blocking(
                    () -> {
                      String name = request.pathVariable("name");
                      Map<String, Object> model = base(seen.apply(request).fleet().snapshot());
                      Optional<RemoteInventory> remote = seen.apply(request).remotes().remote(name);
                      if (remote.isEmpty()) {
                        return notFound(model, "No remote named '" + name + "' is declared.");
                      }
                      model.put("r", remote.get());
                      model.put("shell", ShellDoors.of(request));
                      RemoteDetail detail = remote.get().remote();
                      ShellSupport.refusal(name, detail.type(), detail.version())
                          .ifPresent(why -> model.put("shellRefusal", why));
                      return page("remote", model);
                    }))
        .GET("/", request -> dashboard(seen.apply(request)))
        .GET("/views/{name}", request -> view(request, seen.apply(request)))
        .GET("/resources", request -> resources(request, seen.apply(request).fleet()))
        .GET(
            "/guests/{remote}/{vmid}",
            request -> request.session().flatMap(s -> guest(request, seen.apply(request), s)))
        .GET("/tasks", request -> tasks(request, seen.apply(request)))
        .GET(
            "/tasks/{remote}/{upid}",
            request -> {
              String remote = request.pathVariable("remote");
              String upid = request.pathVariable("upid");
              return snapshot(seen.apply(request).fleet())
                  .flatMap(
                      snapshot ->
                          seen.apply(request)
                              .tasks()
                              .log(remote, upid, TaskPaths.readingToken(request))
                              .zipWith(flash(request))
                              .map(
                                  t -> {
                                    Map<String, Object> model = base(snapshot);
                                    model.put("log", t.getT1());
                                    t.getT2().ifPresent(f -> model.put("flash", f));
                                    model.put(
                                        "canStop",
                                        Viewer.of(request)
                                            .flatMap(
                                                v ->
                                                    TaskPaths.tokenFor(
                                                        v, remote, upid, Permission.OPERATE))
                                            .isPresent());
                                    return page("task", model);
                                  })
                              .onErrorResume(
                                  NotFoundException.class,
                                  e -> Mono.just(notFound(base(snapshot), e.getMessage())))
                              .onErrorResume(
                                  RemoteReadException.class,
                                  e ->
                                      Mono.just(
                                          new Rendered(
                                              HttpStatus.BAD_GATEWAY,
                                              "notfound",
                                              withMessage(base(snapshot), e.getMessage())))))
                  .flatMap(Rendered::respond);
            })
        .GET(
            "/source/{commit}/{*path}",
            request ->
                blocking(
                    () -> {
                      Map<String, Object> model = base(seen.apply(request).fleet().snapshot());
                      try {
                        model.put(
                            "file",
                            seen.apply(request)
                                .sources()
                                .file(
                                    request.pathVariable("commit"),
                                    request.pathVariable("path").replaceFirst("^/+", "")));
                      } catch (NotFoundException e) {
                        return notFound(model, e.getMessage());
                      }
                      model.put("mark", marked(request.queryParam("lines")));
                      return page("source", model);
                    }))
        .GET(
            "/api",
            request ->
                snapshot(seen.apply(request).fleet())
                    .zipWith(
                        seen.apply(request)
                            .apiDocument()
                            .document(request)
                            .map(ApiReference::parse))
                    .flatMap(
                        t -> {
                          Map<String, Object> model = base(t.getT1());
                          model.put("api", t.getT2());
                          return html(HttpStatus.OK, "api", model);
                        }))
        .GET("/drift", request -> drift(seen.apply(request)))
        .GET(
            "/history",
            request ->
                request
                    .session()
                    .map(s -> Optional.ofNullable(s.getAttributes().remove(IntentRoutes.FLASH)))
                    .flatMap(
                        flash ->
                            snapshot(seen.apply(request).fleet())
                                .zipWith(seen.apply(request).history().history(HISTORY))
                                .flatMap(
                                    t -> {
                                      Map<String, Object> model = base(t.getT1());
                                      model.put("entries", t.getT2());
                                      flash.ifPresent(f -> model.put("flash", f));
                                      return html(HttpStatus.OK, "history", model);
                                    })))
        .filter(PageRoutes::withCaller)
        .build();
  }

  /**
   * Every page names its caller (with the logout form) and carries the form token, which the
   * header's forms and htmx requests send back.
   */
  public static Mono<ServerResponse> withCaller(
      ServerRequest request, HandlerFunction<ServerResponse> next) {
    return next.handle(request)
        .flatMap(
            response -> {
              if (!(response instanceof RenderingResponse rendered)) {
                return Mono.just(response);
              }
              Map<String, Object> extra = new HashMap<>();
              Viewer.of(request)
                  .ifPresent(
                      v -> {
                        extra.put("caller", v.name());
                        extra.put("mayReadHistory", v.allows(AccessPath.ROOT, Permission.READ));
                        extra.put("mayAudit", v.allows(AuditPage.GUARD, AuditPage.NEEDS));
                      });
              FormToken.of(request.exchange()).ifPresent(t -> extra.put("formToken", t));
              return RenderingResponse.from(rendered)
                  .modelAttributes(extra)
                  .build()
                  .cast(ServerResponse.class);
            });
  }

  /** The message a POST left for the next page, once. */
  private static Mono<Optional<Object>> flash(ServerRequest request) {
    return request
        .session()
        .map(s -> Optional.ofNullable(s.getAttributes().remove(IntentRoutes.FLASH)));
  }

  /**
   * A guest in full; the buttons of the intents the caller may ask for (Manage on the guest, and
   * the guest declared in Git), and what the last intent became, once.
   */
  private static Mono<ServerResponse> guest(
      ServerRequest request, WebPorts ports, WebSession session) {
    return blocking(
        () -> {
          Optional<Object> flash =
              Optional.ofNullable(session.getAttributes().remove(IntentRoutes.FLASH));
          Map<String, Object> model = base(ports.fleet().snapshot());
          String remote = request.pathVariable("remote");
          Optional<Integer> vmid = vmid(request.pathVariable("vmid"));
          Optional<ResourceDetail> guest = vmid.flatMap(v -> ports.details().guest(remote, v));
          if (guest.isEmpty()) {
            return notFound(
                model,
                "No guest "
                    + request.pathVariable("vmid")
                    + " on remote '"
                    + remote
                    + "' in the latest inventory or the snapshot in force.");
          }
          model.put("g", guest.get());
          boolean mayOperate =
              guest.get().declaration().isPresent()
                  && Viewer.of(request)
                      .map(v -> v.allows(AccessPath.guest(remote, vmid.get()), Permission.OPERATE))
                      .orElse(false);
          model.put("intents", mayOperate ? List.of(GuestIntent.values()) : List.of());
          if (mayOperate) {
            // "Move to...": the nodes the caller can see, by remote, for the form's suggestions.
            model.put(
                "moveNodes",
                ports.fleet().snapshot().resources().stream()
                    .filter(r -> r.type() == io.pdmgitops.model.fleet.ResourceType.NODE)
                    .map(r -> r.name())
                    .distinct()
                    .sorted()
                    .toList());
            model.put(
                "moveRemotes",
                ports.fleet().snapshot().resources().stream()
                    .filter(r -> r.type() == io.pdmgitops.model.fleet.ResourceType.NODE)
                    .map(r -> r.remote())
                    .distinct()
                    .sorted()
                    .toList());
          }
          // Adopting adds a Guest document: Admin on the guest, and the editor (read on /).
          boolean mayAdopt =
              guest.get().declaration().isEmpty()
                  && Viewer.of(request)
                      .map(
                          v ->
                              v.allows(AccessPath.guest(remote, vmid.get()), Permission.CONFIGURE)
                                  && v.allows(AccessPath.ROOT, Permission.READ))
                      .orElse(false);
          model.put("mayAdopt", mayAdopt);
          flash.ifPresent(f -> model.put("flash", f));
          PendingIntents.of(session, guest.get(), Instant.now())
              .ifPresent(p -> model.put("pending", p));
          return page("guest", model);
        });
  }

  /** A page to render with its status: built off the event loop, rendered on it. */
  record Rendered(HttpStatus status, String template, Map<String, Object> model) {
    Mono<ServerResponse> respond() {
      return html(status, template, model);
    }
  }

  private static Rendered page(String template, Map<String, Object> model) {
    return new Rendered(HttpStatus.OK, template, model);
  }

  private static Rendered notFound(Map<String, Object> model, String message) {
    return new Rendered(HttpStatus.NOT_FOUND, "notfound", withMessage(model, message));
  }

  private static Map<String, Object> withMessage(Map<String, Object> model, String message) {
    model.put("message", message);
    return model;
  }

  private static Mono<ServerResponse> blocking(java.util.concurrent.Callable<Rendered> work) {
    return Mono.fromCallable(work)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(Rendered::respond);
  }

  /** The fleet table, fetched off the event loop: the first look after a cycle builds it. */
  private static Mono<FleetSnapshot> snapshot(FleetPort fleet) {
    return Mono.fromCallable(fleet::snapshot).subscribeOn(Schedulers.boundedElastic());
  }

  private static Optional<Integer> vmid(String raw) {
    try {
      return Optional.of(Integer.parseInt(raw));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code lines=12-20} (or {@code 12}) marks lines of a source file; anything else marks none. */
  static int[] marked(Optional<String> raw) {
    if (raw.isEmpty()) {
      return new int[] {0, 0};
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,7})(?:-(\\d{1,7}))?").matcher(raw.get());
    if (!m.matches()) {
      return new int[] {0, 0};
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    return new int[] {from, Math.max(from, to)};
  }

  private static Mono<ServerResponse> tasks(ServerRequest request, WebPorts ports) {
    return snapshot(ports.fleet()).flatMap(snapshot -> tasks(request, ports, snapshot));
  }

  private static Mono<ServerResponse> tasks(
      ServerRequest request, WebPorts ports, FleetSnapshot snapshot) {
    Map<String, Object> model = base(snapshot);
    for (String p : List.of("remote", "state", "type", "id", "limit")) {
      model.put(p, request.queryParam(p).orElse(""));
    }
    model.put("mine", request.queryParam("mine").orElse("").equals("true"));
    model.put("remoteNames", remoteNames(snapshot));
    TaskQuery query;
    try {
      query = TaskQuery.from(request::queryParam);
    } catch (BadQueryException e) {
      model.put("problem", e.getMessage());
      return html(HttpStatus.BAD_REQUEST, "tasks", model);
    }
    return ports
        .tasks()
        .tasks()
        .flatMap(
            list -> {
              model.put("page", query.run(list));
              return html(HttpStatus.OK, "tasks", model);
            });
  }

  /** The choices of the resource table's column filters. */
  private static Map<String, List<String>> filterOptions(FleetSnapshot snapshot) {
    return Map.of(
        "type", Arrays.stream(ResourceType.values()).map(ResourceType::wire).toList(),
        "remote", remoteNames(snapshot),
        "status",
            List.of("running", "stopped", "paused", "online", "offline", "available", "unknown"),
        "sync", List.of("synced", "out-of-sync", "unknown"),
        "health", List.of("healthy", "progressing", "degraded", "missing", "unknown"));
  }

  private static List<String> remoteNames(FleetSnapshot snapshot) {
    return snapshot.resources().stream()
        .filter(r -> r.type() == ResourceType.REMOTE)
        .map(FleetResource::remote)
        .sorted()
        .toList();
  }

  private static Mono<ServerResponse> dashboard(WebPorts ports) {
    FleetStatusPort status = ports.status();
    FleetPort fleet = ports.fleet();
    TasksPort tasks = ports.tasks();
    return Mono.fromCallable(fleet::snapshot)
        .subscribeOn(Schedulers.boundedElastic())
        .zipWith(status.status().map(Optional::of).defaultIfEmpty(Optional.empty()))
        .flatMap(
            t -> {
              FleetSnapshot snapshot = t.getT1();
              Map<String, Object> model = base(snapshot);
              model.put("declared", Dashboard.declared(snapshot.resources()));
              model.put("status", t.getT2().orElse(null));
              model.put(
                  "rows",
                  panels(Dashboard.LAYOUT, snapshot.resources(), tasks.latest(), ports.health()));
              return html(HttpStatus.OK, "dashboard", model);
            });
  }

  private static Mono<ServerResponse> view(ServerRequest request, WebPorts ports) {
    FleetPort fleet = ports.fleet();
    TasksPort tasks = ports.tasks();
    String name = request.pathVariable("name");
    return Mono.fromCallable(fleet::snapshot)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            snapshot -> {
              Map<String, Object> model = base(snapshot);
              View view = snapshot.views().get(name);
              if (view == null) {
                return notFound(
                        model,
                        "No view named '"
                            + name
                            + "' in the snapshot in force. Views are: "
                            + String.join(", ", snapshot.views().keySet())
                            + ".")
                    .respond();
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
              model.put("rows", panels(layout, selected, tasks.latest(), ports.health()));
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
      List<List<Widget>> layout,
      List<FleetResource> rows,
      TaskList tasks,
      io.pdmgitops.webui.health.HealthPort health) {
    return layout.stream()
        .map(row -> row.stream().map(w -> Widgets.panel(w, rows, tasks, health)).toList())
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
              Map<String, String> filters = new HashMap<>();
              for (String column : ResourceQuery.FILTERS) {
                request.queryParam(column).ifPresent(v -> filters.put(column, v));
              }
              model.put("filters", filters);
              model.put("filterOptions", filterOptions(snapshot));
              model.put("shell", ShellDoors.of(request));
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

  private static Mono<ServerResponse> drift(WebPorts ports) {
    return snapshot(ports.fleet())
        .zipWith(ports.status().drift())
        .flatMap(
            t -> {
              Map<String, Object> model = base(t.getT1());
              model.put("groups", DriftGroups.of(t.getT2()));
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
