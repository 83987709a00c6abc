package io.pdmgitops.controller.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.webui.audit.AuditEntry;
import io.pdmgitops.webui.audit.AuditKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** The rules of {@link ShellSessions}, against a shell that echoes what it is sent. */
class ShellSessionsTest {
  final io.pdmgitops.controller.loop.ShiftedClock clock =
      new io.pdmgitops.controller.loop.ShiftedClock();
  final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  final AuditTrail audit = new AuditTrail(audited::addAll, clock);
  final AtomicInteger connected = new AtomicInteger();

  /** Echoes each frame back; ten thousand lines for "flood". */
  final ShellConnector echo =
      (remote, node, via, input) -> {
        connected.incrementAndGet();
        return input.concatMap(
            f ->
                f.endsWith("flood")
                    ? Flux.range(0, 10_000)
                        .map(i -> ("line " + i + "\r\n").getBytes(StandardCharsets.UTF_8))
                    : Flux.just(f.getBytes(StandardCharsets.UTF_8)));
      };

  final ShellSessions shells =
      new ShellSessions(
          echo, audit, new ShellLimits(1, 2, Duration.ofMinutes(15), Duration.ofHours(8)), clock);

  @AfterEach
  void stop() throws InterruptedException {
    shells.close();
    audit.close();
  }

  /** A browser: typed frames in, what arrives collected. */
  final class Browser {
    final Sinks.Many<String> typed = Sinks.many().unicast().onBackpressureBuffer();
    final StringBuffer screen = new StringBuffer();
    volatile Throwable failed;
    volatile boolean ended;
    final Disposable session;

    Browser(String user) {
      session =
          shells
              .open(user, "192.0.2.7", "east", "pve1", RemoteToken.DEFAULT, typed.asFlux())
              .subscribe(
                  b -> screen.append(new String(b, StandardCharsets.UTF_8)),
                  e -> {
                    failed = e;
                    ended = true;
                  },
                  () -> ended = true);
    }
  }

  List<AuditKind> kinds() {
    return audited.stream().map(AuditEntry::kind).toList();
  }

  @Test
  void aSessionRelaysCheckedFramesCountsBytesAndIsAuditedWhenItEnds() {
    Browser b = new Browser("alice@pdm");
    b.typed.tryEmitNext("0:5:uname");
    b.typed.tryEmitNext("1:120:40:");
    b.typed.tryEmitNext("2");
    await().until(() -> b.screen.toString().contains("1:120:40:"));

    assertThat(shells.sessions())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.user()).isEqualTo("alice@pdm");
              assertThat(s.bytesIn()).isEqualTo(5);
              assertThat(s.bytesOut()).isEqualTo("0:5:uname1:120:40:2".length());
            });
    b.session.dispose();
    await().until(() -> kinds().contains(AuditKind.SHELL_CLOSED));
    assertThat(kinds()).containsExactly(AuditKind.SHELL_OPENED, AuditKind.SHELL_CLOSED);
    assertThat(audited.get(1).detail())
        .startsWith("closed by the user; ")
        .contains("5 bytes in")
        .contains("bytes out");
    assertThat(shells.sessions()).isEmpty();
  }

  @Test
  void aFrameAShellDoesNotTakeEndsTheSessionAndReachesNothing() {
    Browser b = new Browser("alice@pdm");
    b.typed.tryEmitNext("0:99:short");

    await().until(() -> b.ended);
    assertThat(b.screen.toString())
        .doesNotContain("short")
        .contains("[pdm-gitops: the page sent a frame a shell does not take]");
  }

  @Test
  void limitsPerUserAndInAllRefuseBeforeTheRemoteIsAsked() {
    Browser first = new Browser("alice@pdm");
    Browser second = new Browser("alice@pdm");
    Browser bob = new Browser("bob@pdm");
    Browser carol = new Browser("carol@pdm");

    assertThat(first.failed).isNull();
    assertThat(second.failed)
        .isInstanceOf(io.pdmgitops.webui.shell.ShellPort.ShellRefusedException.class)
        .hasMessage("alice@pdm has 1 shells open, the most one user may have");
    assertThat(bob.failed).isNull();
    assertThat(carol.failed).hasMessage("2 shells are open, the most the controller allows");
    assertThat(connected).hasValue(2);
    await().until(() -> kinds().stream().filter(AuditKind.SHELL_REFUSED::equals).count() == 2);
  }

  @Test
  void anIdleSessionAndOneOpenTooLongAreClosedWithALastLine() {
    Browser idle = new Browser("alice@pdm");
    Browser busy = new Browser("bob@pdm");
    clock.advance(Duration.ofMinutes(10));
    busy.typed.tryEmitNext("0:1:x");
    busy.typed.tryEmitNext("2");
    await().until(() -> busy.screen.toString().contains("0:1:x"));
    clock.advance(Duration.ofMinutes(6));
    idle.typed.tryEmitNext("2"); // a keep-alive is no activity

    assertThat(shells.reap()).isOne();
    await().until(() -> idle.ended);
    assertThat(idle.screen.toString()).contains("[pdm-gitops: closed after 15 min without input]");
    assertThat(busy.ended).isFalse();

    clock.advance(Duration.ofHours(8));
    busy.typed.tryEmitNext("0:1:y");
    await().until(() -> busy.screen.toString().contains("0:1:y"));
    assertThat(shells.reap()).isOne();
    await().until(() -> busy.ended);
    assertThat(busy.screen.toString()).contains("the longest a shell may stay open");
  }

  @Test
  void anAdminClosesASessionAndAFloodWaitsForItsReader() {
    Browser b = new Browser("alice@pdm");
    String id = shells.sessions().get(0).id();

    assertThat(shells.close(id, "admin@pdm")).isTrue();
    await().until(() -> b.ended);
    assertThat(b.screen.toString()).contains("[pdm-gitops: closed by admin@pdm]");
    assertThat(shells.close(id, "admin@pdm")).isFalse();

    Sinks.Many<String> typed = Sinks.many().unicast().onBackpressureBuffer();
    List<byte[]> taken = new CopyOnWriteArrayList<>();
    shells
        .open("bob@pdm", "192.0.2.8", "east", "pve1", RemoteToken.DEFAULT, typed.asFlux())
        .limitRate(1)
        .take(3)
        .subscribe(taken::add);
    typed.tryEmitNext("0:5:flood");
    await().until(() -> taken.size() == 3);
    assertThat(shells.sessions()).as("taking 3 of 10,000 lines ended it").isEmpty();
  }
}
