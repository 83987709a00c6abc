package io.pdmgitops.controller.loop;

import static io.pdmgitops.controller.loop.LoopHarness.guest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.conditions.ConditionKind;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.controller.store.JournalState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.GuestField;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import io.pdmgitops.reconcilers.guest.GuestJournalCodec;
import io.pdmgitops.reconcilers.pve.PowerAction;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.WebPveClient;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteBackOff;
import io.pdmgitops.simulator.http.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop end to end, without the web layer: a real Git repository, the simulated fleet over
 * HTTPS, the journal on H2. Each test is one promise the issue makes about the running loop.
 */
class ReconcileLoopIT {
  static final String FLEET =
      """
      taskDuration: 200ms
      clusters:
        - name: east
          certificate: sim-1
          nodes: [{name: pve1}]
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running}
            - {vmid: 101, name: db, type: qemu, node: pve1, status: stopped}
          tokens: [{id: ctl@pve!ctl, secret: e2e-secret, role: admin}]
        - name: west
          certificate: sim-2
          nodes: [{name: w1}]
          tokens: [{id: ctl@pve!ctl, secret: e2e-secret, role: admin}]
      """;

  @TempDir Path upstream;
  @TempDir Path work;
  LoopHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LoopHarness(FLEET, upstream, work);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** A start of db (101), as a previous run or a lost answer left it in the journal. */
  static JournaledAction startDb() {
    return GuestJournalCodec.encode(
        PlannedAction.guest(
            new ObjectRef(Kind.GUEST, "db"),
            new GuestLocation("east", "pve1", GuestType.QEMU, 101, ObservedPower.STOPPED),
            GuestAction.START,
            "power: want running, is stopped",
            Optional.empty()));
  }

  void awaitSynced(String guest) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.status(guest).map(s -> s.sync() == SyncStatus.SYNCED).orElse(false));
  }

  @Test
  void aCommitThatStopsAGuestStopsItAndTheActionIsLinkedToTheCommit() throws Exception {
    h.commit(guest("web", 100, "running") + guest("db", 101, "stopped"), "baseline");
    h.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.loop.latestReport().map(r -> r.count(SyncStatus.SYNCED) == 4).orElse(false));

    String sha = h.commit(guest("web", 100, "stopped") + guest("db", 101, "stopped"), "stop web");
    h.poller.trigger();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JournalEntry action = h.actions().get(0);
              assertThat(action.commitSha()).isEqualTo(sha);
              assertThat(action.exitStatus()).contains("OK");
              assertThat(action.upid())
                  .hasValueSatisfying(u -> assertThat(u).contains(":qmshutdown:100:"));
            });
    assertThat(h.fleet.cluster("east").tasksStarted("qmshutdown", 100)).isEqualTo(1);
  }

  @Test
  void aCommitPollsEachTouchedRemoteOnceAndAnEndedActionIsObservedAtOnce() throws Exception {
    h.close();
    // No periodic cycle within the test, and a shutdown that outlasts the commit's full cycle.
    h =
        new LoopHarness(
            FLEET.replace("taskDuration: 200ms", "taskDuration: 3s"),
            Files.createDirectories(upstream.resolve("hourly")),
            Files.createDirectories(work.resolve("hourly")),
            Duration.ofHours(1));
    h.commit(guest("web", 100, "running") + guest("db", 101, "stopped"), "baseline");
    h.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.loop.latestReport().map(r -> r.count(SyncStatus.SYNCED) == 4).orElse(false));
    long eastBefore = sweeps("east");
    long westBefore = sweeps("west");

    h.commit(guest("web", 100, "stopped") + guest("db", 101, "stopped"), "stop web");
    h.poller.trigger();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
    await()
        .atMost(Duration.ofSeconds(10))
        .alias("the report shows the stop without waiting an hour for the next cycle")
        .until(() -> h.status("web").map(s -> s.sync() == SyncStatus.SYNCED).orElse(false));
    assertThat(sweeps("east") - eastBefore)
        .as("east: the commit's focused pass, then once after the shutdown ended")
        .isEqualTo(2);
    assertThat(sweeps("west") - westBefore).as("west: the full cycle after the commit").isOne();
  }

  /** How often the remote's inventory was read. */
  long sweeps(String remote) {
    return h.fleet.requests(remote).stream()
        .filter(r -> r.path().endsWith("/cluster/resources"))
        .count();
  }

  @Test
  void aPausedVmIsShownPausedThenResumedOrStoppedAsGitSays() throws Exception {
    h.commit(guest("web", 100, "running"), "baseline");
    h.start();
    awaitSynced("web");

    // Paused on the node (a user, a backup in suspend mode): /cluster/resources still says running.
    h.fleet.cluster("east").setPower(100, "paused");
    h.inventoryClock.advance(InventoryCollector.PAUSED_SCAN_INTERVAL); // seen at the next scan
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").tasksStarted("qmresume", 100) == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> h.fleet.cluster("east").guest(100).orElseThrow().qmpstatus().equals("running"));
    awaitSynced("web");

    // Paused again, and now Git wants it stopped: a stop, as PVE refuses to shut a paused VM down.
    h.loop.suspend(true);
    h.fleet.cluster("east").setPower(100, "paused");
    h.inventoryClock.advance(InventoryCollector.PAUSED_SCAN_INTERVAL);
    h.commit(guest("web", 100, "stopped"), "stop web");
    h.poller.trigger();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                h.status("web")
                    .map(s -> s.message().contains("power: want stopped, is paused"))
                    .orElse(false));
    h.loop.suspend(false);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
    awaitSynced("web");
    assertThat(h.fleet.cluster("east").tasksStarted("qmstop", 100)).isEqualTo(1);
    assertThat(h.fleet.cluster("east").tasksStarted("qmshutdown", 100)).isZero();
  }

  @Test
  void anActionLeftUnfinishedByAPreviousRunIsSettledNotResent() throws Exception {
    // A previous controller journaled a start of db and died before sending it.
    long id = h.store.journal(startDb(), "old", Instant.now());
    h.commit(guest("db", 101, "stopped"), "db stays stopped now");
    h.loop.start(); // before any snapshot: settling must wait for one
    h.poller.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> h.store.unfinished().isEmpty());

    JournalEntry settled = h.actions().get(0);
    assertThat(settled.id()).isEqualTo(id);
    assertThat(settled.state()).isEqualTo(JournalState.NOT_SENT);
    assertThat(h.fleet.cluster("east").tasksStarted("qmstart", 101)).isZero();
  }

  @Test
  void aControllerStoppedWhileItsTaskRunsLeavesTheActionToBeFollowedNotFailed() throws Exception {
    h.close();
    h =
        new LoopHarness(
            FLEET.replace("taskDuration: 200ms", "taskDuration: 3s"),
            upstream.resolve("slow"),
            work.resolve("slow"));
    h.commit(guest("web", 100, "running"), "baseline");
    h.start();
    awaitSynced("web");
    h.commit(guest("web", 100, "stopped"), "stop web");
    h.poller.trigger();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !h.actions().isEmpty() && h.actions().get(0).upid().isPresent());

    h.loop.close(); // as at a graceful shutdown, with the task still running on the node

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
    Thread.sleep(500); // a follow that was not cut off would record the end now
    JournalEntry open = h.actions().get(0);
    assertThat(open.state()).isEqualTo(JournalState.SENT);
    assertThat(open.exitStatus()).isEmpty();
    assertThat(h.store.unfinished()).extracting(JournalEntry::id).containsExactly(open.id());
  }

  @Test
  void anInvalidCommitChangesNothingAndTheLastGoodSnapshotStays() throws Exception {
    String good = h.commit(guest("web", 100, "running"), "baseline");
    h.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> h.loop.latestReport().isPresent());

    h.commit(guest("web", 100, "stoped"), "typo");
    h.poller.trigger();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> h.snapshots.latest().map(o -> o instanceof CommitOutcome.Rejected).orElse(false));
    h.loop.runCycle();

    assertThat(h.snapshots.lastGood().orElseThrow().commit().sha()).isEqualTo(good);
    assertThat(h.fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("running");
    assertThat(h.actions()).isEmpty();
    assertThat(h.store.recentCommits(10).get(0).valid()).isFalse();
    assertThat(h.store.problems(h.store.recentCommits(10).get(0).commit().sha()))
        .anySatisfy(
            p -> assertThat(p.message()).isEqualTo("'stoped' is not one of: running, stopped"));
  }

  @Test
  void aNameThatDiffersBlocksEveryAction() throws Exception {
    h.fleet.cluster("east").renameGuest(101, "someone-else");
    h.commit(guest("db", 101, "running"), "start db");
    h.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.status("db").map(s -> s.health() == Health.DEGRADED).orElse(false));
    h.loop.runCycle();
    assertThat(h.fleet.cluster("east").tasksStarted("qmstart", 101)).isZero();
    assertThat(h.actions()).isEmpty();
    assertThat(h.fleet.cluster("east").guest(101).orElseThrow().status()).isEqualTo("stopped");
  }

  @Test
  void aRemoteThatIsDownMakesItsGuestsUnknownAndRecoversByItself() throws Exception {
    h.commit(guest("web", 100, "running"), "baseline");
    h.fleet.setDown("east", true);
    h.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.status("web").map(s -> s.sync() == SyncStatus.UNKNOWN).orElse(false));
    assertThat(h.status("web").orElseThrow().actionable()).isFalse();
    assertThat(h.inventory.nextAllowedPoll("east")).isPresent();
    assertThat(h.conditions.active())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(ConditionKind.REMOTE_UNREACHABLE);
              assertThat(c.subject()).isEqualTo("east");
              assertThat(c.message()).startsWith("unreachable: ");
            });

    // Back up, and while it was down Git asked for a change: nothing happens before the back-off
    // ends, then the remote is polled again by itself and the change is made.
    h.fleet.setDown("east", false);
    h.commit(guest("web", 100, "stopped"), "stop web");
    h.poller.trigger();
    h.loop.runCycle();
    assertThat(h.status("web").orElseThrow().sync()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(h.fleet.cluster("east").tasksStarted("qmshutdown", 100)).isZero();

    h.inventoryClock.advance(RemoteBackOff.BASE.plusSeconds(1));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
    awaitSynced("web");
    assertThat(h.inventory.nextAllowedPoll("east")).isEmpty();
    assertThat(h.conditions.active()).as("ended once east answers again").isEmpty();
  }

  @Test
  void aLockedGuestIsRetriedWithBackOffAndChangedOnceTheLockClears() throws Exception {
    h.fleet.cluster("east").setLock(100, "backup");
    h.commit(guest("web", 100, "stopped"), "stop web during a backup");
    h.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                h.actions().stream()
                        .filter(a -> a.exitStatus().orElse("").contains("is locked (backup)"))
                        .count()
                    >= 2);
    // Cycles every 500 ms, yet the retries wait for the back-off across cycles: 2 s (+-20 %).
    List<JournalEntry> attempts = h.actions();
    Instant first = attempts.get(attempts.size() - 1).createdAt();
    Instant second = attempts.get(attempts.size() - 2).createdAt();
    assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(1550));
    assertThat(h.loop.failures().of(new ObjectRef(Kind.GUEST, "web")))
        .hasValueSatisfying(
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.attempts()).isGreaterThanOrEqualTo(2);
              assertThat(f.lastError()).contains("is locked (backup)");
              assertThat(f.nextRetry()).isPresent();
            });
    assertThat(h.fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("running");
    assertThat(h.status("web").orElseThrow().health()).isEqualTo(Health.PROGRESSING);

    h.fleet.cluster("east").setLock(100, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
    awaitSynced("web");
    assertThat(h.actions().get(0).exitStatus()).contains("OK");
    assertThat(h.actions()).filteredOn(a -> a.exitStatus().equals(Optional.of("OK"))).hasSize(1);
  }

  /** East with a token that may only read: every power call is refused with 403. */
  static final String READ_ONLY_FLEET = FLEET.replace("role: admin", "role: audit");

  @Test
  void aRefusedCallIsSentOnceAndAgainOnlyWhenGitChanges(
      @TempDir Path otherUpstream, @TempDir Path otherWork) throws Exception {
    h.close();
    h = new LoopHarness(READ_ONLY_FLEET, otherUpstream, otherWork);
    AtomicInteger cycles = new AtomicInteger();
    h.loop.observe(
        new LoopObserver() {
          @Override
          public void cycleFinished(Duration took) {
            cycles.incrementAndGet();
          }
        });
    h.commit(guest("web", 100, "stopped"), "stop web");
    h.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> shutdownCalls().size() == 1);
    int seen = cycles.get();
    await().atMost(Duration.ofSeconds(30)).until(() -> cycles.get() >= seen + 8);
    assertThat(shutdownCalls()).as("8 cycles later, still the one refused call").hasSize(1);
    assertThat(shutdownCalls().get(0).status()).isEqualTo(403);
    assertThat(h.actions()).hasSize(1);
    assertThat(h.loop.failures().of(new ObjectRef(Kind.GUEST, "web")))
        .hasValueSatisfying(
            f -> {
              assertThat(f.permanent()).isTrue();
              assertThat(f.attempts()).isEqualTo(1);
              assertThat(f.nextRetry()).isEmpty();
            });

    // A change of the guest's desired object is the operator's answer: try once more.
    h.commit(guest("web", 100, "stopped", "policy: enforce"), "stop web, enforced");
    h.poller.trigger();
    await().atMost(Duration.ofSeconds(20)).until(() -> shutdownCalls().size() == 2);
    int after = cycles.get();
    await().atMost(Duration.ofSeconds(30)).until(() -> cycles.get() >= after + 8);
    assertThat(shutdownCalls()).hasSize(2);
  }

  List<LoggedRequest> shutdownCalls() {
    return h.fleet.requests("east").stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/status/shutdown"))
        .toList();
  }

  @Test
  void anActionWhoseAnswerWasLostIsResolvedFromTheTaskListOnceTheGuestIsSeenAgain()
      throws Exception {
    h.commit(guest("db", 101, "running", "policy: report"), "db is reported, never acted on");
    h.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> h.status("db").isPresent());

    // While the loop runs, a start of db reaches the remote but its answer is lost: the journal
    // has the row as planned, the remote has the task.
    long id = h.store.journal(startDb(), "lost", Instant.now());
    PveClient ours =
        new WebPveClient(
            new ProxmoxTransport(
                new RemoteConnection(
                    "east",
                    Product.PVE,
                    List.of(
                        ApiEndpoint.pinned(
                            h.fleet.endpoints("east").get(0), h.fleet.fingerprint("east"))),
                    new ApiToken(LoopHarness.TOKEN_ID, LoopHarness.TOKEN_SECRET)),
                ClientSettings.defaults()));
    ours.power("pve1", GuestType.QEMU, 101, PowerAction.START).block();

    await().atMost(Duration.ofSeconds(20)).until(() -> h.store.unfinished().isEmpty());
    JournalEntry resolved = h.actions().get(0);
    assertThat(resolved.id()).isEqualTo(id);
    assertThat(resolved.actionName()).isEqualTo("START");
    assertThat(resolved.state()).isEqualTo(JournalState.FINISHED);
    assertThat(resolved.upid()).hasValueSatisfying(u -> assertThat(u).contains(":qmstart:101:"));
    assertThat(h.fleet.cluster("east").tasksStarted("qmstart", 101)).isEqualTo(1);
  }

  @Test
  void aRemoteThatHangsDelaysNeitherTheOthersPollsNorTheirActions() throws Exception {
    // west accepts connections and never answers: its poll is out until the client gives up
    // (30 s to the headers), far longer than this test waits.
    h.fleet.setFaults(
        "west",
        new io.pdmgitops.simulator.config.FaultConfig(
            Duration.ZERO, 0, false, true, Duration.ZERO, java.util.Map.of()));
    h.commit(guest("db", 101, "running"), "db should run");
    Instant started = Instant.now();
    h.start();

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> h.fleet.cluster("east").guest(101).orElseThrow().status().equals("running"));
    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
    int eastPolls = clusterPolls("east");
    await().atMost(Duration.ofSeconds(10)).until(() -> clusterPolls("east") >= eastPolls + 3);
    assertThat(clusterPolls("west"))
        .as("one poll of the hanging remote is out at a time, not one per cycle")
        .isEqualTo(1);
    assertThat(h.status("db").orElseThrow().sync()).isEqualTo(SyncStatus.SYNCED);
  }

  int clusterPolls(String remote) {
    return (int)
        h.fleet.requests(remote).stream()
            .filter(r -> r.path().equals("/cluster/resources"))
            .count();
  }

  @Test
  void theOperatorsSuspendStopsEveryActionUntilResumed() throws Exception {
    SuspendSwitch suspend = new SuspendSwitch(work);
    h.loop.suspendWhile(suspend::isOn);
    suspend.suspend("storage maintenance", Instant.now());
    h.commit(guest("web", 100, "stopped"), "stop web");
    h.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.status("web").map(s -> s.sync() == SyncStatus.OUT_OF_SYNC).orElse(false));
    h.loop.runCycle();
    assertThat(h.loop.isSuspended()).isTrue();
    assertThat(h.actions()).isEmpty();
    assertThat(h.fleet.cluster("east").tasksStarted("qmshutdown", 100)).isZero();

    suspend.resume();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
  }

  @Test
  void aCommitIsActedOnFromAPollOfOnlyTheRemotesItTouches() throws Exception {
    h.commit(guest("web", 100, "running"), "baseline");
    h.start();
    awaitSynced("web");
    // west answers slowly now: a full cycle takes more than 3 s, a poll of east alone does not.
    h.fleet.setFaults(
        "west",
        new io.pdmgitops.simulator.config.FaultConfig(
            Duration.ofSeconds(3), 0, false, false, Duration.ZERO, java.util.Map.of()));

    h.commit(guest("web", 100, "stopped"), "stop web");
    Instant triggered = Instant.now();
    h.poller.trigger();

    await().atMost(Duration.ofSeconds(10)).until(() -> !h.actions().isEmpty());
    assertThat(Duration.between(triggered, h.actions().get(0).createdAt()))
        .as("planned from the focused poll of east, before the slow full cycle ends")
        .isLessThan(Duration.ofMillis(2_500));
    assertThat(h.actions().get(0).actionName()).isEqualTo("SHUTDOWN");
  }

  @Test
  void aRetryNeverCarriesOutAPlanThatGitHasDroppedMeanwhile() throws Exception {
    h.fleet.cluster("east").setLock(100, "backup");
    h.commit(guest("web", 100, "stopped"), "stop web during a backup");
    h.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").tasksStarted("qmshutdown", 100) >= 1);

    // The operator reverts while the shutdown waits for its retry; then the backup ends.
    h.commit(guest("web", 100, "running"), "revert: keep web running");
    h.poller.trigger();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                h.status("web")
                    .map(s -> s.sync() == SyncStatus.SYNCED && s.drifts().isEmpty())
                    .orElse(false));
    long attempts = h.fleet.cluster("east").tasksStarted("qmshutdown", 100);
    h.fleet.cluster("east").setLock(100, null);

    // Longer than every retry delay of the default policy's first attempts (2 s, 3 s).
    Instant until = Instant.now().plusSeconds(6);
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(until));
    assertThat(h.fleet.cluster("east").tasksStarted("qmshutdown", 100)).isEqualTo(attempts);
    assertThat(h.fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("running");
  }

  @Test
  void policyReportShowsTheDriftAndNeverActs() throws Exception {
    h.commit(guest("web", 100, "stopped", "policy: report"), "web should be stopped, report only");
    h.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.status("web").map(s -> s.sync() == SyncStatus.OUT_OF_SYNC).orElse(false));
    var status = h.status("web").orElseThrow();
    assertThat(status.policy()).isEqualTo(DriftPolicy.REPORT);
    assertThat(status.drifts())
        .containsExactly(new FieldDrift(GuestField.POWER, "stopped", "running"));
    for (int i = 0; i < 3; i++) {
      h.loop.runCycle();
    }
    assertThat(h.actions()).isEmpty();
    assertThat(h.fleet.cluster("east").tasksStarted("qmshutdown", 100)).isZero();
    assertThat(h.fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("running");
  }

  @Test
  void restartedAtRebootsTheGuestExactlyOnce() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    await().until(() -> Instant.now().isAfter(now)); // web has run since before the timestamp
    h.commit(guest("web", 100, "running", "restartedAt: " + now), "reboot web for the new kernel");
    h.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.fleet.cluster("east").tasksStarted("qmreboot", 100) == 1);
    awaitSynced("web");
    // Several more polls and cycles: the guest now runs since after the timestamp.
    Instant settled = Instant.now();
    await().until(() -> Instant.now().isAfter(settled.plusSeconds(3)));
    assertThat(h.fleet.cluster("east").tasksStarted("qmreboot", 100)).isEqualTo(1);
    assertThat(h.status("web").orElseThrow().sync()).isEqualTo(SyncStatus.SYNCED);
    assertThat(h.actions())
        .singleElement()
        .satisfies(a -> assertThat(a.actionName()).isEqualTo("REBOOT"));
  }

  @Test
  void aPlacementOnAnotherRemoteMovesTheGuestAcrossClustersOnce() throws Exception {
    h.commit(
        guest(
            "web",
            100,
            "running",
            "placement: {remote: west, node: w1, storageMap: {'*': local-zfs},"
                + " bridgeMap: {'*': vmbr0}}"),
        "move web to west");
    h.start();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> h.fleet.cluster("west").guest(100).isPresent());
    awaitSynced("web");
    var moved = h.fleet.cluster("west").guest(100).orElseThrow();
    assertThat(moved.node()).isEqualTo("w1");
    assertThat(moved.status()).isEqualTo("running");
    assertThat(h.fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("stopped");
    assertThat(h.status("web").orElseThrow().location().orElseThrow().remote()).isEqualTo("west");
    assertThat(h.fleet.cluster("east").tasksStarted("qmigrate", 100)).isEqualTo(1);
    // The guest can look synced on west a moment before the source's task has ended.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(h.actions())
                    .singleElement()
                    .satisfies(
                        a -> {
                          assertThat(a.actionName()).isEqualTo("REMOTE_MIGRATE");
                          assertThat(a.exitStatus()).contains("OK");
                          assertThat(a.reason()).doesNotContain(LoopHarness.TOKEN_SECRET);
                        }));
    assertThat(h.fleet.cluster("east").tasksStarted("qmigrate", 100)).isEqualTo(1);
  }
}
