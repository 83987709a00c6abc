package io.pdmgitops.webui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** GET /events streams the controller's news as named server-sent events, within a bound. */
class LiveRoutesTest {
  final Sinks.Many<LiveEvent> news = Sinks.many().multicast().directBestEffort();
  final WebTestClient client =
      WebTestClient.bindToRouterFunction(LiveRoutes.routes(news::asFlux, 1))
          .configureClient()
          .responseTimeout(Duration.ofSeconds(10))
          .build();

  reactor.core.publisher.Flux<ServerSentEvent<String>> stream() {
    return client
        .get()
        .uri("/events")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        .getResponseBody();
  }

  @Test
  void eventsArriveWithTheirNames() {
    var body = stream();

    StepVerifier.create(body)
        .assertNext(e -> assertThat(e.comment()).isEqualTo("connected"))
        .then(() -> news.tryEmitNext(new LiveEvent("fleet", "2026-11-23T12:00:00Z")))
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("fleet");
              assertThat(e.data()).isEqualTo("2026-11-23T12:00:00Z");
            })
        .then(() -> news.tryEmitNext(new LiveEvent("commit", "abc123")))
        .assertNext(e -> assertThat(e.event()).isEqualTo("commit"))
        .thenCancel()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void streamsEndWhenTheControllerStops() {
    var body = stream();

    StepVerifier.create(body)
        .assertNext(e -> assertThat(e.comment()).isEqualTo("connected"))
        .then(news::tryEmitComplete)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void streamsBeyondTheBoundAreRefusedWithRetryAfter() {
    var first =
        client
            .get()
            .uri("/events")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .returnResult(String.class);
    assertThat(first.getStatus().value()).isEqualTo(200);

    client
        .get()
        .uri("/events")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .valueEquals("Retry-After", "30");
  }
}
