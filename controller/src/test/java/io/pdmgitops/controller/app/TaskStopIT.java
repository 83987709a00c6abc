package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.security.PasswordHashing;
import io.pdmgitops.simulator.http.LoggedRequest;
import io.pdmgitops.simulator.pve.PveCluster;
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
 * Stopping a task for a user, on the demo, with the remote group's token doing what the design
 * notes ask of it: pdm-gitops decides who may ask, the token the group names decides what the
 * remote allows. The demo's east-site group sends dc-east requests with the 'operators' token (role
 * operator: no Sys.Modify); this test commits site-op, Manage on /groups/east-site and nothing
 * else. The demo's operator has Manage on /remotes/dc-east itself (the default token), its auditor
 * Audit on /. Every request that reaches the remote is counted there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskStopIT {
  static final String PASSWORD = "correct horse battery staple";
  static final String NODE = "pve-east-1";

  @TempDir static Path data;
  @TempDir static Path clone;
  static RunningDemo running;
  static PveCluster east;
  static String upid;
  static WebLogin.Session siteOp;
  static WebLogin.Session operator;
  static WebLogin.Session auditor;

  @BeforeAll
  static void start() throws Exception {
    running = new RunningDemo(data);
    running.pushFileAndWait(
        clone,
        "access/site-op.yaml",
        """
        apiVersion: pdm-gitops/v1
        kind: User
        metadata: {name: site-op}
        spec: {realm: pdm, passwordHash: "%s"}
        ---
        apiVersion: pdm-gitops/v1
        kind: AccessRule
        metadata: {name: site-op-manages-east-site}
        spec: {subject: {user: site-op@pdm}, role: Manage, path: /groups/east-site}
        """
            .formatted(PasswordHashing.hash(PASSWORD.toCharArray())),
        "A site operator, through the east-site remote group");
    siteOp = WebLogin.login(running.url(), "site-op", PASSWORD);
    operator = running.login("operator@pdm");
    auditor = running.login("auditor@pdm");
    east = running.demo().fleet().cluster("dc-east");
    // Someone on the cluster runs a backup by hand: nobody here started it.
    upid = east.startTask(NODE, "vzdump", "120", "root@pam", Duration.ofMinutes(30));
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  @Order(1)
  void theGroupsUserReadsTheTaskAndIsOfferedTheStopButton() throws Exception {
    HttpResponse<String> page = running.send("/tasks/dc-east/" + upid, siteOp);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-stop-task").contains(upid);
    assertThat(running.send("/tasks/dc-east/" + upid, auditor).body())
        .as("Audit may read, not stop")
        .doesNotContain("data-stop-task");
  }

  @Test
  @Order(2)
  void theRemoteRefusesTheGroupsTokenAndSaysWhichPrivilegeItLacks() throws Exception {
    int before = deletes().size();

    HttpResponse<String> answer = stop(siteOp);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(json(answer).path("detail").asString())
        .isEqualTo(
            "dc-east refused token 'operators' of remote group east-site: Permission check failed"
                + " (/nodes/"
                + NODE
                + ", Sys.Modify)");
    assertThat(deletes()).hasSize(before + 1);
    assertThat(deletes().get(deletes().size() - 1).status())
        .as("the request went to the remote, which refused it")
        .isEqualTo(403);
    assertThat(east.taskExitStatus(upid)).as("still running").isEmpty();
    assertThat(answer.body()).doesNotContain("5d3a8c2f");
  }

  @Test
  @Order(3)
  void aCallerWithoutManageIsRefusedHereAndNothingReachesTheRemote() throws Exception {
    int before = deletes().size();

    assertThat(stop(auditor).statusCode()).isEqualTo(403);
    assertThat(deletes()).hasSize(before);
  }

  @Test
  @Order(4)
  void aPathRuleSendsTheRemotesDefaultTokenWhichMayStopIt() throws Exception {
    int before = deletes().size();

    HttpResponse<String> answer = stop(operator);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json(answer).path("message").asString())
        .isEqualTo("Asked dc-east to stop the task (the default token).");
    assertThat(deletes()).hasSize(before + 1);
    assertThat(east.taskExitStatus(upid)).contains("interrupted by signal");
    HttpResponse<String> again = stop(operator);
    assertThat(json(again).path("message").asString())
        .as("a task that ended is not stopped twice")
        .isEqualTo("The task had already ended (interrupted by signal).");
    assertThat(deletes()).hasSize(before + 1);
  }

  @Test
  @Order(5)
  void theTaskPagesButtonSaysOnceWhatBecameOfIt() throws Exception {
    String other = east.startTask(NODE, "vzdump", "121", "root@pam", Duration.ofMinutes(30));

    HttpResponse<String> posted =
        post("/tasks/dc-east/" + other + "/stop", siteOp, "_csrf=" + form(siteOp));

    assertThat(posted.statusCode()).isEqualTo(303);
    String page = running.send("/tasks/dc-east/" + other, siteOp).body();
    assertThat(page).contains("data-flash").contains("Sys.Modify");
    assertThat(running.send("/tasks/dc-east/" + other, siteOp).body())
        .as("once")
        .doesNotContain("data-flash");
  }

  @Test
  @Order(6)
  void everyTryIsAuditedWithTheTokenItWentWith() throws Exception {
    JsonNode failed = running.json("/api/v1/audit?kind=task-stop-failed&actor=site-op");
    JsonNode stopped = running.json("/api/v1/audit?kind=task-stopped&actor=operator");

    assertThat(failed.findValuesAsString("detail"))
        .anyMatch(d -> d.startsWith("dc-east refused token 'operators' of remote group east-site"));
    assertThat(stopped.findValuesAsString("target")).contains("/remotes/dc-east/tasks/" + upid);
    assertThat(stopped.findValuesAsString("detail")).contains("the default token");
  }

  private static List<LoggedRequest> deletes() {
    return running.demo().fleet().requests("dc-east").stream()
        .filter(r -> r.method().equals("DELETE") && r.path().contains("/tasks/"))
        .toList();
  }

  private static HttpResponse<String> stop(WebLogin.Session session) throws Exception {
    return post(
        "/api/v1/remotes/dc-east/tasks/" + upid + "/stop", session, "_csrf=" + form(session));
  }

  private static String form(WebLogin.Session session) {
    return URLEncoder.encode(session.formToken(), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> post(String path, WebLogin.Session session, String body)
      throws Exception {
    return RunningDemo.HTTP.send(
        HttpRequest.newBuilder(URI.create(running.url() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", session.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> answer) {
    return tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body());
  }
}
