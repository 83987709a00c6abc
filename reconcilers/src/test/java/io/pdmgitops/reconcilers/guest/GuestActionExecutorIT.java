package io.pdmgitops.reconcilers.guest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.engine.InMemoryJournal;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.reconcilers.pve.PowerAction;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.WebPveClient;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Actions against the simulated fleet: journaled before they are sent, followed to their end,
 * retried when locked, and never sent twice when a controller restarts in the middle.
 */
class GuestActionExecutorIT {
  static final String FLEET =
      """
      taskDuration: 200ms
      clusters:
        - name: east
          nodes: [{name: pve1}, {name: pve2}]
          guests:
            - {vmid: 101, name: db, type: qemu, node: pve1, status: stopped}
            - {vmid: 102, name: web, type: qemu, node: pve1, status: running}
            - {vmid: 103, name: cache, type: lxc, node: pve1, status: running}
            - {vmid: 104, name: jobs, type: lxc, node: pve1, status: stopped}
          tokens:
            - {id: ctl@pve!ctl, secret: 5f1a-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
      """;

  SimulatedFleet fleet;
  InMemoryJournal journal;
  GuestActionExecutor executor;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    journal = new InMemoryJournal();
    executor = executor("ctl@pve!ctl", "5f1a-secret");
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  GuestActionExecutor executor(String id, String secret) {
    return new GuestActionExecutor(remotes(id, secret), journal, Duration.ofMillis(100));
  }

  /** One remote, east, reached with this token; no migration targets. */
  GuestRemotes remotes(String id, String secret) {
    PveClient client = client(id, secret);
    return new GuestRemotes() {
      @Override
      public PveClient client(String remote) {
        return client;
      }

      @Override
      public String tokenId(String remote) {
        return id;
      }

      @Override
      public MigrationTarget migrationTarget(String remote) {
        throw new IllegalStateException("no remote '" + remote + "' is declared");
      }
    };
  }

  PveClient client(String id, String secret) {
    var endpoints =
        fleet.endpoints("east").stream()
            .map(u -> ApiEndpoint.pinned(u, fleet.fingerprint("east")))
            .toList();
    return new WebPveClient(
        new ProxmoxTransport(
            new RemoteConnection("east", Product.PVE, endpoints, new ApiToken(id, secret)),
            ClientSettings.defaults()));
  }

  static PlannedAction action(GuestAction kind, int vmid, String name) {
    return PlannedAction.guest(
        new ObjectRef(Kind.GUEST, name),
        new GuestLocation("east", "pve1", GuestType.QEMU, vmid, ObservedPower.STOPPED),
        kind,
        "test",
        Optional.empty());
  }

  static PlannedAction move(GuestType type, int vmid, ObservedPower power, Boolean online) {
    return PlannedAction.guest(
        new ObjectRef(Kind.GUEST, "g" + vmid),
        new GuestLocation("east", "pve1", type, vmid, power),
        GuestAction.MIGRATE,
        "placement.node: want pve2, is pve1",
        Optional.of(
            new Placement(
                Optional.empty(),
                "pve2",
                Optional.empty(),
                Map.of(),
                Map.of(),
                Optional.ofNullable(online),
                Optional.empty(),
                Optional.empty())));
  }

  @Test
  void aRunningContainerMovesByRestartAndRunsOnTheTarget() {
    ReconcileResult result =
        executor.execute(move(GuestType.LXC, 103, ObservedPower.RUNNING, null), "abc").block();

    assertThat(result).isInstanceOf(ReconcileResult.Done.class);
    var moved = fleet.cluster("east").guest(103).orElseThrow();
    assertThat(moved.node()).isEqualTo("pve2");
    assertThat(moved.status()).isEqualTo("running");
  }

  @Test
  void aLockedContainersMigrationIsRetryableThoughOnlyTheLogNamesTheLock() {
    fleet.cluster("east").setLock(104, "backup");
    PlannedAction move = move(GuestType.LXC, 104, ObservedPower.STOPPED, null);

    assertThat(executor.execute(move, "abc").block())
        .isInstanceOfSatisfying(
            ReconcileResult.Retryable.class,
            r -> assertThat(r.reason()).isEqualTo("migration aborted: CT is locked (backup)"));
    assertThat(journal.calls)
        .containsExactly("planned 1", "sent 1", "finished 1 migration aborted");

    fleet.cluster("east").setLock(104, null);
    assertThat(executor.execute(move, "abc").block()).isInstanceOf(ReconcileResult.Done.class);
    assertThat(fleet.cluster("east").guest(104).orElseThrow().node()).isEqualTo("pve2");
  }

  @Test
  void aRunningVmThatMayNotMoveLiveIsNotSent() {
    ReconcileResult result =
        executor.execute(move(GuestType.QEMU, 102, ObservedPower.RUNNING, false), "abc").block();

    assertThat(result)
        .isInstanceOfSatisfying(
            ReconcileResult.Failed.class,
            f -> assertThat(f.reason()).contains("placement.online is false"));
    assertThat(journal.calls).containsExactly("planned 1", "notSent 1");
    assertThat(fleet.cluster("east").tasksStarted("qmigrate", 102)).isZero();
  }

  @Test
  void journalsBeforeSendingAndFollowsTheTaskToItsEnd() {
    long[] tasksWhenJournaled = {-1};
    journal.onPlanned =
        a -> tasksWhenJournaled[0] = fleet.cluster("east").tasksStarted("qmstart", 101);

    ReconcileResult result =
        executor.execute(action(GuestAction.START, 101, "db"), "abc123").block();

    assertThat(result).isInstanceOf(ReconcileResult.Done.class);
    assertThat(tasksWhenJournaled[0]).isZero();
    assertThat(journal.calls).containsExactly("planned 1", "sent 1", "finished 1 OK");
    assertThat(fleet.cluster("east").guest(101).orElseThrow().status()).isEqualTo("running");
  }

  /** The same executor, following a task at most 300 ms per run, with the given budgets. */
  GuestActionExecutor shortSteps(Duration budget) {
    GuestRemotes remotes = remotes("ctl@pve!ctl", "5f1a-secret");
    return new GuestActionExecutor(
        remotes, journal, Duration.ofMillis(100), Duration.ofMillis(300), kind -> budget);
  }

  @Test
  void aTaskLongerThanOneRunIsFollowedAcrossRunsToItsEndAndSentOnce() {
    fleet.cluster("east").setTaskDuration(Duration.ofSeconds(2));
    GuestActionExecutor executor = shortSteps(Duration.ofHours(1));
    PlannedAction start = action(GuestAction.START, 101, "db");

    ReconcileResult first = executor.execute(start, "abc").block();
    assertThat(first)
        .isInstanceOfSatisfying(
            ReconcileResult.RequeueAfter.class,
            r -> assertThat(r.reason()).contains("still running"));
    ReconcileResult last = first;
    for (int run = 0; run < 20 && !(last instanceof ReconcileResult.Done); run++) {
      last = executor.execute(start, "abc").block();
    }

    assertThat(last).isInstanceOf(ReconcileResult.Done.class);
    assertThat(journal.calls).containsExactly("planned 1", "sent 1", "finished 1 OK");
    assertThat(fleet.cluster("east").tasksStarted("qmstart", 101)).isEqualTo(1);
  }

  @Test
  void aTaskStillRunningAfterItsBudgetIsNoLongerFollowed() {
    fleet.cluster("east").setTaskDuration(Duration.ofMinutes(10));
    GuestActionExecutor executor = shortSteps(Duration.ofMillis(500));
    PlannedAction start = action(GuestAction.START, 101, "db");

    ReconcileResult last = executor.execute(start, "abc").block();
    for (int run = 0; run < 10 && last instanceof ReconcileResult.RequeueAfter; run++) {
      last = executor.execute(start, "abc").block();
    }

    assertThat(last)
        .isInstanceOfSatisfying(
            ReconcileResult.Failed.class,
            r -> assertThat(r.reason()).contains("still running after").contains("START"));
    assertThat(journal.calls).hasSize(3).last().asString().startsWith("finished 1 task still");
    assertThat(fleet.cluster("east").tasksStarted("qmstart", 101))
        .as("given up on following, never sent again")
        .isEqualTo(1);
  }

  @Test
  void aLockedGuestIsRetryableAndSucceedsOnceTheLockClears() {
    fleet.cluster("east").setLock(101, "backup");

    ReconcileResult first = executor.execute(action(GuestAction.START, 101, "db"), "abc").block();

    assertThat(first)
        .isInstanceOfSatisfying(
            ReconcileResult.Retryable.class,
            r -> assertThat(r.reason()).isEqualTo("VM is locked (backup)"));
    fleet.cluster("east").setLock(101, null);
    assertThat(executor.execute(action(GuestAction.START, 101, "db"), "abc").block())
        .isInstanceOf(ReconcileResult.Done.class);
  }

  @Test
  void afterARestartASentActionIsFollowedNotSentAgain() {
    // The controller journaled the action, sent it, and died before recording the task.
    PlannedAction shutdown = action(GuestAction.SHUTDOWN, 102, "web");
    journal.leftPlanned(GuestJournalCodec.encode(shutdown));
    client("ctl@pve!ctl", "5f1a-secret")
        .power("pve1", GuestType.QEMU, 102, PowerAction.SHUTDOWN)
        .block();

    GuestActionExecutor restarted = executor("ctl@pve!ctl", "5f1a-secret");
    ReconcileResult result = restarted.execute(shutdown, "abc").block();

    assertThat(result).isInstanceOf(ReconcileResult.Done.class);
    assertThat(fleet.cluster("east").tasksStarted("qmshutdown", 102)).isEqualTo(1);
    assertThat(journal.calls).containsExactly("sent 1", "finished 1 OK");
    assertThat(fleet.cluster("east").guest(102).orElseThrow().status()).isEqualTo("stopped");
  }

  @Test
  void afterARestartAnActionThatNeverLeftIsMarkedAndSentOnTheNextRun() {
    PlannedAction start = action(GuestAction.START, 101, "db");
    journal.leftPlanned(GuestJournalCodec.encode(start));

    ReconcileResult settled = executor.execute(start, "abc").block();

    assertThat(settled).isInstanceOf(ReconcileResult.RequeueAfter.class);
    assertThat(journal.calls).containsExactly("notSent 1");
    assertThat(fleet.cluster("east").tasksStarted("qmstart", 101)).isZero();
    assertThat(executor.execute(start, "abc").block()).isInstanceOf(ReconcileResult.Done.class);
    assertThat(fleet.cluster("east").tasksStarted("qmstart", 101)).isEqualTo(1);
  }

  @Test
  void aRefusalIsFailedAndJournaledAsNotSent() {
    ReconcileResult result =
        executor("ro@pve!ro", "ro-secret")
            .execute(action(GuestAction.START, 101, "db"), "abc")
            .block();

    assertThat(result)
        .isInstanceOfSatisfying(
            ReconcileResult.Failed.class,
            f ->
                assertThat(f.reason())
                    .contains("Permission check failed (/vms/101, VM.PowerMgmt)"));
    assertThat(journal.calls).containsExactly("planned 1", "notSent 1");
  }
}
