package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One-click intents on the demo: buttons only where the caller has Manage, each a one-line commit
 * authored by the caller in the demo's bare repository, acted on by the controller.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestIntentIT {
  @TempDir static Path data;
  static RunningDemo running;
  static WebLogin.Session operator;
  static WebLogin.Session auditor;

  @BeforeAll
  static void start() throws Exception {
    running = new RunningDemo(data);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.send("/api/v1/status").statusCode() == 200);
    operator = running.login("operator@pdm");
    auditor = running.login("auditor@pdm");
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  static HttpResponse<String> intent(
      WebLogin.Session session, String guest, String intent, boolean token) throws Exception {
    return intent(running, session, guest, intent, token);
  }

  /** An intent posted from a guest page of {@code demo}, with or without the form token. */
  static HttpResponse<String> intent(
      RunningDemo demo, WebLogin.Session session, String guest, String intent, boolean token)
      throws Exception {
    String body =
        "intent="
            + intent
            + (token
                ? "&_csrf=" + URLEncoder.encode(session.formToken(), StandardCharsets.UTF_8)
                : "");
    return RunningDemo.HTTP.send(
        HttpRequest.newBuilder(URI.create(demo.url() + "/guests/" + guest + "/intent"))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", session.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static RevCommit head() throws Exception {
    try (Git git = Git.open(running.demo().repository().toFile())) {
      return git.log().setMaxCount(1).call().iterator().next();
    }
  }

  static String diffOfHead() throws Exception {
    try (Git git = Git.open(running.demo().repository().toFile());
        var out = new java.io.ByteArrayOutputStream();
        DiffFormatter diff = new DiffFormatter(out)) {
      diff.setRepository(git.getRepository());
      RevCommit head = git.log().setMaxCount(1).call().iterator().next();
      diff.format(head.getParent(0), head);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  @Order(1)
  void theButtonsAreThereOnlyWhereTheCallerMayManage() throws Exception {
    assertThat(running.send("/guests/dc-east/120", operator).body())
        .contains("data-intents")
        .contains("data-intent=\"shutdown\"")
        .contains("data-intent=\"reboot\"");
    // Readable through the production view, but a view grants no Manage.
    HttpResponse<String> west = running.send("/guests/dc-west/200", operator);
    assertThat(west.statusCode()).isEqualTo(200);
    assertThat(west.body()).doesNotContain("data-intents");
    assertThat(running.send("/guests/dc-east/120", auditor).body()).doesNotContain("data-intents");
  }

  @Test
  @Order(2)
  void refusedIntentsCommitNothing() throws Exception {
    String before = head().getName();

    assertThat(intent(operator, "dc-west/200", "shutdown", true).statusCode()).isEqualTo(403);
    assertThat(intent(auditor, "dc-east/120", "shutdown", true).statusCode()).isEqualTo(403);
    assertThat(intent(operator, "dc-east/120", "shutdown", false).statusCode())
        .as("without the form token")
        .isEqualTo(403);
    assertThat(intent(operator, "dc-east/120", "explode", true).statusCode()).isEqualTo(400);
    assertThat(head().getName()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void aShutdownIsAOneLineCommitByTheCallerAndTheGuestStops() throws Exception {
    HttpResponse<String> answer = intent(operator, "dc-east/120", "shutdown", true);

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).contains("/guests/dc-east/120");
    RevCommit head = head();
    assertThat(head.getShortMessage()).isEqualTo("Shut down dns-01");
    assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("operator@pdm");
    assertThat(head.getCommitterIdent().getName()).isEqualTo("pdm-gitops");
    assertThat(diffOfHead())
        .contains("-  power: running")
        .contains("+  power: stopped")
        .doesNotContain("+  name:");
    // The page says what happened, once.
    String page = running.send("/guests/dc-east/120", operator).body();
    assertThat(page).contains("data-flash").contains("Shut down dns-01").contains("data-pending");
    assertThat(running.send("/guests/dc-east/120", operator).body()).doesNotContain("data-flash");
    // The controller fetched it at once and acts on it.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(running.json("/api/v1/status").at("/lastGoodCommit/sha").asString())
                    .isEqualTo(head.getName()));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(running.json("/api/v1/guests/dc-east/120").toString())
                    .contains("SHUTDOWN"));
    // The page that said pending now links the intent to the controller's task.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(running.send("/guests/dc-east/120", operator).body())
                    .contains("data-pending=\"done\"")
                    .contains("the controller sent SHUTDOWN")
                    .contains("data-pending-task"));
  }

  @Test
  @Order(4)
  void aRebootBumpsRestartedAtAndAskingAgainForWhatGitSaysCommitsNothing() throws Exception {
    assertThat(intent(operator, "dc-east/120", "reboot", true).statusCode()).isEqualTo(303);
    assertThat(head().getShortMessage()).isEqualTo("Reboot dns-01");
    assertThat(diffOfHead()).contains("+  restartedAt: \"20");
    String before = head().getName();

    assertThat(intent(operator, "dc-east/120", "shutdown", true).statusCode()).isEqualTo(303);

    assertThat(head().getName()).as("power is already stopped in Git").isEqualTo(before);
    assertThat(running.send("/guests/dc-east/120", operator).body()).contains("nothing to commit");
  }

  @Test
  @Order(5)
  void aCommitIsRevertedFromHistoryOnlyBySomeoneWhoMayChangeWhatItChanged() throws Exception {
    RevCommit shutdown = head().getParent(0);
    try (Git git = Git.open(running.demo().repository().toFile())) {
      shutdown = git.getRepository().parseCommit(shutdown);
    }
    assertThat(shutdown.getShortMessage()).isEqualTo("Shut down dns-01");
    String path = "/history/" + shutdown.getName() + "/revert";
    WebLogin.Session admin = running.admin();

    assertThat(running.send(path, admin).body())
        .contains("data-revert-diff")
        .contains("-  power: stopped")
        .contains("+  power: running");
    assertThat(running.send("/history", admin).body()).contains("data-revert");
    // An auditor reads history but may not change the guest: refused, naming it.
    HttpResponse<String> refused = post(auditor, path);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Guest/dns-01 needs Manage on /remotes/dc-east/guests/120");
    String before = head().getName();
    assertThat(head().getName()).isEqualTo(before);

    HttpResponse<String> reverted = post(admin, path);

    assertThat(reverted.statusCode()).isEqualTo(303);
    assertThat(reverted.headers().firstValue("Location")).contains("/history");
    assertThat(head().getShortMessage()).isEqualTo("Revert \"Shut down dns-01\"");
    // Name and e-mail from the admin's User document (access/users.yaml).
    assertThat(head().getAuthorIdent().getEmailAddress()).isEqualTo("infra-admins@corp.example");
    assertThat(diffOfHead()).contains("-  power: stopped").contains("+  power: running");
    assertThat(running.send("/history", admin).body()).contains("Reverted");
  }

  @Test
  @Order(6)
  void moveToIsAPlacementCommitCheckedWhereTheGuestLandsAndTheGuestMoves() throws Exception {
    // Another remote needs maps, and Manage where the guest lands: the operator has none on
    // dc-west.
    HttpResponse<String> noMaps = move(operator, "dc-east/100", "remote=dc-west&node=pve-west-1");
    assertThat(noMaps.statusCode()).isEqualTo(400);
    assertThat(noMaps.body()).contains("needs a storage map and a bridge map");
    HttpResponse<String> elsewhere =
        move(
            operator,
            "dc-east/100",
            "remote=dc-west&node=pve-west-1&storageMap=*%3Dlocal-lvm&bridgeMap=*%3Dvmbr0&online=on");
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(elsewhere.body()).contains("/remotes/dc-west/guests/100");
    String before = head().getName();
    assertThat(head().getName()).isEqualTo(before);

    HttpResponse<String> moved =
        move(operator, "dc-east/100", "remote=dc-east&node=pve-east-2&online=on");

    assertThat(moved.statusCode()).isEqualTo(303);
    assertThat(head().getShortMessage()).isEqualTo("Move web-01 to pve-east-2");
    assertThat(diffOfHead()).contains("+  placement: {node: pve-east-2, online: true}");
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(
                        running.json("/api/v1/guests/dc-east/100").at("/resource/node").asString())
                    .isEqualTo("pve-east-2"));
  }

  @Test
  @Order(7)
  void stopDeclaresAStopAtOnceAndTheControllerCutsThePower() throws Exception {
    assertThat(running.send("/guests/dc-east/101", operator).body())
        .contains("data-intent=\"stop\"");

    assertThat(intent(operator, "dc-east/101", "stop", true).statusCode()).isEqualTo(303);

    assertThat(head().getShortMessage()).isEqualTo("Stop web-02");
    assertThat(diffOfHead()).contains("+  power: stopped").contains("+  stopMethod: stop");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode guest = running.json("/api/v1/guests/dc-east/101");
              assertThat(guest.toString()).contains("\"action\":\"STOP\"");
              assertThat(guest.at("/resource/status").asString()).isEqualTo("stopped");
            });
  }

  static HttpResponse<String> move(WebLogin.Session session, String guest, String form)
      throws Exception {
    return RunningDemo.HTTP.send(
        HttpRequest.newBuilder(URI.create(running.url() + "/guests/" + guest + "/move"))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", session.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form
                        + "&_csrf="
                        + URLEncoder.encode(session.formToken(), StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(WebLogin.Session session, String path) throws Exception {
    return RunningDemo.HTTP.send(
        HttpRequest.newBuilder(URI.create(running.url() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", session.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "_csrf=" + URLEncoder.encode(session.formToken(), StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
