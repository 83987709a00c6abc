package io.pdmgitops.controller.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.webui.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The intake's answers, in-process, with a counter standing in for the fetcher. */
class WebhookIntakeTest {
  static final byte[] SECRET = WebhookProviderTest.SECRET;

  final AtomicInteger fetches = new AtomicInteger();
  final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  final AuditTrail audit = new AuditTrail(audited::addAll, Clock.systemUTC());

  @AfterEach
  void close() throws InterruptedException {
    audit.close();
  }

  WebTestClient client(Optional<byte[]> secret) {
    return WebTestClient.bindToRouterFunction(
            new WebhookIntake(secret, "main", fetches::incrementAndGet, audit).routes())
        .build();
  }

  @Test
  void aSignedPushToTheFollowedBranchFetchesAndOthersDoNot() throws Exception {
    WebTestClient client = client(Optional.of(SECRET));
    byte[] push = WebhookProviderTest.payload("github-push.json");
    byte[] other =
        new String(push, StandardCharsets.UTF_8)
            .replace("refs/heads/main", "refs/heads/feature")
            .getBytes(StandardCharsets.UTF_8);

    github(client, push, "push")
        .expectStatus()
        .isAccepted()
        .expectBody(String.class)
        .value(b -> assertThat(b).contains("\"fetch\":\"queued\""));
    github(client, other, "push")
        .expectStatus()
        .isAccepted()
        .expectBody(String.class)
        .value(b -> assertThat(b).contains("refs/heads/feature"));
    github(client, WebhookProviderTest.payload("github-ping.json"), "ping").expectStatus().isOk();

    assertThat(fetches).hasValue(1);
  }

  @Test
  void aMissingOrWrongSignatureIs401AndAudited() throws Exception {
    WebTestClient client = client(Optional.of(SECRET));
    byte[] push = WebhookProviderTest.payload("github-push.json");

    client
        .post()
        .uri("/api/v1/webhooks/github")
        .header("X-GitHub-Event", "push")
        .bodyValue(push)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    client
        .post()
        .uri("/api/v1/webhooks/gitlab")
        .header("X-Gitlab-Event", "Push Hook")
        .header("X-Gitlab-Token", "guess-guess-guess-guess")
        .bodyValue(WebhookProviderTest.payload("gitlab-push.json"))
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(fetches).hasValue(0);
    audit.flush(Duration.ofSeconds(5));
    assertThat(audited)
        .extracting(AuditEntry::actor)
        .containsExactly("webhook:github", "webhook:gitlab");
    assertThat(audited.toString()).doesNotContain("guess-guess");
  }

  @Test
  void aBodyOverOneMebibyteIs413WhetherItsLengthIsSaidOrNot() {
    WebTestClient client = client(Optional.of(SECRET));
    byte[] big = new byte[WebhookIntake.MAX_BODY + 1];

    client
        .post()
        .uri("/api/v1/webhooks/generic")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(big)
        .exchange()
        .expectStatus()
        .isEqualTo(413);
    client
        .post()
        .uri("/api/v1/webhooks/generic")
        .body(reactor.core.publisher.Flux.range(0, 10).map(i -> new byte[256 * 1024]), byte[].class)
        .exchange()
        .expectStatus()
        .isEqualTo(413);
    assertThat(fetches).hasValue(0);
  }

  @Test
  void deliveriesBeyondTheLimitAre503AndABodyThatNeverEndsTimesOut() throws Exception {
    WebTestClient client =
        WebTestClient.bindToRouterFunction(
                new WebhookIntake(
                        Optional.of(SECRET),
                        "main",
                        fetches::incrementAndGet,
                        audit,
                        1,
                        Duration.ofSeconds(2))
                    .routes())
            .configureClient()
            .responseTimeout(Duration.ofSeconds(10))
            .build();
    java.util.concurrent.CompletableFuture<Integer> slow =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                client
                    .post()
                    .uri("/api/v1/webhooks/generic")
                    .body(reactor.core.publisher.Flux.<byte[]>never(), byte[].class)
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                client
                    .post()
                    .uri("/api/v1/webhooks/generic")
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "1"));

    assertThat(slow.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(408);
    client
        .post()
        .uri("/api/v1/webhooks/generic")
        .header("X-Signature", "sha256=" + WebhookProviderTest.mac(new byte[0]))
        .exchange()
        .expectStatus()
        .isAccepted();
    assertThat(fetches).as("the slot is free again").hasValue(1);
  }

  @Test
  void withoutASecretTheHooksAreOffAndAnUnknownHostIsNotFound() {
    client(Optional.empty())
        .post()
        .uri("/api/v1/webhooks/github")
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(p -> assertThat(p).contains("PDM_WEBHOOK_SECRET"));
    client(Optional.of(SECRET))
        .post()
        .uri("/api/v1/webhooks/bitbucket")
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  WebTestClient.ResponseSpec github(WebTestClient client, byte[] body, String event) {
    return client
        .post()
        .uri("/api/v1/webhooks/github")
        .header("X-GitHub-Event", event)
        .header("X-Hub-Signature-256", "sha256=" + WebhookProviderTest.mac(body))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
