package io.pdmgitops.webui.health;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.api.ApiDocs;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteReadException;
import io.pdmgitops.webui.api.RemoteRefusedException;
import io.pdmgitops.webui.pages.PageRoutes;
import io.pdmgitops.webui.write.IntentRoutes;
import java.net.URI;
import java.util.Optional;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * A node's packages on demand. The changelog of a pending version (read on the node: {@value
 * #CHANGELOG}, plain text) and refreshing the package index (Manage on the node: the updates page's
 * button posts to {@value #REFRESH} and lands on the task's page; the API {@value #REFRESH_API}
 * answers the UPID). Each goes to the remote with the token the caller's role came through.
 */
public final class UpdatesRoutes {
  public static final String CHANGELOG = "/api/v1/remotes/{remote}/nodes/{node}/apt/changelog";
  public static final String REFRESH_API = "/api/v1/remotes/{remote}/nodes/{node}/apt/update";
  public static final String REFRESH = "/health/updates/{remote}/{node}/refresh";

  private UpdatesRoutes() {}

  /** The refresh's JSON answer. */
  public record Started(String upid) {}

  public static RouterFunction<ServerResponse> api(UpdatesPort updates) {
    return SpringdocRouteBuilder.route()
        .GET(
            CHANGELOG,
            request -> {
              Optional<String> pkg = request.queryParam("package").filter(p -> !p.isBlank());
              Optional<String> version = request.queryParam("version").filter(p -> !p.isBlank());
              if (pkg.isEmpty() || version.isEmpty()) {
                return problem(
                    HttpStatus.BAD_REQUEST,
                    new IllegalArgumentException(
                        "name the package and its version: ?package=openssl&version=3.0.15-1"));
              }
              return updates
                  .changelog(
                      request.pathVariable("remote"),
                      request.pathVariable("node"),
                      pkg.get(),
                      version.get(),
                      token(request, Permission.READ))
                  .flatMap(
                      text -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(text))
                  .onErrorResume(UpdatesRoutes::failed);
            },
            op ->
                op.operationId("changelog")
                    .tag("health")
                    .summary("A pending package's changelog, read from the node")
                    .parameter(ApiDocs.path("remote", "The remote"))
                    .parameter(ApiDocs.path("node", "The node"))
                    .parameter(ApiDocs.query("package", "The package, e.g. openssl"))
                    .parameter(ApiDocs.query("version", "Its pending version"))
                    .response(ApiDocs.ok(String.class))
                    .response(ApiDocs.problem("403", "The remote refused the chosen token"))
                    .response(ApiDocs.problem("502", "The remote did not answer")))
        .POST(
            REFRESH_API,
            request ->
                refresh(request, updates)
                    .flatMap(
                        upid ->
                            ServerResponse.accepted()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new Started(upid)))
                    .onErrorResume(UpdatesRoutes::failed),
            op ->
                op.operationId("refreshPackageIndex")
                    .tag("health")
                    .summary(
                        "Refresh a node's package index (apt-get update) in a task; Manage on the"
                            + " node")
                    .parameter(ApiDocs.path("remote", "The remote"))
                    .parameter(ApiDocs.path("node", "The node"))
                    .response(ApiDocs.ok(Started.class))
                    .response(ApiDocs.problem("403", "The remote refused the chosen token"))
                    .response(ApiDocs.problem("502", "The remote did not answer")))
        .build();
  }

  public static RouterFunction<ServerResponse> page(UpdatesPort updates) {
    return RouterFunctions.route()
        .POST(
            REFRESH,
            request -> {
              String remote = request.pathVariable("remote");
              return refresh(request, updates)
                  .flatMap(
                      upid ->
                          ServerResponse.seeOther(
                                  UriComponentsBuilder.fromPath("/tasks/{remote}/{upid}")
                                      .buildAndExpand(remote, upid)
                                      .encode()
                                      .toUri())
                              .build())
                  .onErrorResume(
                      e ->
                          e instanceof NotFoundException
                              || e instanceof RemoteRefusedException
                              || e instanceof RemoteReadException,
                      e ->
                          request
                              .session()
                              .doOnNext(
                                  s ->
                                      s.getAttributes()
                                          .put(
                                              IntentRoutes.FLASH,
                                              new IntentRoutes.Flash("bad", e.getMessage())))
                              .then(
                                  ServerResponse.seeOther(URI.create("/health/overviews/updates"))
                                      .build()));
            })
        .filter(PageRoutes::withCaller)
        .build();
  }

  private static Mono<String> refresh(ServerRequest request, UpdatesPort updates) {
    return updates.refresh(
        request.pathVariable("remote"),
        request.pathVariable("node"),
        token(request, Permission.OPERATE),
        Viewer.of(request).map(Viewer::name).orElse("unknown"),
        request.remoteAddress().map(a -> a.getHostString()).orElse("unknown"));
  }

  /** The token the caller's role on the node came through; the route's rule let them in. */
  private static RemoteToken token(ServerRequest request, Permission permission) {
    AccessPath node = AccessPath.node(request.pathVariable("remote"), request.pathVariable("node"));
    return Viewer.of(request)
        .flatMap(v -> v.tokenFor(node, permission))
        .orElse(RemoteToken.DEFAULT);
  }

  private static Mono<ServerResponse> failed(Throwable e) {
    if (e instanceof NotFoundException) {
      return problem(HttpStatus.NOT_FOUND, e);
    }
    if (e instanceof RemoteRefusedException) {
      return problem(HttpStatus.FORBIDDEN, e);
    }
    if (e instanceof RemoteReadException) {
      return problem(HttpStatus.BAD_GATEWAY, e);
    }
    return Mono.error(e);
  }

  private static Mono<ServerResponse> problem(HttpStatus status, Throwable e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create("https://pdm-gitops.io/problems/packages"));
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }
}
