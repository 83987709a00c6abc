package io.pdmgitops.reconcilers.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.AuthenticationFailedException;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.PermissionDeniedException;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * A node's shell through the remote's own API, over real HTTPS and a real websocket to the
 * simulated cluster: termproxy, the login line, frames both ways, and each refusal in the remote's
 * words.
 */
class RemoteTerminalIT {
  static final String FLEET =
      """
      clusters:
        - name: new
          certificate: sim-1
          listen: [0, 0]
          version: 9.1.1
          nodes: [{name: pve1}, {name: pve2}]
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
        - name: old
          certificate: sim-2
          version: 8.2.4
          nodes: [{name: pve1}]
          tokens: [{id: ctl@pve!ctl, secret: ctl-secret, role: admin}]
      """;

  static SimulatedFleet fleet;

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  static ProxmoxTransport transport(String remote, String token, String secret) {
    return new ProxmoxTransport(
        new RemoteConnection(
            remote,
            Product.PVE,
            fleet.endpoints(remote).stream()
                .map(u -> ApiEndpoint.pinned(u, fleet.fingerprint(remote)))
                .toList(),
            new ApiToken(token, secret)),
        ClientSettings.defaults());
  }

  /** A terminal the test types into and reads from. */
  static final class Screen {
    final Sinks.Many<String> typed = Sinks.many().unicast().onBackpressureBuffer();
    final StringBuffer text = new StringBuffer();
    final AtomicReference<Throwable> failed = new AtomicReference<>();
    volatile boolean ended;
    final Disposable session;

    Screen(ProxmoxTransport transport, String node) {
      session =
          RemoteTerminal.open(transport, node, typed.asFlux())
              .subscribe(
                  b -> text.append(new String(b, StandardCharsets.UTF_8)),
                  e -> {
                    failed.set(e);
                    ended = true;
                  },
                  () -> ended = true);
    }

    void type(String s) {
      typed.tryEmitNext("0:" + s.getBytes(StandardCharsets.UTF_8).length + ":" + s);
    }

    void waitFor(String s) {
      await().atMost(Duration.ofSeconds(10)).until(() -> text.toString().contains(s) || ended);
      assertThat(text.toString()).as("failed: %s", failed.get()).contains(s);
    }
  }

  @Test
  void aShellOnANodeAnswersWhatIsTypedAndEndsWithExit() {
    Screen s = new Screen(transport("new", "ctl@pve!ctl", "ctl-secret"), "pve2");

    s.waitFor("root@pve2:~# ");
    s.typed.tryEmitNext("1:132:43:");
    s.type("hostname\r");
    s.waitFor("hostname\r\npve2\r\n");
    s.type("exit\r");

    await().atMost(Duration.ofSeconds(10)).until(() -> s.ended);
    assertThat(s.failed.get()).isNull();
    assertThat(s.text.toString())
        .as("the login's OK is termproxy's, not the screen's")
        .doesNotStartWith("OK");
    assertThat(fleet.cluster("new").openShells()).isZero();
  }

  @Test
  void eachRefusalIsTheRemotesOwn() {
    assertThatThrownBy(
            () ->
                RemoteTerminal.open(
                        transport("new", "ro@pve!ro", "ro-secret"),
                        "pve1",
                        reactor.core.publisher.Flux.never())
                    .blockFirst(Duration.ofSeconds(10)))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("Sys.Console");
    assertThatThrownBy(
            () ->
                RemoteTerminal.open(
                        transport("old", "ctl@pve!ctl", "ctl-secret"),
                        "pve1",
                        reactor.core.publisher.Flux.never())
                    .blockFirst(Duration.ofSeconds(10)))
        .isInstanceOf(ServerErrorException.class)
        .hasMessageContaining("does not look like a valid user name");
    fleet.cluster("new").refuseShellTickets(true);
    try {
      assertThatThrownBy(
              () ->
                  RemoteTerminal.open(
                          transport("new", "ctl@pve!ctl", "ctl-secret"),
                          "pve1",
                          reactor.core.publisher.Flux.never())
                      .blockFirst(Duration.ofSeconds(10)))
          .isInstanceOf(AuthenticationFailedException.class);
    } finally {
      fleet.cluster("new").refuseShellTickets(false);
    }
  }

  @Test
  void aSessionEndsWhenTheNodeDropsIt() {
    Screen s = new Screen(transport("new", "ctl@pve!ctl", "ctl-secret"), "pve1");
    s.waitFor("root@pve1:~# ");

    fleet.cluster("new").dropShells();

    await().atMost(Duration.ofSeconds(10)).until(() -> s.ended);
    assertThat(fleet.cluster("new").openShells()).isZero();
  }
}
