package io.pdmgitops.webui.control;

import io.pdmgitops.webui.BoundedBody;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.api.ApiDocs;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.fleet.QueryNumbers;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/sync}, {@code /api/v1/guests/{remote}/{vmid}/sync}, {@code /api/v1/suspend}
 * (optional body {@code {"reason": "..."}}) and {@code /api/v1/resume}: each answers {@code
 * {"message": "..."}}, 202 for a sync (it runs after the answer), 200 otherwise.
 */
public final class ControlRoutes {
  public static final String SYNC = "/api/v1/sync";
  public static final String SYNC_GUEST = "/api/v1/guests/{remote}/{vmid}/sync";
  public static final String SUSPEND = "/api/v1/suspend";
  public static final String RESUME = "/api/v1/resume";

  static final int MAX_BODY = 8 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ControlRoutes() {}

  public static RouterFunction<ServerResponse> routes(ControlPort control) {
    return SpringdocRouteBuilder.route()
        .POST(
            SYNC,
            request ->
                answer(
                    HttpStatus.ACCEPTED, () -> control.syncAll(actor(request), address(request))),
            op ->
                op.operationId("sync")
                    .tag("control")
                    .summary("Reconcile the whole fleet now (Manage on /)")
                    .response(accepted()))
        .POST(
            SYNC_GUEST,
            request ->
                answer(
                    HttpStatus.ACCEPTED,
                    () ->
                        control.syncGuest(
                            request.pathVariable("remote"),
                            QueryNumbers.wholeNumber(
                                "vmid",
                                Optional.of(request.pathVariable("vmid")),
                                0,
                                100,
                                999_999_999),
                            actor(request),
                            address(request))),
            op ->
                op.operationId("syncGuest")
                    .tag("control")
                    .summary(
                        "Plan one guest now, forgetting a failure that holds its action (Manage"
                            + " on the guest)")
                    .parameter(ApiDocs.path("remote", "The remote Git declares the guest on"))
                    .parameter(ApiDocs.path("vmid", "The guest's VMID"))
                    .response(accepted())
                    .response(ApiDocs.problem("400", "The vmid is not a VMID"))
                    .response(ApiDocs.problem("404", "Git declares no such guest")))
        .POST(
            SUSPEND,
            request ->
                reason(request)
                    .flatMap(
                        reason ->
                            answer(
                                HttpStatus.OK,
                                () -> control.suspend(reason, actor(request), address(request))))
                    .onErrorResume(
                        DataBufferLimitException.class,
                        e -> problem(HttpStatus.PAYLOAD_TOO_LARGE, "The reason is too long."))
                    .onErrorResume(
                        IllegalArgumentException.class,
                        e -> problem(HttpStatus.BAD_REQUEST, e.getMessage())),
            op ->
                op.operationId("suspend")
                    .tag("control")
                    .summary(
                        "Suspend every action, across restarts; observing goes on (Manage on /)")
                    .requestBody(ApiDocs.body(Reason.class, "Why, for the status and the logs"))
                    .response(ApiDocs.ok(Message.class))
                    .response(ApiDocs.problem("400", "The body is not JSON")))
        .POST(
            RESUME,
            request ->
                answer(HttpStatus.OK, () -> control.resume(actor(request), address(request))),
            op ->
                op.operationId("resume")
                    .tag("control")
                    .summary("Lift a suspend (Manage on /)")
                    .response(ApiDocs.ok(Message.class)))
        .build();
  }

  /** The answer of every control route. */
  public record Message(String message) {}

  /** The body of a suspend. */
  public record Reason(String reason) {}

  private static org.springdoc.core.fn.builders.apiresponse.Builder accepted() {
    return org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder()
        .responseCode("202")
        .description("Accepted: it runs after the answer")
        .implementation(Message.class);
  }

  /** The reason in the body, else who asked. */
  private static Mono<String> reason(ServerRequest request) {
    return BoundedBody.read(request, MAX_BODY)
        .map(
            body -> {
              if (body.length == 0) {
                return "";
              }
              try {
                JsonNode reason = JSON.readTree(body).path("reason");
                return reason.isString() ? reason.asString().strip() : "";
              } catch (JacksonException e) {
                throw new IllegalArgumentException(
                    "the body must be JSON such as {\"reason\": \"maintenance window\"}");
              }
            })
        .map(reason -> reason.isEmpty() ? "suspended by " + actor(request) : reason);
  }

  private static Mono<ServerResponse> answer(HttpStatus status, Callable<String> work) {
    return Mono.fromCallable(work)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            message ->
                ServerResponse.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(new Message(message)))
        .onErrorResume(NotFoundException.class, e -> problem(HttpStatus.NOT_FOUND, e.getMessage()))
        .onErrorResume(
            io.pdmgitops.webui.fleet.BadQueryException.class,
            e -> problem(HttpStatus.BAD_REQUEST, e.getMessage()));
  }

  static Mono<ServerResponse> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://pdm-gitops.io/problems/control"));
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }

  private static String actor(ServerRequest request) {
    return Viewer.of(request).map(Viewer::name).orElse("unknown");
  }

  private static String address(ServerRequest request) {
    return request.remoteAddress().map(a -> a.getHostString()).orElse("unknown");
  }
}
