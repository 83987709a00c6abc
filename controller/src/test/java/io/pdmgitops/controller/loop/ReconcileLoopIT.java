package io.pdmgitops.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.git.GitSource;
import io.pdmgitops.controller.git.GitSourceSettings;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.queue.ExecutorTimers;
import io.pdmgitops.controller.queue.ReconcileQueue;
import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.controller.store.SchemaMigrator;
import io.pdmgitops.controller.store.StoreActionJournal;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.guest.GuestActionExecutor;
import io.pdmgitops.reconcilers.remote.DeclaredRemotes;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop end to end, without the web layer: a real Git repository, the simulated fleet over
 * HTTPS, the journal on H2. Commits change the fleet; bad commits and mismatched names change
 * nothing.
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
      """;

  @TempDir Path upstream;
  @TempDir Path work;
  SimulatedFleet fleet;
  Git git;
  JdbcStatusStore store;
  SnapshotTracker snapshots;
  GitPoller poller;
  ReconcileLoop loop;
  ExecutorTimers timers;

  @BeforeEach
  void start() throws Exception {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call();
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:file:" + work.resolve("status"));
    SchemaMigrator.migrate(db);
    store = new JdbcStatusStore(db);
    StoreActionJournal journal = new StoreActionJournal(store, Clock.systemUTC());
    snapshots = new SnapshotTracker(new DesiredStateLoader());
    RemoteClients clients =
        new RemoteClients(
            new SecretResolver(Map.of("EAST_TOKEN", "e2e-secret")), ClientSettings.defaults());
    timers = new ExecutorTimers();
    GuestActionExecutor executor =
        new GuestActionExecutor(
            new DeclaredRemotes(snapshots::state, clients), journal, Duration.ofMillis(100));
    loop =
        new ReconcileLoop(
            snapshots,
            new InventoryCollector(clients, Clock.systemUTC(), 4),
            executor,
            journal,
            LoopSettings.defaults().withPollInterval(Duration.ofMillis(500)),
            reconciler ->
                new ReconcileQueue<>(
                    reconciler,
                    RetryPolicy.defaults(),
                    timers,
                    () -> ThreadLocalRandom.current().nextDouble(),
                    8,
                    Duration.ofMinutes(1)),
            Clock.systemUTC());
    poller =
        new GitPoller(
            new GitSource(
                GitSourceSettings.of(upstream.toUri().toString(), "main", work.resolve("git"))),
            snapshots,
            Duration.ofHours(1),
            0,
            () -> 0.5,
            outcome -> {
              store.recordCommit(outcome, java.time.Instant.now());
              loop.onCommit(outcome);
            },
            e -> {});
  }

  @AfterEach
  void stop() {
    loop.close();
    poller.close();
    timers.close();
    fleet.close();
    git.close();
  }

  String commit(String guests, String message) throws Exception {
    String remote =
        """
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata: {name: east}
        spec:
          type: pve
          endpoints: [{url: "%s", fingerprint: "%s"}]
          token: {id: ctl@pve!ctl, secret: {env: EAST_TOKEN}}
        """
            .formatted(fleet.endpoints("east").get(0), fleet.fingerprint("east"));
    Files.writeString(upstream.resolve("remote.yaml"), remote);
    Files.writeString(upstream.resolve("guests.yaml"), guests);
    git.add().addFilepattern(".").call();
    PersonIdent alice = new PersonIdent("Alice", "alice@corp.example");
    return git.commit().setMessage(message).setAuthor(alice).setCommitter(alice).call().getName();
  }

  static String guest(String name, int vmid, String power) {
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata: {name: %s}
        spec: {remote: east, vmid: %d, type: qemu, name: %s, power: %s}
        """
        .formatted(name, vmid, name, power);
  }

  @Test
  void aCommitThatStopsAGuestStopsItAndTheActionIsLinkedToTheCommit() throws Exception {
    commit(guest("web", 100, "running") + guest("db", 101, "stopped"), "baseline");
    poller.start();
    loop.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> loop.latestReport().map(r -> r.count(SyncStatus.SYNCED) == 3).orElse(false));

    String sha = commit(guest("web", 100, "stopped") + guest("db", 101, "stopped"), "stop web");
    poller.trigger();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fleet.cluster("east").guest(100).orElseThrow().status().equals("stopped"));
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JournalEntry action = store.recentActions(10).get(0);
              assertThat(action.commitSha()).isEqualTo(sha);
              assertThat(action.exitStatus()).contains("OK");
              assertThat(action.upid())
                  .hasValueSatisfying(u -> assertThat(u).contains(":qmshutdown:100:"));
            });
    assertThat(fleet.cluster("east").tasksStarted("qmshutdown", 100)).isEqualTo(1);
  }

  @Test
  void anActionLeftUnfinishedByAPreviousRunIsSettledNotResent() throws Exception {
    // A previous controller journaled a start of db and died before sending it.
    long id =
        store.journal(
            new io.pdmgitops.model.plan.PlannedAction(
                new ObjectRef(Kind.GUEST, "db"),
                new io.pdmgitops.model.drift.GuestLocation(
                    "east",
                    "pve1",
                    io.pdmgitops.model.desired.GuestType.QEMU,
                    101,
                    io.pdmgitops.model.observed.ObservedPower.STOPPED),
                io.pdmgitops.model.plan.ActionKind.START,
                "power: want running, is stopped",
                java.util.Optional.empty()),
            "old",
            java.time.Instant.now());
    commit(guest("db", 101, "stopped"), "db stays stopped now");
    loop.start(); // before any snapshot: settling must wait for one
    poller.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> store.unfinished().isEmpty());

    JournalEntry settled = store.recentActions(10).get(0);
    assertThat(settled.id()).isEqualTo(id);
    assertThat(settled.state()).isEqualTo(io.pdmgitops.controller.store.JournalState.NOT_SENT);
    assertThat(fleet.cluster("east").tasksStarted("qmstart", 101)).isZero();
  }

  @Test
  void anInvalidCommitChangesNothingAndTheLastGoodSnapshotStays() throws Exception {
    String good = commit(guest("web", 100, "running"), "baseline");
    poller.start();
    loop.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> loop.latestReport().isPresent());

    commit(guest("web", 100, "stoped"), "typo");
    poller.trigger();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> snapshots.latest().map(o -> o instanceof CommitOutcome.Rejected).orElse(false));
    loop.runCycle();

    assertThat(snapshots.lastGood().orElseThrow().commit().sha()).isEqualTo(good);
    assertThat(fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("running");
    assertThat(store.recentActions(10)).isEmpty();
    assertThat(store.recentCommits(10).get(0).valid()).isFalse();
    assertThat(store.problems(store.recentCommits(10).get(0).commit().sha()))
        .anySatisfy(
            p -> assertThat(p.message()).isEqualTo("'stoped' is not one of: running, stopped"));
  }

  @Test
  void aNameThatDiffersBlocksEveryAction() throws Exception {
    fleet.cluster("east").renameGuest(101, "someone-else");
    commit(guest("db", 101, "running"), "start db");
    poller.start();
    loop.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var status =
                  loop.latestReport()
                      .orElseThrow()
                      .status(new ObjectRef(Kind.GUEST, "db"))
                      .orElseThrow();
              assertThat(status.health()).isEqualTo(Health.DEGRADED);
            });
    loop.runCycle();
    assertThat(fleet.cluster("east").tasksStarted("qmstart", 101)).isZero();
    assertThat(store.recentActions(10)).isEmpty();
    assertThat(fleet.cluster("east").guest(101).orElseThrow().status()).isEqualTo("stopped");
  }

  @Test
  void aRemoteThatIsDownMakesItsGuestsUnknownAndRecovers() throws Exception {
    commit(guest("web", 100, "running"), "baseline");
    poller.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> snapshots.state().isPresent());
    fleet.setDown("east", true);

    loop.runCycle();

    var status =
        loop.latestReport().orElseThrow().status(new ObjectRef(Kind.GUEST, "web")).orElseThrow();
    assertThat(status.sync()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(status.actionable()).isFalse();
    assertThat(store.recentActions(10)).isEmpty();
    fleet.setDown("east", false);
  }
}
