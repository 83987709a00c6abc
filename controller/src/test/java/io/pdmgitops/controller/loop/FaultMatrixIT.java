package io.pdmgitops.controller.loop;

import static io.pdmgitops.controller.loop.LoopHarness.guest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.conditions.ConditionKind;
import io.pdmgitops.controller.store.FullDisk;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.reconcilers.remote.RemoteBackOff;
import io.pdmgitops.simulator.config.FaultConfig;
import io.pdmgitops.simulator.config.ProxyFailure;
import io.pdmgitops.simulator.http.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One intent (stop web) under each fault the fleet can throw at the controller: the fault holds for
 * a few cycles, then heals. Asserted on the simulator's request log: while the fault holds the
 * controller sends nothing or a few back-off attempts, never one per cycle; once it heals, the
 * shutdown is acted on exactly once and the guest ends as Git says. The kills of a controller
 * mid-action are in ControllerRestartIT, the refused calls (403) in ReconcileLoopIT.
 */
class FaultMatrixIT {
  static final String SHUTDOWN = "/nodes/pve1/qemu/100/status/shutdown";

  /** Cycles every 500 ms: this is 8 of them. */
  static final Duration FAULT_HOLDS = Duration.ofSeconds(4);

  enum Fault {
    REMOTE_DOWN(0, ConditionKind.REMOTE_UNREACHABLE, false) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.setDown("east", true);
      }

      @Override
      void heal(LoopHarness h) {
        h.fleet.setDown("east", false);
        h.inventoryClock.advance(RemoteBackOff.CAP); // the back-off would otherwise wait
      }
    },
    POLLS_HANG(0) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.setFaults("east", faults(Duration.ZERO, true, Duration.ZERO, ProxyFailure.NONE));
      }
    },
    /** Not a failure: every answer takes a second; the shutdown goes through, once. */
    SLOW_BODIES(1, null, true) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.setFaults(
            "east", faults(Duration.ZERO, false, Duration.ofSeconds(1), ProxyFailure.NONE));
      }
    },
    NODE_OFFLINE_595(0) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.cluster("east").setNodeOnline("pve1", false);
      }

      @Override
      void heal(LoopHarness h) {
        h.fleet.cluster("east").setNodeOnline("pve1", true);
      }
    },
    PROXY_596(0) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.setFaults(
            "east", faults(Duration.ZERO, false, Duration.ZERO, ProxyFailure.TIMEOUT));
      }
    },
    GUEST_LOCKED(3) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.cluster("east").setLock(100, "backup");
      }

      @Override
      void heal(LoopHarness h) {
        h.fleet.cluster("east").setLock(100, null);
      }
    },
    CERTIFICATE_ROTATED(0, ConditionKind.REMOTE_UNREACHABLE, false) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.rotateCertificate("east", "sim-6");
      }

      @Override
      void heal(LoopHarness h) {
        h.fleet.rotateCertificate("east", "sim-1");
        h.inventoryClock.advance(RemoteBackOff.CAP);
      }
    },
    STORE_FULL(0) {
      @Override
      void inject(LoopHarness h) {
        FullDisk.fill(true);
      }

      @Override
      void heal(LoopHarness h) {
        FullDisk.fill(false);
      }
    },
    /** An admin regenerated the token's secret on the remote; then the new one is deployed. */
    TOKEN_REFUSED_401(0, ConditionKind.REMOTE_UNREACHABLE, false) {
      @Override
      void inject(LoopHarness h) {
        h.fleet.regenerateToken("east", LoopHarness.TOKEN_ID, "regenerated-on-the-remote");
      }

      @Override
      void heal(LoopHarness h) {
        h.fleet.regenerateToken("east", LoopHarness.TOKEN_ID, LoopHarness.TOKEN_SECRET);
        h.inventoryClock.advance(RemoteBackOff.CAP);
      }
    },
    /** The Git server is gone: the commit already accepted stays in force and is carried out. */
    GIT_UNREACHABLE(1, ConditionKind.GIT_FETCH_FAILED, true) {
      @Override
      void inject(LoopHarness h) throws Exception {
        Files.move(h.upstream, away(h));
        h.poller.trigger();
      }

      @Override
      void heal(LoopHarness h) throws Exception {
        Files.move(away(h), h.upstream);
        h.poller.trigger();
      }

      Path away(LoopHarness h) {
        return h.upstream.resolveSibling(h.upstream.getFileName() + ".away");
      }
    },
    /**
     * A later commit that once crashed the loader (a non-string apiVersion, a vmid of 1e19) and
     * wants web running again: it is rejected with its problems, the stop stays in force.
     */
    LOADER_CRASHING_COMMIT(1, ConditionKind.COMMIT_REJECTED, true) {
      @Override
      void inject(LoopHarness h) throws Exception {
        h.commit(
            guest("web", 100, "running"),
            "start web, with a document the loader once crashed on",
            """
            apiVersion: [pdm-gitops/v1]
            kind: Guest
            metadata: {name: big}
            spec: {remote: east, vmid: 1e19, type: qemu, name: big, power: running}
            """);
        h.poller.trigger();
      }

      @Override
      void heal(LoopHarness h) throws Exception {
        h.commit(guest("web", 100, "stopped"), "stop web, fixed");
        h.poller.trigger();
      }
    },
    /**
     * Something outside Git (an HA group, a user, a script) starts web again whenever it stops: the
     * controller's shutdowns succeed and are undone. It backs off instead of fighting every cycle;
     * once the other side stops, web ends stopped.
     */
    POWER_FLAPPING(ActionFailures.UNDONE_LIMIT + 2) {
      @Override
      void inject(LoopHarness h) {
        h.outsideActor.scheduleWithFixedDelay(
            () -> {
              if (h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped")) {
                h.fleet.cluster("east").setPower(100, "running");
              }
            },
            0,
            150,
            TimeUnit.MILLISECONDS);
      }

      @Override
      void heal(LoopHarness h) throws Exception {
        h.outsideActor.shutdownNow();
        h.outsideActor.awaitTermination(5, TimeUnit.SECONDS);
      }
    };

    /** Shutdown calls the remote may act on while the fault holds: back-off attempts, no more. */
    final int attemptsWhileFaulty;

    /** The condition the fault shows on the dashboard and status API while it holds, if any. */
    final Optional<ConditionKind> shows;

    /**
     * The fault is not the remote's: the intent is carried out while it holds, once (a slow remote,
     * a Git server that is down, a later commit the loader cannot read).
     */
    final boolean actedOnWhileFaulty;

    Fault(int attemptsWhileFaulty) {
      this(attemptsWhileFaulty, null, false);
    }

    Fault(int attemptsWhileFaulty, ConditionKind shows, boolean actedOnWhileFaulty) {
      this.attemptsWhileFaulty = attemptsWhileFaulty;
      this.shows = Optional.ofNullable(shows);
      this.actedOnWhileFaulty = actedOnWhileFaulty;
    }

    abstract void inject(LoopHarness h) throws Exception;

    void heal(LoopHarness h) throws Exception {
      h.fleet.setFaults("east", FaultConfig.none());
      h.inventoryClock.advance(RemoteBackOff.CAP);
    }
  }

  static FaultConfig faults(
      Duration latency, boolean hang, Duration slowBody, ProxyFailure proxyFailure) {
    return new FaultConfig(latency, 0, false, hang, slowBody, Map.of(), proxyFailure);
  }

  @TempDir Path upstream;
  @TempDir Path work;
  LoopHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LoopHarness(ReconcileLoopIT.FLEET, upstream, work);
  }

  @AfterEach
  void stop() {
    FullDisk.fill(false);
    h.outsideActor.shutdownNow();
    h.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fault.class)
  void theIntentIsActedOnExactlyOnceOnceTheFaultHeals(Fault fault) throws Exception {
    h.commit(guest("web", 100, "running"), "baseline");
    h.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.status("web").map(s -> s.sync() == SyncStatus.SYNCED).orElse(false));

    // The intent is committed while the loop is suspended (it pins the certificate of now), then
    // the fault comes, then the loop resumes into it.
    h.loop.suspend(true);
    String stop = h.commit(guest("web", 100, "stopped"), "stop web");
    h.poller.trigger();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.snapshots.lastGood().map(c -> c.commit().sha().equals(stop)).orElse(false));
    fault.inject(h);
    Thread.sleep(1_000); // longer than a connection lives here: no call rides on a healthy one
    h.loop.suspend(false);
    Thread.sleep(FAULT_HOLDS.toMillis()); // the fault holds for several cycles
    if (fault.actedOnWhileFaulty) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(h.fleet.cluster("east").guest(100).orElseThrow().status())
                      .as("%s: carried out while the fault holds: %s", fault, log())
                      .isEqualTo("stopped"));
    }
    int whileFaulty = shutdowns().size();
    assertThat(whileFaulty)
        .as("%s: shutdowns accepted while the fault held: %s", fault, log())
        .isLessThanOrEqualTo(fault.attemptsWhileFaulty);
    if (fault.attemptsWhileFaulty == 0) {
      assertThat(h.fleet.cluster("east").guest(100).orElseThrow().status())
          .as("%s: nothing done while the fault holds", fault)
          .isEqualTo("running");
    }
    fault.shows.ifPresent(
        kind ->
            await()
                .atMost(Duration.ofSeconds(20))
                .alias(fault + " shows " + kind)
                .until(() -> h.conditions.isActive(kind)));
    if (fault == Fault.POWER_FLAPPING) {
      // The guest flaps: between a shutdown that "succeeded" and the next undoing it, the record
      // is briefly clear. Shown while the fight lasts means it comes back, not that it never goes.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(h.loop.failures().of(new ObjectRef(Kind.GUEST, "web")))
                      .as("the fight is shown on the guest while it lasts: %s", log())
                      .hasValueSatisfying(
                          f ->
                              assertThat(f.lastError())
                                  .contains("undone each time by something outside Git")));
    }

    fault.heal(h);
    // A poll that hangs is out until the client gives up (30 s): the next poll comes after it.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped")
                    && h.status("web").map(s -> s.sync() == SyncStatus.SYNCED).orElse(false));

    fault.shows.ifPresent(
        kind ->
            await()
                .atMost(Duration.ofSeconds(20))
                .alias(fault + " no longer shows " + kind)
                .until(() -> !h.conditions.isActive(kind)));
    if (fault.actedOnWhileFaulty) {
      assertThat(shutdowns()).as("%s: acted on once: %s", fault, log()).hasSize(1);
    } else if (fault == Fault.POWER_FLAPPING) {
      // Stopped by its last accepted shutdown, or by one more once the other side gave up.
      assertThat(shutdowns().size() - whileFaulty)
          .as("%s: shutdowns accepted after the fight ended: %s", fault, log())
          .isBetween(0, 1);
    } else {
      assertThat(shutdowns().size() - whileFaulty)
          .as("%s: shutdowns accepted after the fault healed: %s", fault, log())
          .isEqualTo(1);
    }
  }

  /** Shutdown calls the remote accepted (a task started), across the whole test. */
  List<LoggedRequest> shutdowns() {
    return h.fleet.requests("east").stream()
        .filter(r -> r.acted() && r.status() == 200)
        .filter(r -> r.method().equals("POST") && r.path().equals(SHUTDOWN))
        .toList();
  }

  String log() {
    return h.fleet.requests("east").stream()
        .filter(r -> !r.path().equals("/cluster/resources") && !r.path().equals("/version"))
        .map(LoggedRequest::toString)
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
