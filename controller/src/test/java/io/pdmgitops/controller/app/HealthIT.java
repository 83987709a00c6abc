package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.simulator.config.SubscriptionConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Health page's subscriptions on the demo, end to end: read from the simulated nodes, turned
 * into findings with their fix, refreshed by the button, kept (stale, with the error) when a remote
 * stops answering, and shown only where the caller may read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthIT {
  @TempDir static Path data;
  static RunningDemo running;
  static WebLogin.Session admin;
  static WebLogin.Session operator;

  @BeforeAll
  static void start() throws Exception {
    running = new RunningDemo(data);
    admin = running.admin();
    operator = running.login("operator@pdm");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.send("/api/v1/status").statusCode() == 200);
    // The sweep names each remote's nodes; the button asks each remote now instead of in its slot.
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              refresh(admin, "dc-east");
              refresh(admin, "dc-west");
              JsonNode health = health(admin);
              return read(source(health, "dc-east")) && read(source(health, "dc-west"));
            });
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  static JsonNode health(WebLogin.Session session) throws Exception {
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(running.send("/api/v1/health", session).body());
  }

  static List<String> rules(JsonNode health) {
    return health.at("/report/findings").findValuesAsString("rule");
  }

  static int refresh(WebLogin.Session session, String remote) throws Exception {
    return RunningDemo.HTTP
        .send(
            HttpRequest.newBuilder(URI.create(running.url() + "/health/refresh/" + remote))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(session.formToken(), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  @Order(1)
  void theDemosSubscriptionsAreFindingsWithTheirFix() throws Exception {
    JsonNode health = health(admin);

    assertThat(rules(health)).containsOnlyOnce("subscription-mixed").contains("subscription-none");
    assertThat(health.at("/counts/WARNING").asLong()).isEqualTo(rules(health).size());
    String page = running.send("/health", admin).body();
    assertThat(page)
        .contains("data-finding=\"subscription-mixed\"")
        .contains("pve-east-1 Standard, pve-east-2 Standard, pve-east-3 Basic")
        .contains("give every node of the cluster a key of the same level")
        .contains("data-source=\"subscriptions/dc-west\"");
  }

  @Test
  @Order(2)
  void anExpiredKeyIsCriticalAfterTheRemoteIsReadAgain() throws Exception {
    running
        .demo()
        .fleet()
        .cluster("dc-east")
        .setSubscription("pve-east-3", new SubscriptionConfig("expired", "b", "2026-11-30", null));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                refresh(admin, "dc-east") == 303
                    && rules(health(admin)).contains("subscription-expired"));

    JsonNode critical = health(admin);
    assertThat(critical.at("/counts/CRITICAL").asLong()).isOne();
    assertThat(rules(critical).get(0)).as("most urgent first").isEqualTo("subscription-expired");
    assertThat(running.send("/health?severity=critical", admin).body())
        .contains("data-finding=\"subscription-expired\"")
        .doesNotContain("data-finding=\"subscription-mixed\"");
    assertThat(running.send("/health?severity=urgent", admin).statusCode()).isEqualTo(400);
    assertThat(running.send("/", admin).body()).contains("hx-get=\"/health/summary\"");
    assertThat(running.send("/health/summary", admin).body())
        .contains("data-count=\"health-critical\"")
        .contains(">1<");
  }

  @Test
  @Order(3)
  void aRemoteThatStopsAnsweringKeepsItsFindingsMarkedStale() throws Exception {
    running.demo().fleet().setDown("dc-west", true);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                refresh(admin, "dc-west");
                JsonNode west = source(health(admin), "dc-west");
                return west != null && west.has("error") && !west.get("error").isNull();
              });
      assertThat(rules(health(admin))).contains("subscription-none");
      assertThat(running.send("/health", admin).body()).contains("data-stale");
    } finally {
      running.demo().fleet().setDown("dc-west", false);
    }
  }

  @Test
  @Order(4)
  void aCallerSeesOnlyTheFindingsAndSourcesOfWhatTheyMayRead() throws Exception {
    JsonNode mine = health(operator);

    assertThat(mine.at("/report/findings").findValuesAsString("remote")).containsOnly("dc-east");
    assertThat(mine.at("/report/sources").findValuesAsString("remote")).containsOnly("dc-east");
    assertThat(running.send("/health/summary", operator).body())
        .as("the dashboard's counts are of what the caller may see")
        .contains("data-count=\"health-warning\"")
        .contains(">" + mine.at("/counts/WARNING").asLong() + "<");
    assertThat(refresh(operator, "dc-west")).as("no read on dc-west").isEqualTo(403);
  }

  static boolean read(JsonNode source) {
    return source != null && source.path("readAt").isString();
  }

  static JsonNode source(JsonNode health, String remote) {
    for (JsonNode s : health.at("/report/sources")) {
      if (s.get("remote").asString().equals(remote)) {
        return s;
      }
    }
    return null;
  }
}
