package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.simulator.config.FleetConfigReader;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * Node shells as PVE 9 serves them (docs/shell.md): termproxy's ticket and port, the websocket's
 * login line and frames, a shell that answers, and the refusals: Sys.Console, a wrong, replayed or
 * late ticket, and API tokens on PVE before 9.0.13.
 */
class PveTerminalIT {
  static final String FLEET =
      """
      clusters:
        - name: new
          certificate: sim-4
          version: 9.1.1
          nodes: [{name: pve1}, {name: pve2}]
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
        - name: old
          certificate: sim-5
          version: 8.2.4
          nodes: [{name: pve1}]
          tokens: [{id: ctl@pve!ctl, secret: ctl-secret, role: admin}]
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=ctl-secret";
  static final String AUDIT = "PVEAPIToken=ro@pve!ro=ro-secret";

  final ScheduledBackupsIT.MovableClock clock =
      new ScheduledBackupsIT.MovableClock(java.time.Instant.now());
  SimulatedFleet fleet;
  PveHttp pve;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET), clock);
    pve = new PveHttp(fleet.endpoints("new").get(0));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  /** One terminal: what is typed goes out as frames, what comes back piles up. */
  final class Terminal {
    final Sinks.Many<String> typed = Sinks.many().unicast().onBackpressureBuffer();
    final StringBuffer screen = new StringBuffer();
    final CompletableFuture<Throwable> ended = new CompletableFuture<>();

    Terminal(JsonNode proxy, String auth) {
      pve.websocket(
          "/nodes/pve1/vncwebsocket?port="
              + proxy.get("port").asInt()
              + "&vncticket="
              + PveHttp.encode(proxy.get("ticket").asString()),
          auth,
          typed.asFlux(),
          screen,
          ended);
    }

    void send(String frame) {
      typed.tryEmitNext(frame);
    }

    void type(String text) {
      send("0:" + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + ":" + text);
    }

    void waitFor(String text) {
      await()
          .atMost(Duration.ofSeconds(10))
          .alias("screen " + screen + ", ended " + ended.getNow(null) + " (" + ended.isDone() + ")")
          .until(() -> screen.toString().contains(text) || ended.isDone());
      assertThat(screen.toString()).as("ended: %s", ended.getNow(null)).contains(text);
    }
  }

  JsonNode termproxy(String auth) {
    PveHttp.Reply reply = pve.call("POST", "/nodes/pve1/termproxy", auth, "");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.data();
  }

  @Test
  void aShellLogsInWithItsTicketAnswersCommandsAndEndsWithExit() {
    JsonNode proxy = termproxy(ADMIN);
    assertThat(proxy.get("user").asString()).isEqualTo("ctl@pve!ctl");
    assertThat(proxy.get("port").asInt()).isBetween(5900, 5999);
    assertThat(proxy.get("ticket").asString()).startsWith("PVEVNC:");
    assertThat(proxy.get("upid").asString()).contains(":vncshell::");

    Terminal t = new Terminal(proxy, ADMIN);
    t.send("ctl@pve!ctl:" + proxy.get("ticket").asString() + "\n");
    t.waitFor("OK");
    t.send("1:120:40:");
    t.send("2");
    t.type("stty size\r");
    t.waitFor("stty size\r\n40 120\r\n");
    t.type("hostname\r");
    t.waitFor("hostname\r\npve1\r\nroot@pve1:~# ");
    t.type("frobnicate\r");
    t.waitFor("-bash: frobnicate: command not found");
    t.type("pveversion\r");
    t.waitFor("pve-manager/9.1.1/");
    assertThat(fleet.cluster("new").openShells()).isOne();

    t.type("exit\r");
    t.waitFor("logout");
    await().atMost(Duration.ofSeconds(10)).until(t.ended::isDone);
    assertThat(fleet.cluster("new").openShells()).isZero();
    assertThat(
            pve.call(
                    "GET",
                    "/nodes/pve1/tasks/" + PveHttp.encode(proxy.get("upid").asString()) + "/status",
                    ADMIN,
                    null)
                .data()
                .get("status")
                .asString())
        .isEqualTo("stopped");
  }

  @Test
  void aTicketWorksOnceForItsOwnerAndAWrongOneIsRefusedWithoutUpgrade() {
    JsonNode proxy = termproxy(ADMIN);
    String path = "/nodes/pve1/vncwebsocket?port=" + proxy.get("port").asInt() + "&vncticket=";

    PveHttp.Reply wrong = pve.call("GET", path + "PVEVNC:00::forged", ADMIN, null);
    PveHttp.Reply console =
        pve.call("GET", path + PveHttp.encode(proxy.get("ticket").asString()), AUDIT, null);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(
            pve.call("GET", "/nodes/pve1/vncwebsocket?port=5900", ADMIN, null).error("vncticket"))
        .isEqualTo("property is missing and it is not optional");
    assertThat(
            pve.call("GET", "/nodes/pve1/vncwebsocket?port=80&vncticket=x", ADMIN, null)
                .error("port"))
        .isEqualTo("value must have a minimum value of 5900");
    assertThat(pve.call("POST", "/nodes/pve1/termproxy", ADMIN, "cmd=bash").status())
        .isEqualTo(400);
    assertThat(wrong.reason()).isEqualTo("permission denied - invalid PVEVNC ticket");
    assertThat(console.status()).as("no Sys.Console").isEqualTo(403);
    assertThat(pve.call("POST", "/nodes/pve1/termproxy", AUDIT, "").reason())
        .isEqualTo("Permission check failed (/nodes/pve1, Sys.Console)");

    Terminal first = new Terminal(proxy, ADMIN);
    first.send("ctl@pve!ctl:" + proxy.get("ticket").asString() + "\n");
    first.waitFor("OK");
    Terminal replayed = new Terminal(proxy, ADMIN);
    await().atMost(Duration.ofSeconds(10)).until(replayed.ended::isDone);
    assertThat(replayed.screen.toString()).as("termproxy takes one connection").isEmpty();
    first.type("exit\r");
  }

  @Test
  void aTicketNotUsedWithinItsTimeAndAWrongLoginLineOpenNothing() {
    JsonNode late = termproxy(ADMIN);
    clock.advance(Duration.ofSeconds(41));
    PveHttp.Reply tooLate =
        pve.call(
            "GET",
            "/nodes/pve1/vncwebsocket?port="
                + late.get("port").asInt()
                + "&vncticket="
                + PveHttp.encode(late.get("ticket").asString()),
            ADMIN,
            null);
    assertThat(tooLate.status()).isEqualTo(401);

    JsonNode proxy = termproxy(ADMIN);
    Terminal t = new Terminal(proxy, ADMIN);
    t.send("someone@pve:" + proxy.get("ticket").asString() + "\n");
    await().atMost(Duration.ofSeconds(10)).until(t.ended::isDone);
    assertThat(t.screen.toString()).doesNotContain("OK");
  }

  @Test
  void aSessionEndsWhenTheNodeGoesAwayAndOutputWaitsForItsReader() {
    JsonNode proxy = termproxy(ADMIN);
    Terminal t = new Terminal(proxy, ADMIN);
    t.send("ctl@pve!ctl:" + proxy.get("ticket").asString() + "\n");
    t.waitFor("OK");
    t.type("seq 200000\r");
    t.waitFor("200000\r\nroot@pve1:~# ");

    fleet.cluster("new").dropShells();

    await().atMost(Duration.ofSeconds(10)).until(t.ended::isDone);
    assertThat(fleet.cluster("new").openShells()).isZero();
  }

  @Test
  void pveBefore9013GivesNoShellToAnApiToken() {
    PveHttp old = new PveHttp(fleet.endpoints("old").get(0));

    PveHttp.Reply refused = old.call("POST", "/nodes/pve1/termproxy", ADMIN, "");

    assertThat(refused.status()).isEqualTo(500);
    assertThat(refused.reason())
        .isEqualTo("value 'ctl@pve!ctl' does not look like a valid user name");
  }
}
