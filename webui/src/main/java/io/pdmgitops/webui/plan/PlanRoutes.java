package io.pdmgitops.webui.plan;

import io.pdmgitops.webui.BoundedBody;
import io.pdmgitops.webui.api.ApiDocs;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/plan} with {@code {"ref": "feature-x"}} or {@code {"files": {"path":
 * "text"}}}: 200 with the plan, 422 with the same shape when the candidate does not load (its
 * problems at file:line:column), 400 a malformed request, 404 an unknown ref, 413 a body over
 * {@link #MAX_BODY}, 503 when the fleet was not observed yet or another plan runs.
 */
public final class PlanRoutes {
  public static final String PATH = "/api/v1/plan";

  /** A directory of desired state larger than this is planned from a branch instead. */
  public static final int MAX_BODY = 16 * 1024 * 1024;

  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private static final URI PROBLEM = URI.create("https://pdm-gitops.io/problems/plan");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private PlanRoutes() {}

  public static RouterFunction<ServerResponse> routes(PlanPort plans) {
    return SpringdocRouteBuilder.route()
        .POST(
            PATH,
            request -> plan(request, plans),
            op ->
                op.operationId("plan")
                    .tag("gitops")
                    .summary(
                        "What a branch, commit or directory would change against the live fleet")
                    .description(
                        "Judged as the loop judges, against the fleet as its last cycle observed"
                            + " it; nothing is sent. Needs read on /.")
                    .requestBody(
                        ApiDocs.body(
                            PlanRequest.class, "{\"ref\": \"BRANCH\"} or {\"files\": {...}}"))
                    .response(ApiDocs.ok(PlanReport.class))
                    .response(
                        ApiDocs.problem("400", "Neither or both of ref and files; a bad path"))
                    .response(ApiDocs.problem("404", "No such branch, tag or commit"))
                    .response(ApiDocs.problem("413", "A body over 16 MiB"))
                    .response(
                        ApiDocs.problem(
                            "503", "Not observed yet, or another plan runs: retry later")))
        .build();
  }

  private static Mono<ServerResponse> plan(ServerRequest request, PlanPort plans) {
    if (request.headers().contentLength().orElse(-1) > MAX_BODY) {
      return tooLarge();
    }
    return BoundedBody.read(request, MAX_BODY)
        .timeout(READ_TIMEOUT)
        .map(PlanRoutes::parse)
        .publishOn(Schedulers.boundedElastic())
        .map(plans::plan)
        .flatMap(
            report ->
                ServerResponse.status(
                        report.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(report))
        .onErrorResume(DataBufferLimitException.class, e -> tooLarge())
        .onErrorResume(
            TimeoutException.class,
            e -> problem(HttpStatus.REQUEST_TIMEOUT, "The body did not arrive in time."))
        .onErrorResume(
            PlanRefusedException.class,
            e -> problem(HttpStatus.valueOf(((PlanRefusedException) e).status()), e.getMessage()));
  }

  static PlanRequest parse(byte[] body) {
    PlanRequest request;
    try {
      request = JSON.readValue(body, PlanRequest.class);
    } catch (JacksonException e) {
      throw new PlanRefusedException(
          400,
          "the body must be JSON: {\"ref\": \"BRANCH|TAG|SHA\"} or {\"files\": {\"PATH\":"
              + " \"TEXT\"}} ("
              + e.getOriginalMessage()
              + ")");
    }
    if (request == null || request.ref().isPresent() == request.files().isPresent()) {
      throw new PlanRefusedException(400, "give exactly one of \"ref\" and \"files\"");
    }
    return request;
  }

  private static Mono<ServerResponse> tooLarge() {
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "The body is larger than "
            + (MAX_BODY >> 20)
            + " MiB: push the directory to a branch and plan the branch.");
  }

  private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(PROBLEM);
    problem.setTitle("Cannot plan");
    problem.setInstance(URI.create(PATH));
    ServerResponse.BodyBuilder response =
        ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response = response.header("Retry-After", "5");
    }
    return response.bodyValue(problem);
  }
}
