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
 * The Health page on the demo, end to end: each overview read from the simulated fleet (its
 * realistic problems become findings with their fix), the per-remote refresh, a remote that stops
 * answering keeping its findings marked stale, the updates page's changelog and index refresh, and
 * findings shown only where the caller may read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthIT {
  static final List<String> OVERVIEWS =
      List.of("subscriptions", "updates", "repositories", "cluster", "firewall", "sdn");

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
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              for (String remote : List.of("dc-east", "dc-west", "pbs-main")) {
                refresh(admin, remote);
              }
              JsonNode health = health(admin);
              return OVERVIEWS.stream()
                      .allMatch(
                          o ->
                              read(source(health, o, "dc-east"))
                                  && read(source(health, o, "dc-west")))
                  && read(source(health, "backups", "pbs-main"));
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

  static List<String> rulesOn(JsonNode health, String remote, String node) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (JsonNode f : health.at("/report/findings")) {
      if (f.get("remote").asString().equals(remote)
          && (node == null || node.equals(f.path("node").asString(null)))) {
        out.add(f.get("rule").asString());
      }
    }
    return out;
  }

  @Test
  @Order(1)
  void theDemosSubscriptionsAreFindingsWithTheirFix() throws Exception {
    JsonNode health = health(admin);

    assertThat(rules(health)).containsOnlyOnce("subscription-mixed").contains("subscription-none");
    String page = running.send("/health", admin).body();
    assertThat(page)
        .contains("data-finding=\"subscription-mixed\"")
        .contains("pve-east-1 Standard, pve-east-2 Standard, pve-east-3 Basic")
        .contains("give every node of the cluster a key of the same level")
        .contains("data-source=\"subscriptions/dc-west\"")
        .contains("href=\"/health/overviews/updates\"");
  }

  @Test
  @Order(1)
  void eachOverviewsRealisticProblemIsAFindingOnItsResource() throws Exception {
    JsonNode health = health(admin);

    assertThat(rulesOn(health, "dc-east", "pve-east-2"))
        .as("upgraded without a reboot, a security fix waiting")
        .contains("reboot-required", "updates-security", "updates-pending");
    assertThat(rulesOn(health, "dc-east", "pve-east-3"))
        .as("a paid key on the no-subscription repository, Ceph without its repository")
        .contains("repository-no-subscription", "repository-no-ceph");
    assertThat(rulesOn(health, "dc-east", "pve-east-1")).doesNotContain("repository-no-ceph");
    assertThat(rulesOn(health, "dc-west", "pve-west-2"))
        .contains("repository-no-security", "sdn-zone-error", "repository-no-subscription");
    assertThat(rulesOn(health, "dc-west", null)).contains("sdn-pending");
    assertThat(rulesOn(health, "pbs-main", null))
        .contains("backup-verify-failed", "datastore-full-soon", "backup-job-failed");
    assertThat(rulesOn(health, "dc-west", null))
        .as("west-batch and west-proxy are in no backup job")
        .contains("backup-missing");
    assertThat(rulesOn(health, "dc-east", null)).contains("firewall-guest-off");
    JsonNode severe = health.at("/report/findings/0");
    assertThat(severe.get("severity").asString()).as("most urgent first").isEqualTo("CRITICAL");

    JsonNode updates =
        RunningDemo.JSON.readTree(running.send("/api/v1/health/overviews/updates", admin).body());
    assertThat(updates.get("columns").toString())
        .isEqualTo(
            "[\"node\",\"package\",\"installed\",\"new\",\"origin\",\"priority\",\"marked\"]");
    assertThat(updates.get("rows").toString())
        .as("each remote's totals")
        .contains("3 pending, 2 security, 1 of 3 nodes to reboot");
    assertThat(running.send("/health/overviews/updates", admin).body())
        .contains("data-fleet-totals")
        .contains("nodes to reboot");
    assertThat(updates.get("rows").toString())
        .contains("\"package\":\"openssl\"")
        .contains("\"marked\":\"security\"")
        .contains("\"marked\":\"reboot needed\"");
    assertThat(running.send("/health/overviews/cluster", admin).body())
        .contains("HA vm:102")
        .contains("quorate, 3/3 nodes online");
    assertThat(running.send("/health/overviews/nonsense", admin).statusCode()).isEqualTo(404);
    assertThat(running.send("/resources?search=property:ha", admin).body())
        .as("an HA-managed guest is shown as such in the resource table")
        .contains("db-primary")
        .contains("HA started")
        .doesNotContain("web-01");
    assertThat(running.send("/guests/dc-east/102", admin).body()).contains("data-ha");
    assertThat(running.send("/metrics", admin).body())
        .containsPattern("pdm_health_findings\\{severity=\"critical\"\\} [1-9]")
        .containsPattern(
            "pdm_health_reads_total\\{outcome=\"answered\",overview=\"updates\"\\} [1-9]")
        .contains("pdm_health_sources_stale{overview=\"sdn\"}");
    String view = running.send("/views/production", admin).body();
    assertThat(view)
        .as("the production view's health widgets count what it shows")
        .contains("data-widget=\"health-findings\"")
        .contains("data-count=\"subscription-active\"")
        .contains("data-count=\"sdn-error\"")
        .doesNotContain("not collect yet");

    String q = URLEncoder.encode("+finding:backup-missing remote:dc-west", StandardCharsets.UTF_8);
    JsonNode searched =
        RunningDemo.JSON.readTree(running.send("/api/v1/health?q=" + q, admin).body());
    assertThat(rules(searched)).isNotEmpty().containsOnly("backup-missing");
    assertThat(searched.at("/report/findings").findValuesAsString("remote"))
        .containsOnly("dc-west");
    String colour = URLEncoder.encode("colour:red", StandardCharsets.UTF_8);
    HttpResponse<String> bad = running.send("/api/v1/health?q=" + colour, admin);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("unknown category 'colour' at column 1");
    HttpResponse<String> badPage = running.send("/health?q=" + colour, admin);
    assertThat(badPage.statusCode()).isEqualTo(400);
    assertThat(badPage.body())
        .contains("data-problem")
        .contains("unknown category &#39;colour&#39;");
  }

  @Test
  @Order(2)
  void aChangelogIsReadOnDemandAndAnIndexRefreshIsAnAuditedTask() throws Exception {
    HttpResponse<String> changelog =
        running.send(
            "/api/v1/remotes/dc-east/nodes/pve-east-2/apt/changelog?package=openssl&version=3.0.15-1~deb12u1",
            admin);
    assertThat(changelog.statusCode()).isEqualTo(200);
    assertThat(changelog.body()).startsWith("openssl (3.0.15-1~deb12u1) bookworm-security");

    HttpResponse<String> refresh =
        RunningDemo.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(running.url() + "/health/updates/dc-east/pve-east-2/refresh"))
                .header("Cookie", operator.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(operator.formToken(), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refresh.statusCode()).isEqualTo(303);
    String task = refresh.headers().firstValue("Location").orElseThrow();
    assertThat(task).startsWith("/tasks/dc-east/UPID:pve-east-2:").contains(":aptupdate:");
    assertThat(running.demo().fleet().requests("dc-east").stream())
        .as("the remote was asked")
        .anyMatch(
            r -> r.method().equals("POST") && r.path().endsWith("/nodes/pve-east-2/apt/update"));
    assertThat(running.send("/api/v1/audit?kind=package-index-refreshed", admin).body())
        .contains("operator@pdm")
        .contains("/remotes/dc-east/nodes/pve-east-2");

    HttpResponse<String> westRefused =
        RunningDemo.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        running.url() + "/api/v1/remotes/dc-west/nodes/pve-west-1/apt/update"))
                .header("Cookie", operator.cookie())
                .header("X-CSRF-TOKEN", operator.formToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(westRefused.statusCode()).as("no Manage on dc-west").isIn(403, 404);
  }

  @Test
  @Order(3)
  void anExpiredKeyAndAnHaResourceInErrorAreCriticalAfterTheRemoteIsReadAgain() throws Exception {
    running
        .demo()
        .fleet()
        .cluster("dc-east")
        .setSubscription("pve-east-3", new SubscriptionConfig("expired", "b", "2026-11-30", null));
    running.demo().fleet().cluster("dc-east").setHaFault(102, "error");

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () ->
                refresh(admin, "dc-east") == 303
                    && rules(health(admin))
                        .containsAll(List.of("subscription-expired", "ha-resource-error")));

    JsonNode critical = health(admin);
    assertThat(rulesOn(critical, "dc-east", "pve-east-3"))
        .as("the repository rule now knows the key expired")
        .contains("subscription-expired");
    assertThat(running.send("/health?severity=critical", admin).body())
        .contains("data-finding=\"subscription-expired\"")
        .contains("data-finding=\"ha-resource-error\"")
        .doesNotContain("data-finding=\"subscription-mixed\"");
    assertThat(running.send("/health?severity=urgent", admin).statusCode()).isEqualTo(400);
    assertThat(running.send("/", admin).body()).contains("hx-get=\"/health/summary\"");
    assertThat(running.send("/health/summary", admin).body())
        .contains("data-count=\"health-critical\"")
        .contains(">" + critical.at("/counts/CRITICAL").asLong() + "<");
    running.demo().fleet().cluster("dc-east").setHaFault(102, null);
  }

  @Test
  @Order(4)
  void aRemoteThatStopsAnsweringKeepsItsFindingsMarkedStale() throws Exception {
    running.demo().fleet().setDown("dc-west", true);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(3))
          .until(
              () -> {
                refresh(admin, "dc-west");
                JsonNode west = source(health(admin), "updates", "dc-west");
                return west != null && west.has("error") && !west.get("error").isNull();
              });
      assertThat(rulesOn(health(admin), "dc-west", null))
          .contains("subscription-none", "sdn-pending");
      assertThat(running.send("/health", admin).body()).contains("data-stale");
      assertThat(running.send("/health/overviews/sdn", admin).body()).contains("data-stale");
    } finally {
      running.demo().fleet().setDown("dc-west", false);
    }
  }

  @Test
  @Order(5)
  void aCallerSeesOnlyTheFindingsRowsAndSourcesOfWhatTheyMayRead() throws Exception {
    JsonNode mine = health(operator);

    assertThat(mine.at("/report/findings").findValuesAsString("remote")).containsOnly("dc-east");
    assertThat(mine.at("/report/sources").findValuesAsString("remote")).containsOnly("dc-east");
    assertThat(running.send("/health/summary", operator).body())
        .as("the dashboard's counts are of what the caller may see")
        .contains("data-count=\"health-warning\"")
        .contains(">" + mine.at("/counts/WARNING").asLong() + "<");
    JsonNode rows =
        RunningDemo.JSON.readTree(
            running.send("/api/v1/health/overviews/updates", operator).body());
    assertThat(rows.get("rows").findValuesAsString("remote")).isNotEmpty().containsOnly("dc-east");
    assertThat(refresh(operator, "dc-west")).as("no read on dc-west").isEqualTo(403);
  }

  static boolean read(JsonNode source) {
    return source != null && source.path("readAt").isString();
  }

  static JsonNode source(JsonNode health, String overview, String remote) {
    for (JsonNode s : health.at("/report/sources")) {
      if (s.get("remote").asString().equals(remote)
          && s.get("overview").asString().equals(overview)) {
        return s;
      }
    }
    return null;
  }
}
