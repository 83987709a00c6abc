package io.pdmgitops.webui.api;

import io.pdmgitops.webui.fleet.BadQueryException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Errors of the JSON API as RFC 9457 problem details. */
final class Problems {
  static final URI BAD_QUERY = URI.create("https://pdm-gitops.io/problems/bad-query");
  static final URI NOT_FOUND = URI.create("https://pdm-gitops.io/problems/not-found");
  static final URI REMOTE_READ = URI.create("https://pdm-gitops.io/problems/remote-read");

  private Problems() {}

  static Mono<ServerResponse> badQuery(BadQueryException e, ServerRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(BAD_QUERY);
    problem.setTitle("Bad query parameter");
    problem.setInstance(URI.create(request.path()));
    problem.setProperty("parameter", e.parameter());
    return respond(problem);
  }

  static Mono<ServerResponse> notFound(NotFoundException e, ServerRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(NOT_FOUND);
    problem.setTitle("Not found");
    problem.setInstance(URI.create(request.path()));
    return respond(problem);
  }

  static Mono<ServerResponse> remoteRead(RemoteReadException e, ServerRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    problem.setType(REMOTE_READ);
    problem.setTitle("The remote did not answer");
    problem.setInstance(URI.create(request.path()));
    return respond(problem);
  }

  static Mono<ServerResponse> respond(ProblemDetail problem) {
    return ServerResponse.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }
}
