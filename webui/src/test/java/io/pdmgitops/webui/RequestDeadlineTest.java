package io.pdmgitops.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A request that hangs gets a 503 at the deadline; quick ones, the event stream and a shell's
 * socket are untouched.
 */
class RequestDeadlineTest {
  final WebTestClient client =
      WebTestClient.bindToRouterFunction(
              route()
                  .GET("/drift", r -> Mono.never())
                  .GET("/api/v1/resources", r -> Mono.never())
                  .GET("/", r -> ServerResponse.ok().bodyValue("dashboard"))
                  .GET(
                      "/shell/dc-west/pve-west-1/socket",
                      r ->
                          Mono.delay(Duration.ofMillis(600))
                              .then(ServerResponse.ok().bodyValue("shell open")))
                  .GET(
                      "/events",
                      r ->
                          Mono.delay(Duration.ofMillis(600))
                              .then(ServerResponse.ok().bodyValue("still open")))
                  .build())
          .webFilter(
              new RequestDeadline(
                  Duration.ofMillis(300), "/events", "/shell/{remote}/{node}/socket"))
          .configureClient()
          .responseTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void aPageThatHangsIsAnsweredWithA503ThatSaysSo() {
    client
        .get()
        .uri("/drift")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .valueEquals("Retry-After", "5")
        .expectBody(String.class)
        .consumeWith(r -> assertThat(r.getResponseBody()).contains("did not answer within"));
  }

  @Test
  void anApiCallThatHangsIsAProblemDetail() {
    client
        .get()
        .uri("/api/v1/resources")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.instance")
        .isEqualTo("/api/v1/resources");
  }

  @Test
  void aShellsSocketMatchedByItsRoutePatternStaysOpen() {
    client
        .get()
        .uri("/shell/dc-west/pve-west-1/socket")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("shell open");
  }

  @Test
  void quickAnswersAndTheEventStreamPassUntouched() {
    client
        .get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("dashboard");
    client
        .get()
        .uri("/events")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("still open");
  }

  @Test
  void theLogNamesTheWorkThreadsAndWhereTheyAre() {
    Thread worker =
        new Thread(
            () -> {
              try {
                Thread.sleep(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "boundedElastic-test-1");
    worker.start();
    try {
      await(worker);
      assertThat(RequestDeadline.workThreads())
          .contains("boundedElastic-test-1 (TIMED_WAITING)")
          .contains("java.lang.Thread.sleep");
    } finally {
      worker.interrupt();
    }
  }

  private static void await(Thread t) {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (t.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }
}
