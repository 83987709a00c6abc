package io.pdmgitops.controller.loop;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.conditions.RemoteConditions;
import io.pdmgitops.controller.conditions.SourceConditions;
import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.git.GitSource;
import io.pdmgitops.controller.git.GitSourceSettings;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.queue.ExecutorTimers;
import io.pdmgitops.controller.queue.ReconcileQueue;
import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.controller.store.FullDisk;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.controller.store.SchemaMigrator;
import io.pdmgitops.controller.store.StoreActionJournal;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.backupjob.BackupJobReconciler;
import io.pdmgitops.reconcilers.backupjob.WebBackupJobApi;
import io.pdmgitops.reconcilers.engine.KindReconcilers;
import io.pdmgitops.reconcilers.guest.GuestActionExecutor;
import io.pdmgitops.reconcilers.guest.GuestReconciler;
import io.pdmgitops.reconcilers.remote.DeclaredRemotes;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.RemoteReconciler;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The loop wired as the application wires it, without Spring: a real Git repository, the simulated
 * fleet over HTTPS, the store on an H2 file. Every cluster of the fleet file is declared as a
 * Remote whose token is {@code ctl@pve!ctl} with the secret {@code e2e-secret}.
 */
final class LoopHarness implements AutoCloseable {
  static final String TOKEN_ID = "ctl@pve!ctl";
  static final String TOKEN_SECRET = "e2e-secret";

  final SimulatedFleet fleet;
  final Git git;
  final Path upstream;
  final JdbcStatusStore store;
  final SnapshotTracker snapshots;
  final ShiftedClock inventoryClock = new ShiftedClock();

  /** The simulated fleet's own time (its schedules, its task ends), moved on by tests. */
  final ShiftedClock fleetClock = new ShiftedClock();

  final InventoryCollector inventory;
  final GitPoller poller;
  final ReconcileLoop loop;
  private final ExecutorTimers timers = new ExecutorTimers();
  final RemoteClients clients;
  final Conditions conditions = new Conditions(Clock.systemUTC());

  /** Changes the fleet behind the controller's back, as an HA manager or a user would. */
  final java.util.concurrent.ScheduledExecutorService outsideActor =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

  LoopHarness(String fleetYaml, Path upstream, Path work) throws Exception {
    this(fleetYaml, upstream, work, Duration.ofMillis(500));
  }

  /** The same, cycling on this interval: an hour leaves only commits and actions to poll. */
  LoopHarness(String fleetYaml, Path upstream, Path work, Duration pollInterval) throws Exception {
    this.upstream = upstream;
    fleet = SimulatedFleet.start(FleetConfigReader.parse(fleetYaml), fleetClock);
    git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call();
    // On a disk that can fill up (FullDisk.fill), otherwise a plain H2 file.
    FullDisk.register();
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:fulldisk:" + work.resolve("status"));
    SchemaMigrator.migrate(db);
    store = new JdbcStatusStore(db);
    StoreActionJournal journal = new StoreActionJournal(store, Clock.systemUTC());
    snapshots = new SnapshotTracker(DesiredStateLoader.withFileCache());
    Map<String, String> secrets =
        fleet.remoteNames().stream()
            .collect(Collectors.toMap(LoopHarness::tokenEnv, n -> TOKEN_SECRET));
    // Connections live half a second, so a fault reaches the next call, not one a minute later.
    clients =
        new RemoteClients(
            new SecretResolver(secrets),
            ClientSettings.defaults().withConnectionLifetime(Duration.ofMillis(500)));
    inventory = new InventoryCollector(clients, inventoryClock, 4);
    GuestActionExecutor executor =
        new GuestActionExecutor(
            new DeclaredRemotes(snapshots::state, clients), journal, Duration.ofMillis(100));
    loop =
        new ReconcileLoop(
            snapshots,
            inventory,
            new KindReconcilers(
                List.of(
                    new RemoteReconciler(),
                    new GuestReconciler(executor),
                    new BackupJobReconciler(
                        name ->
                            new WebBackupJobApi(
                                new DeclaredRemotes(snapshots::state, clients).transport(name)),
                        journal),
                    new io.pdmgitops.reconcilers.firewall.FirewallReconciler(
                        name ->
                            new io.pdmgitops.reconcilers.firewall.WebFirewallApi(
                                new DeclaredRemotes(snapshots::state, clients).transport(name)),
                        journal))),
            journal,
            LoopSettings.defaults()
                .withPollInterval(pollInterval)
                .withFailureBackOff(
                    new RetryPolicy(
                        Integer.MAX_VALUE, Duration.ofSeconds(2), 2, Duration.ofSeconds(4), 0.2)),
            (reconciler, budget) ->
                new ReconcileQueue<>(
                    reconciler,
                    RetryPolicy.defaults(),
                    timers,
                    () -> 0.5,
                    8,
                    LoopSettings.defaults().actionsPerRemote(),
                    budget),
            Clock.systemUTC());
    loop.observe(new RemoteConditions(conditions));
    SourceConditions source = new SourceConditions(conditions, "upstream");
    poller =
        new GitPoller(
            new GitSource(
                GitSourceSettings.of(upstream.toUri().toString(), "main", work.resolve("git"))),
            snapshots,
            Duration.ofHours(1),
            0,
            () -> 0.5,
            outcome -> {
              source.commit(outcome);
              store.recordCommit(outcome, Instant.now());
              loop.onCommit(outcome);
            },
            source::fetched);
  }

  static String tokenEnv(String remote) {
    return remote.toUpperCase(java.util.Locale.ROOT) + "_TOKEN";
  }

  void start() {
    poller.start();
    loop.start();
  }

  /** Commits one Remote document per simulated cluster and the given guest documents. */
  String commit(String guests, String message) throws Exception {
    return commit(guests, message, null);
  }

  /** The same with one more file, {@code extra.yaml}, holding any text at all (or none). */
  String commit(String guests, String message, String extraFile) throws Exception {
    Path extra = upstream.resolve("extra.yaml");
    if (extraFile == null) {
      Files.deleteIfExists(extra);
    } else {
      Files.writeString(extra, extraFile);
    }
    StringBuilder remotes = new StringBuilder();
    for (String name : fleet.remoteNames()) {
      remotes.append(
          """
          ---
          apiVersion: pdm-gitops/v1
          kind: Remote
          metadata: {name: %s}
          spec:
            type: %s
            endpoints: [{url: "%s", fingerprint: "%s"}]
            token: {id: %s, secret: {env: %s}}
          """
              .formatted(
                  name,
                  fleet.isBackupServer(name) ? "pbs" : "pve",
                  fleet.endpoints(name).get(0),
                  fleet.fingerprint(name),
                  TOKEN_ID,
                  tokenEnv(name)));
    }
    Files.writeString(upstream.resolve("remotes.yaml"), remotes.toString());
    Files.writeString(upstream.resolve("guests.yaml"), guests);
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call(); // removals too
    PersonIdent alice = new PersonIdent("Alice", "alice@corp.example");
    return git.commit().setMessage(message).setAuthor(alice).setCommitter(alice).call().getName();
  }

  /** A Guest document on east; {@code extra} is more YAML for its spec, e.g. "policy: report". */
  static String guest(String name, int vmid, String power, String... extra) {
    StringBuilder spec =
        new StringBuilder(
            "  remote: east\n  vmid: %d\n  type: qemu\n  name: %s\n  power: %s\n"
                .formatted(vmid, name, power));
    for (String line : extra) {
      spec.append("  ").append(line).append('\n');
    }
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata: {name: %s}
        spec:
        %s"""
        .formatted(name, spec);
  }

  Optional<ResourceStatus> status(String guest) {
    return loop.latestReport().flatMap(r -> r.status(new ObjectRef(Kind.GUEST, guest)));
  }

  List<JournalEntry> actions() {
    return store.recentActions(100);
  }

  @Override
  public void close() {
    loop.close();
    poller.close();
    timers.close();
    clients.close();
    fleet.close();
    git.close();
  }
}
