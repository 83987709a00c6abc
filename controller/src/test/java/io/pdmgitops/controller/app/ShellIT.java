package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Node shells on the demo, through the controller's WebSocket: dc-west runs PVE 9.1 (its console
 * takes the controller's token), dc-east 8.2 (it does not, and the page says so). Who may open one,
 * what the socket refuses before anything reaches the remote, what the audit log keeps, an admin
 * closing a shell and a remote dropping one.
 */
class ShellIT {
  @TempDir static Path data;
  static RunningDemo running;
  static WebLogin.Session admin;
  static WebLogin.Session operator;

  @BeforeAll
  static void start() throws Exception {
    running = new RunningDemo(data);
    admin = running.admin();
    operator = running.login("operator@pdm");
    // The remote page names the nodes once the first sweep has read them.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.send("/remotes/dc-west").body().contains("data-open-shell"));
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void anAdminTypesIntoTheNodesShellAndTheAuditLogKeepsTheSession() throws Exception {
    String page = running.text("/shell/dc-west/pve-west-1");
    assertThat(page).contains("data-terminal").contains("/shell/dc-west/pve-west-1/socket");
    assertThat(page).as("no ticket or token reaches the page").doesNotContain("PVEVNC");

    try (ShellSocket shell = open(admin, "pve-west-1")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> shell.screen().contains("pve-west-1"));
      shell.resize(100, 30).type("stty size\r");
      await().atMost(Duration.ofSeconds(10)).until(() -> shell.screen().contains("30 100"));
      shell.type("hostname\r");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> shell.screen().contains("\r\npve-west-1\r\n"));
      shell.type("exit\r");
      await().atMost(Duration.ofSeconds(10)).until(shell::isClosed);
      assertThat(shell.screen()).contains("[pdm-gitops: the shell ended]");
    }
    JsonNode closed =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> running.json("/api/v1/audit?kind=shell-closed"), a -> !a.isEmpty());
    assertThat(closed.toString())
        .contains("/remotes/dc-west/nodes/pve-west-1")
        .contains("admin@pdm")
        .contains("the shell ended")
        .containsPattern("[1-9][0-9]* bytes in, [1-9][0-9]* bytes out");
    assertThat(running.json("/api/v1/audit?kind=shell-opened").toString())
        .contains("/remotes/dc-west/nodes/pve-west-1");
  }

  @Test
  void withoutAdminOnTheNodeThePageAndTheSocketAre403AndTheRemoteHearsNothing() throws Exception {
    long before = termproxyCalls("dc-east");
    // The operator manages dc-east: power, migration, tasks; not its shell.
    assertThat(running.send("/shell/dc-east/pve-east-1", operator).statusCode()).isEqualTo(403);
    assertThat(handshake(operator, "dc-east", "pve-east-1", running.url())).isEqualTo(403);
    assertThat(running.send("/remotes/dc-east", operator).body()).doesNotContain("data-open-shell");
    assertThat(termproxyCalls("dc-east")).isEqualTo(before);
  }

  @Test
  void theSocketRefusesAForeignOriginAndAMissingFormTokenBeforeTheRemoteIsAsked() throws Exception {
    long before = termproxyCalls("dc-west");
    assertThat(handshake(admin, "dc-west", "pve-west-1", "https://evil.example")).isEqualTo(403);
    assertThat(handshake(admin, "dc-west", "pve-west-1", null)).isEqualTo(403);
    WebLogin.Session noToken = new WebLogin.Session(admin.cookie(), "forged");
    assertThat(handshake(noToken, "dc-west", "pve-west-1", running.url())).isEqualTo(403);
    assertThat(termproxyCalls("dc-west")).isEqualTo(before);
  }

  @Test
  void aPve8RemoteSaysWhyInsteadOfADeadTerminal() throws Exception {
    String page = running.text("/shell/dc-east/pve-east-1");
    assertThat(page)
        .contains("dc-east runs PVE 8.2.4, which refuses API tokens on its console")
        .doesNotContain("data-terminal");
    assertThat(running.text("/remotes/dc-east")).contains("data-shell-unavailable");
    assertThat(running.send("/shell/dc-west/no-such-node").statusCode()).isEqualTo(404);
  }

  @Test
  void aRemoteThatRefusesTokensOnItsConsoleSaysSoInTheTerminalWithWhatToDo() throws Exception {
    // The page says it before; a socket opened anyway gets the remote's own words.
    try (ShellSocket shell = ShellSocket.open(running.url(), admin, "dc-east", "pve-east-1")) {
      await().atMost(Duration.ofSeconds(20)).until(shell::isClosed);
      assertThat(shell.screen())
          .contains("does not look like a valid user name")
          .contains("PVE takes API tokens on its console from 9.0.13 on: upgrade dc-east");
    }
    String pbsNode = running.json("/api/v1/remotes/pbs-main").at("/nodes/0/name").asString();
    long before = termproxyCalls("pbs-main");
    try (ShellSocket shell = ShellSocket.open(running.url(), admin, "pbs-main", pbsNode)) {
      await().atMost(Duration.ofSeconds(20)).until(shell::isClosed);
      assertThat(shell.screen())
          .contains("API tokens cannot access this API endpoint")
          .contains("opens its console to its pam users only");
    }
    assertThat(
            running.demo().fleet().requests("pbs-main").stream()
                .filter(r -> r.path().equals("/nodes/localhost/termproxy"))
                .count())
        .as("asked at PBS's own node path")
        .isEqualTo(termproxyCalls("pbs-main"))
        .isEqualTo(before + 1);
  }

  @Test
  void aShellBeyondTheUsersLimitIsRefusedInTheTerminalAndNeverReachesTheRemote() throws Exception {
    // The other tests' shells end as their sockets close: none of them may count here.
    await().atMost(Duration.ofSeconds(10)).until(() -> running.json("/api/v1/shells").isEmpty());
    try (ShellSocket first = open(admin, "pve-west-1");
        ShellSocket second = open(admin, "pve-west-2")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> first.screen().contains("pve-west-1"));
      await().atMost(Duration.ofSeconds(20)).until(() -> second.screen().contains("pve-west-2"));
      long before = termproxyCalls("dc-west");
      try (ShellSocket third = open(admin, "pve-west-1")) {
        await().atMost(Duration.ofSeconds(10)).until(third::isClosed);
        assertThat(third.screen())
            .contains("admin@pdm has 2 shells open, the most one user may have");
      }
      assertThat(termproxyCalls("dc-west")).isEqualTo(before);
      assertThat(running.json("/api/v1/audit?kind=shell-refused").toString())
          .contains("admin@pdm has 2 shells open");
      // A program frees one through the API.
      String id = running.json("/api/v1/shells").get(1).get("id").asString();
      HttpResponse<String> closed = post("/api/v1/shells/dc-west/pve-west-2/" + id + "/close");
      assertThat(closed.statusCode()).isEqualTo(200);
      assertThat(closed.body()).contains("Closed admin@pdm's shell on pve-west-2 of dc-west.");
      await().atMost(Duration.ofSeconds(10)).until(second::isClosed);
    }
  }

  @Test
  void anAdminSeesOpenShellsAndClosesOneItsUserSeesWhy() throws Exception {
    try (ShellSocket shell = open(admin, "pve-west-2")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> shell.screen().contains("pve-west-2"));
      JsonNode open = running.json("/api/v1/shells");
      JsonNode mine = null;
      for (JsonNode s : open) {
        if (s.get("node").asString().equals("pve-west-2")) {
          mine = s;
        }
      }
      assertThat(mine).as("listed: %s", open).isNotNull();
      assertThat(mine.get("user").asString()).isEqualTo("admin@pdm");
      assertThat(running.text("/shells"))
          .contains("data-shell=\"" + mine.get("id").asString() + "\"")
          .contains("/shells/dc-west/pve-west-2/" + mine.get("id").asString() + "/close");
      assertThat(running.send("/shells", operator).body()).contains("data-no-shells");
      assertThat(running.json("/api/v1/shells").toString()).contains("pve-west-2");
      assertThat(running.send("/api/v1/shells", operator).body())
          .as("the operator is Admin of no node")
          .isEqualTo("[]");
      // The page's Close button; the API's answers 404 once it is gone.
      HttpResponse<String> closed =
          post("/shells/dc-west/pve-west-2/" + mine.get("id").asString() + "/close");
      assertThat(closed.statusCode()).isEqualTo(303);
      assertThat(closed.headers().firstValue("Location")).hasValue("/shells");
      await().atMost(Duration.ofSeconds(10)).until(shell::isClosed);
      assertThat(shell.screen()).contains("[pdm-gitops: closed by admin@pdm]");
      assertThat(
              post("/api/v1/shells/dc-west/pve-west-2/" + mine.get("id").asString() + "/close")
                  .statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void aRemoteThatDropsTheShellEndsTheSessionWithAMessage() throws Exception {
    try (ShellSocket shell = open(admin, "pve-west-1")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> shell.screen().contains("pve-west-1"));
      running.demo().fleet().cluster("dc-west").dropShells();
      await().atMost(Duration.ofSeconds(10)).until(shell::isClosed);
      assertThat(shell.screen()).contains("[pdm-gitops: the shell ended]");
    }
  }

  private static ShellSocket open(WebLogin.Session session, String node) throws Exception {
    return ShellSocket.open(running.url(), session, "dc-west", node);
  }

  /**
   * The status of a socket upgrade the controller refuses, asked with the JDK's client, which sends
   * exactly the Origin given (or none for null).
   */
  private static int handshake(
      WebLogin.Session session, String remote, String node, String origin) {
    java.net.http.WebSocket.Builder builder =
        java.net.http.HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Cookie", session.cookie());
    if (origin != null) {
      builder.header("Origin", origin);
    }
    URI uri =
        URI.create(
            running.url().replaceFirst("^http", "ws")
                + "/shell/"
                + remote
                + "/"
                + node
                + "/socket?_csrf="
                + java.net.URLEncoder.encode(
                    session.formToken(), java.nio.charset.StandardCharsets.UTF_8));
    Throwable refused =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                builder
                    .buildAsync(uri, new java.net.http.WebSocket.Listener() {})
                    .get(20, java.util.concurrent.TimeUnit.SECONDS)
                    .abort());
    assertThat(refused).as("the upgrade was refused").isNotNull();
    assertThat(refused.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
    return ((java.net.http.WebSocketHandshakeException) refused.getCause())
        .getResponse()
        .statusCode();
  }

  private static long termproxyCalls(String remote) {
    return running.demo().fleet().requests(remote).stream()
        .filter(r -> r.path().endsWith("/termproxy"))
        .count();
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return RunningDemo.HTTP.send(
        HttpRequest.newBuilder(URI.create(running.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", admin.cookie())
            .header("X-CSRF-TOKEN", admin.formToken())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
