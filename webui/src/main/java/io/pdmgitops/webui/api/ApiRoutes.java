package io.pdmgitops.webui.api;

import io.pdmgitops.webui.WebPorts;
import io.pdmgitops.webui.access.VisiblePorts;
import io.pdmgitops.webui.fleet.BadQueryException;
import io.pdmgitops.webui.fleet.QueryNumbers;
import io.pdmgitops.webui.fleet.ResourceQuery;
import io.pdmgitops.webui.tasks.TaskQuery;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The JSON API under /api/v1 and the Prometheus scrape: status, remotes, the fleet table (search,
 * sort, page), guests in full with their RRD history, drift, commits, the fleet's tasks and their
 * logs. Bad parameters get a 400 problem detail, unknown names a 404, a remote that does not answer
 * a live read a 502; never a 500.
 */
public final class ApiRoutes {
  private static final MediaType PROMETHEUS =
      MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

  private ApiRoutes() {}

  /** Most commits one GET /api/v1/commits returns. */
  static final int MAX_COMMITS = 200;

  public static RouterFunction<ServerResponse> routes(WebPorts ports) {
    // Every handler reads the ports as its caller may see them.
    Function<ServerRequest, WebPorts> seen = request -> VisiblePorts.of(request, ports);
    return SpringdocRouteBuilder.route()
        .GET(
            "/api/v1/status",
            request -> seen.apply(request).status().status().flatMap(ApiRoutes::json),
            ApiDocs.status())
        .GET(
            "/api/v1/resources",
            // Off the event loop: the first call after a cycle builds the table. Parsing the
            // query inside the callable turns a bad parameter into an error signal for onError.
            request ->
                blocking(
                    () ->
                        ResourcePageView.of(
                            ResourceQuery.from(request::queryParam)
                                .run(seen.apply(request).fleet().snapshot()))),
            ApiDocs.resources())
        .GET(
            "/api/v1/guests/{remote}/{vmid}",
            request ->
                blocking(
                    () -> {
                      String remote = request.pathVariable("remote");
                      int vmid = vmid(request);
                      return seen.apply(request)
                          .details()
                          .guest(remote, vmid)
                          .orElseThrow(
                              () ->
                                  new NotFoundException(
                                      "no guest " + vmid + " on remote " + remote));
                    }),
            ApiDocs.guest())
        .GET(
            "/api/v1/guests/{remote}/{vmid}/rrddata",
            request ->
                Mono.fromCallable(() -> vmid(request))
                    .flatMap(
                        vmid ->
                            seen.apply(request)
                                .details()
                                .guestRrd(
                                    request.pathVariable("remote"),
                                    vmid,
                                    Timeframe.from(request.queryParam("timeframe"))))
                    .flatMap(ApiRoutes::json),
            ApiDocs.guestRrd())
        .GET(
            "/api/v1/drift",
            request -> seen.apply(request).status().drift().flatMap(ApiRoutes::json),
            ApiDocs.drift())
        .GET(
            "/api/v1/remotes",
            request -> blocking(seen.apply(request).remotes()::remotes),
            ApiDocs.remotes())
        .GET(
            "/api/v1/remotes/{name}",
            request ->
                blocking(
                    () -> {
                      String name = request.pathVariable("name");
                      return seen.apply(request)
                          .remotes()
                          .remote(name)
                          .orElseThrow(() -> new NotFoundException("no remote named " + name));
                    }),
            ApiDocs.remote())
        .GET(
            "/api/v1/remotes/{remote}/tasks/{upid}/log",
            request ->
                seen.apply(request)
                    .tasks()
                    .log(
                        request.pathVariable("remote"),
                        request.pathVariable("upid"),
                        io.pdmgitops.webui.access.TaskPaths.readingToken(request))
                    .flatMap(ApiRoutes::json),
            ApiDocs.taskLog())
        .GET(
            "/api/v1/tasks",
            request ->
                Mono.fromCallable(() -> TaskQuery.from(request::queryParam))
                    .flatMap(query -> seen.apply(request).tasks().tasks().map(query::run))
                    .flatMap(ApiRoutes::json),
            ApiDocs.tasks())
        .GET(
            "/api/v1/commits",
            request ->
                Mono.fromCallable(
                        () ->
                            QueryNumbers.wholeNumber(
                                "limit", request.queryParam("limit"), 50, 1, MAX_COMMITS))
                    .flatMap(seen.apply(request).history()::history)
                    .flatMap(ApiRoutes::json),
            ApiDocs.commits())
        .GET(
            "/metrics",
            request ->
                ServerResponse.ok()
                    .contentType(PROMETHEUS)
                    .bodyValue(seen.apply(request).metrics().scrape()),
            op -> op.operationId("metrics").hidden(true))
        .onError(
            BadQueryException.class,
            (e, request) -> Problems.badQuery((BadQueryException) e, request))
        .onError(
            NotFoundException.class,
            (e, request) -> Problems.notFound((NotFoundException) e, request))
        .onError(
            RemoteReadException.class,
            (e, request) -> Problems.remoteRead((RemoteReadException) e, request))
        .build();
  }

  /** The {@code vmid} path segment: PVE's range, 100 to 999999999. */
  static int vmid(ServerRequest request) {
    return QueryNumbers.wholeNumber(
        "vmid", Optional.of(request.pathVariable("vmid")), 0, 100, 999_999_999);
  }

  private static Mono<ServerResponse> json(Object body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  /** Work that may take a while (building the table, JDBC, Git), off the event loop. */
  private static Mono<ServerResponse> blocking(Callable<Object> work) {
    return Mono.fromCallable(work)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(ApiRoutes::json);
  }
}
