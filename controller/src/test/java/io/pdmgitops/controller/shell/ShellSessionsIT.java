package io.pdmgitops.controller.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.model.desired.ApiToken;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.webui.audit.AuditEntry;
import io.pdmgitops.webui.audit.AuditKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * A node shell relayed through {@link ShellSessions} to a simulated PVE 9 cluster over real HTTPS
 * and websockets: typed input reaches the node's shell, its answer comes back, the session is
 * audited with its byte counts, and a flood of output is read from the remote only as fast as the
 * reader takes it.
 */
class ShellSessionsIT {
  static final String FLEET =
      """
      clusters:
        - name: east
          certificate: sim-1
          version: 9.1.1
          nodes: [{name: pve1}, {name: pve2}]
          tokens: [{id: ctl@pve!ctl, secret: ctl-secret, role: admin}]
      """;

  SimulatedFleet fleet;
  RemoteClients clients;
  final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  AuditTrail audit;
  ShellSessions shells;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    clients =
        new RemoteClients(
            new SecretResolver(Map.of("EAST_TOKEN", "ctl-secret")), ClientSettings.defaults());
    Remote east =
        new Remote(
            new ObjectMeta("east", Map.of(), Map.of()),
            new Remote.Spec(
                RemoteType.PVE,
                fleet.endpoints("east").stream()
                    .map(u -> new Endpoint(u.toString(), Optional.of(fleet.fingerprint("east"))))
                    .toList(),
                new ApiToken(
                    "ctl@pve!ctl", new SecretRef(Optional.of("EAST_TOKEN"), Optional.empty())),
                Optional.empty()));
    audit = new AuditTrail(audited::addAll, Clock.systemUTC());
    shells =
        new ShellSessions(
            new RemoteShellConnector(name -> east, clients),
            audit,
            ShellLimits.DEFAULTS,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    shells.close();
    audit.close();
    clients.close();
    fleet.close();
  }

  static String frame(String text) {
    return "0:" + text.getBytes(StandardCharsets.UTF_8).length + ":" + text;
  }

  @Test
  void whatIsTypedReachesTheNodesShellAndTheSessionIsAuditedWithItsBytes() {
    Sinks.Many<String> typed = Sinks.many().unicast().onBackpressureBuffer();
    StringBuffer screen = new StringBuffer();
    boolean[] ended = {false};
    shells
        .open("alice@pdm", "192.0.2.7", "east", "pve2", RemoteToken.DEFAULT, typed.asFlux())
        .subscribe(
            b -> screen.append(new String(b, StandardCharsets.UTF_8)),
            e -> ended[0] = true,
            () -> ended[0] = true);

    typed.tryEmitNext(frame("hostname\r"));
    await().atMost(Duration.ofSeconds(10)).until(() -> screen.toString().contains("\r\npve2\r\n"));
    typed.tryEmitNext(frame("exit\r"));
    await().atMost(Duration.ofSeconds(10)).until(() -> ended[0]);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> audited.stream().anyMatch(a -> a.kind() == AuditKind.SHELL_CLOSED));
    AuditEntry closed =
        audited.stream().filter(a -> a.kind() == AuditKind.SHELL_CLOSED).findFirst().orElseThrow();
    assertThat(closed.actor()).isEqualTo("alice@pdm");
    assertThat(closed.target()).isEqualTo("/remotes/east/nodes/pve2");
    assertThat(closed.detail())
        .startsWith("the shell ended; ")
        .contains("14 bytes in")
        .doesNotContain("ctl-secret");
    assertThat(screen.toString()).endsWith("[pdm-gitops: the shell ended]\r\n");
    assertThat(fleet.cluster("east").openShells()).isZero();
  }

  @Test
  void aFloodOfOutputIsReadFromTheRemoteOnlyAsFastAsItIsTaken() throws Exception {
    Sinks.Many<String> typed = Sinks.many().unicast().onBackpressureBuffer();
    AtomicLong taken = new AtomicLong();
    var reader =
        shells
            .open("bob@pdm", "192.0.2.8", "east", "pve1", RemoteToken.DEFAULT, typed.asFlux())
            .publishOn(Schedulers.single(), 4)
            .subscribe(
                b -> {
                  taken.addAndGet(b.length);
                  try {
                    Thread.sleep(50); // a slow browser
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    // The same flood to a reader that keeps up: what the remote can send in the same time.
    Sinks.Many<String> eagerTyped = Sinks.many().unicast().onBackpressureBuffer();
    AtomicLong eager = new AtomicLong();
    var fast =
        shells
            .open(
                "carol@pdm", "192.0.2.9", "east", "pve1", RemoteToken.DEFAULT, eagerTyped.asFlux())
            .subscribe(b -> eager.addAndGet(b.length));
    // About 50 MiB: 6,000,000 numbers of up to 7 digits and a line end.
    typed.tryEmitNext(frame("seq 6000000\r"));
    eagerTyped.tryEmitNext(frame("seq 6000000\r"));
    Thread.sleep(3_000);

    long slowSent =
        shells.sessions().stream()
            .filter(x -> x.user().equals("bob@pdm"))
            .findFirst()
            .orElseThrow()
            .bytesOut();
    assertThat(eager.get())
        .as("the remote sends fast to a reader that keeps up")
        .isGreaterThan(8L << 20);
    assertThat(slowSent)
        .as("to a slow reader, what it took plus a few frames in flight")
        .isLessThan(2L << 20);
    reader.dispose();
    fast.dispose();
    await().atMost(Duration.ofSeconds(10)).until(() -> shells.sessions().isEmpty());
    await().atMost(Duration.ofSeconds(10)).until(() -> fleet.cluster("east").openShells() == 0);
  }
}
