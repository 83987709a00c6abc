package io.pdmgitops.webui.tasks;

import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.webui.access.TaskPaths;
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
 * Stopping a task: {@code POST /api/v1/remotes/{remote}/tasks/{upid}/stop} answers {@code
 * {"message": ...}}; the task page's button posts to {@code /tasks/{remote}/{upid}/stop} and goes
 * back to the task page, which says once what became of it. Both need Manage on the task's node or
 * guest, and the request goes with the token that role came through ({@link TaskPaths}).
 */
public final class TaskStopRoutes {
  public static final String API = "/api/v1/remotes/{remote}/tasks/{upid}/stop";
  public static final String PAGE = "/tasks/{remote}/{upid}/stop";

  private TaskStopRoutes() {}

  /** The JSON answer. */
  public record Message(String message) {}

  public static RouterFunction<ServerResponse> api(TaskStopPort tasks) {
    return SpringdocRouteBuilder.route()
        .POST(
            API,
            request ->
                stop(request, tasks)
                    .flatMap(
                        message ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new Message(message)))
                    .onErrorResume(NotFoundException.class, e -> problem(HttpStatus.NOT_FOUND, e))
                    .onErrorResume(
                        RemoteRefusedException.class, e -> problem(HttpStatus.FORBIDDEN, e))
                    .onErrorResume(
                        RemoteReadException.class, e -> problem(HttpStatus.BAD_GATEWAY, e)),
            op ->
                op.operationId("stopTask")
                    .tag("tasks")
                    .summary(
                        "Stop a running task (Manage on its node or guest); sent with the token"
                            + " of the remote group the role comes through")
                    .parameter(ApiDocs.path("remote", "The remote that runs it"))
                    .parameter(ApiDocs.path("upid", "The task's UPID"))
                    .response(ApiDocs.ok(Message.class))
                    .response(ApiDocs.problem("403", "The remote refused the chosen token"))
                    .response(ApiDocs.problem("404", "Unknown remote, malformed UPID or no task"))
                    .response(ApiDocs.problem("502", "The remote did not answer")))
        .build();
  }

  public static RouterFunction<ServerResponse> page(TaskStopPort tasks) {
    return RouterFunctions.route()
        .POST(
            PAGE,
            request -> {
              URI taskPage =
                  UriComponentsBuilder.fromPath("/tasks/{remote}/{upid}")
                      .buildAndExpand(request.pathVariable("remote"), request.pathVariable("upid"))
                      .encode()
                      .toUri();
              return stop(request, tasks)
                  .map(message -> new IntentRoutes.Flash("ok", message))
                  .onErrorResume(
                      e ->
                          e instanceof NotFoundException
                              || e instanceof RemoteRefusedException
                              || e instanceof RemoteReadException,
                      e -> Mono.just(new IntentRoutes.Flash("bad", e.getMessage())))
                  .flatMap(
                      flash ->
                          request
                              .session()
                              .doOnNext(s -> s.getAttributes().put(IntentRoutes.FLASH, flash)))
                  .then(ServerResponse.seeOther(taskPage).build());
            })
        .filter(PageRoutes::withCaller)
        .build();
  }

  private static Mono<String> stop(ServerRequest request, TaskStopPort tasks) {
    String remote = request.pathVariable("remote");
    String upid = request.pathVariable("upid");
    Optional<Viewer> viewer = Viewer.of(request);
    // The route's rule let the caller in, so a token is there; without a viewer nothing is sent.
    Optional<RemoteToken> via =
        viewer.flatMap(v -> TaskPaths.tokenFor(v, remote, upid, Permission.OPERATE));
    if (via.isEmpty()) {
      return Mono.error(new RemoteRefusedException("no role allows stopping this task"));
    }
    return tasks.stop(
        remote,
        upid,
        via.get(),
        viewer.get().name(),
        request.remoteAddress().map(a -> a.getHostString()).orElse("unknown"));
  }

  private static Mono<ServerResponse> problem(HttpStatus status, Throwable e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create("https://pdm-gitops.io/problems/task-stop"));
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }
}
