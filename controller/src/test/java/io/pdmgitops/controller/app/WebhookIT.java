package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.webhooks.WebhookProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks against the running demo, which polls only once an hour here: whatever gets fetched, a
 * webhook fetched it. Payloads are the hosts' documented shapes (src/test/resources/webhooks).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookIT {
  static final String SECRET = "webhook-secret-for-the-test-run";

  @TempDir static Path data;
  @TempDir static Path clone;
  static RunningDemo running;

  @BeforeAll
  static void start() throws Exception {
    running =
        new RunningDemo(
            data,
            Map.of("pdm.secrets.PDM_WEBHOOK_SECRET", SECRET, "pdm.repository.poll-interval", "1h"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.send("/api/v1/status").statusCode() == 200);
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  static long fetches() {
    return running.app().getBean(GitPoller.class).fetches();
  }

  static String inForce() throws Exception {
    return running.json("/api/v1/status").at("/lastGoodCommit/sha").asString();
  }

  static byte[] payload(String name) throws Exception {
    return Files.readAllBytes(Path.of("src/test/resources/webhooks", name));
  }

  static String mac(byte[] body, String secret) {
    return HexFormat.of()
        .formatHex(WebhookProvider.hmac(secret.getBytes(StandardCharsets.UTF_8), body));
  }

  static HttpRequest.Builder hook(String provider, byte[] body) {
    return HttpRequest.newBuilder(URI.create(running.url() + "/api/v1/webhooks/" + provider))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return RunningDemo.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Nothing more is fetched for a while after the calls (the fetcher had time to act). */
  static void noFetchBeyond(long count) throws Exception {
    Thread.sleep(1500);
    assertThat(fetches()).isEqualTo(count);
  }

  @Test
  @Order(1)
  void aWrongMissingOrStaleSignatureFetchesNothing() throws Exception {
    String sha =
        running.pushChange(
            clone,
            "guests/dc-east.yaml",
            "  name: dns-01\n  power: running",
            "  name: dns-01\n  power: stopped",
            "Stop dns-01 for maintenance");
    await().atMost(Duration.ofSeconds(30)).until(() -> fetches() >= 1); // the start's fetch
    long before = fetches();
    byte[] push = payload("github-push.json");
    byte[] altered =
        new String(push, StandardCharsets.UTF_8)
            .replace("Stop dns-01", "Start dns-01")
            .getBytes(StandardCharsets.UTF_8);

    List<HttpResponse<String>> answers = new ArrayList<>();
    answers.add(send(hook("github", push).header("X-GitHub-Event", "push")));
    answers.add(
        send(
            hook("github", push)
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + mac(push, "not-the-secret-at-all"))));
    answers.add(
        send(
            hook("github", altered)
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + mac(push, SECRET))));
    answers.add(
        send(
            hook("gitlab", payload("gitlab-push.json"))
                .header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Token", SECRET + "x")));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(401);
    noFetchBeyond(before);
    assertThat(inForce()).isNotEqualTo(sha);
  }

  @Test
  @Order(2)
  void aSignedPushFetchesAndTheCommitIsActedOnAtOnce() throws Exception {
    long before = fetches();
    byte[] push = payload("github-push.json");

    HttpResponse<String> answer =
        send(
            hook("github", push)
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + mac(push, SECRET)));

    assertThat(answer.statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(running.json("/api/v1/status").at("/lastGoodCommit/message").asString())
                    .startsWith("Stop dns-01"));
    assertThat(fetches()).isGreaterThan(before);
    // The focused reconcile acts on the commit: dns-01 is shut down on dc-east.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(running.json("/api/v1/guests/dc-east/120").toString())
                    .contains("SHUTDOWN"));
  }

  @Test
  @Order(3)
  void gitLabAndGiteaPushesFetchAndPingAndOtherBranchesDoNot() throws Exception {
    byte[] gitea = payload("gitea-push.json");
    long before = fetches();
    assertThat(
            send(hook("gitlab", payload("gitlab-push.json"))
                    .header("X-Gitlab-Event", "Push Hook")
                    .header("X-Gitlab-Token", SECRET))
                .statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> fetches() > before);
    long afterGitLab = fetches();
    assertThat(
            send(hook("gitea", gitea)
                    .header("X-Gitea-Event", "push")
                    .header("X-Gitea-Signature", mac(gitea, SECRET)))
                .statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> fetches() > afterGitLab);

    long quiet = fetches();
    byte[] ping = payload("github-ping.json");
    assertThat(
            send(hook("github", ping)
                    .header("X-GitHub-Event", "ping")
                    .header("X-Hub-Signature-256", "sha256=" + mac(ping, SECRET)))
                .statusCode())
        .isEqualTo(200);
    byte[] feature =
        new String(payload("github-push.json"), StandardCharsets.UTF_8)
            .replace("refs/heads/main", "refs/heads/feature/x")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> other =
        send(
            hook("github", feature)
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + mac(feature, SECRET)));
    assertThat(other.statusCode()).isEqualTo(202);
    assertThat(other.body()).contains("refs/heads/feature/x").contains("ignored");
    noFetchBeyond(quiet);
  }

  @Test
  @Order(4)
  void aTenMebibyteBodyIsRefusedBeforeItIsRead() throws Exception {
    long before = fetches();
    HttpResponse<String> answer = send(hook("generic", new byte[10 * 1024 * 1024]));

    assertThat(answer.statusCode()).isEqualTo(413);
    noFetchBeyond(before);
  }

  @Test
  @Order(5)
  void aHundredPushesInASecondCostAFewFetches() throws Exception {
    long before = fetches();
    byte[] body = "{\"ref\":\"main\"}".getBytes(StandardCharsets.UTF_8);
    String signature = "sha256=" + mac(body, SECRET);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      calls.add(
          RunningDemo.HTTP.sendAsync(
              hook("generic", body).header("X-Signature", signature).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (var call : calls) {
      statuses.add(call.get().statusCode());
    }

    assertThat(statuses).allMatch(s -> s == 202 || s == 503).contains(202);
    Thread.sleep(2000);
    assertThat(fetches() - before).as("fetches for 100 pushes").isBetween(1L, 3L);
  }
}
