package io.pdmgitops.controller.app;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.conditions.RemoteConditions;
import io.pdmgitops.controller.conditions.SourceConditions;
import io.pdmgitops.controller.git.CommitFiles;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.git.GitSource;
import io.pdmgitops.controller.git.GitSourceException;
import io.pdmgitops.controller.git.GitSourceSettings;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ActionFailures;
import io.pdmgitops.controller.loop.LoopObserver;
import io.pdmgitops.controller.loop.LoopSettings;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.loop.SuspendSwitch;
import io.pdmgitops.controller.ports.LiveEvents;
import io.pdmgitops.controller.queue.ExecutorTimers;
import io.pdmgitops.controller.queue.ReconcileQueue;
import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.controller.security.BootstrapLogin;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.controller.store.EventType;
import io.pdmgitops.controller.store.JdbcResourceStore;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.StatusRecorder;
import io.pdmgitops.controller.store.StatusRecording;
import io.pdmgitops.controller.store.StoreActionJournal;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.backupjob.BackupJobReconciler;
import io.pdmgitops.reconcilers.backupjob.WebBackupJobApi;
import io.pdmgitops.reconcilers.engine.KindReconcilers;
import io.pdmgitops.reconcilers.firewall.FirewallReconciler;
import io.pdmgitops.reconcilers.firewall.WebFirewallApi;
import io.pdmgitops.reconcilers.guest.GuestActionExecutor;
import io.pdmgitops.reconcilers.guest.GuestReconciler;
import io.pdmgitops.reconcilers.remote.DeclaredRemotes;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.RemoteReconciler;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Git source, inventory, executor, queue and loop, from the properties. */
@Configuration(proxyBeanMethods = false)
class LoopConfiguration {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(LoopConfiguration.class);

  /** Reconciles running at once across the fleet. */
  static final int MAX_CONCURRENT_RECONCILES = 32;

  @Bean(destroyMethod = "close")
  StatusRecording statusRecording(StatusRecorder recorder) {
    return new StatusRecording(recorder);
  }

  @Bean(destroyMethod = "close")
  LiveEvents liveEvents() {
    return new LiveEvents();
  }

  @Bean
  SnapshotTracker snapshotTracker() {
    return new SnapshotTracker(DesiredStateLoader.withFileCache());
  }

  @Bean
  RemoteClients remoteClients(ControllerProperties properties) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(properties.secrets());
    return new RemoteClients(new SecretResolver(environment), ClientSettings.defaults());
  }

  @Bean
  InventoryCollector inventoryCollector(RemoteClients clients, Clock clock) {
    return new InventoryCollector(clients, clock, InventoryCollector.DEFAULT_CONCURRENCY);
  }

  @Bean(destroyMethod = "close")
  ExecutorTimers reconcileTimers() {
    return new ExecutorTimers();
  }

  @Bean
  GuestActionExecutor guestActionExecutor(
      RemoteClients clients, SnapshotTracker snapshots, StoreActionJournal journal) {
    return new GuestActionExecutor(
        new DeclaredRemotes(snapshots::state, clients), journal, GuestActionExecutor.TASK_POLL);
  }

  /**
   * Every kind the controller reconciles, registered here once: the loop, the journal, the store
   * and the pages work for each of them without knowing any.
   */
  @Bean
  KindReconcilers kindReconcilers(
      GuestActionExecutor guests,
      RemoteClients clients,
      SnapshotTracker snapshots,
      StoreActionJournal journal) {
    DeclaredRemotes remotes = new DeclaredRemotes(snapshots::state, clients);
    return new KindReconcilers(
        List.of(
            new RemoteReconciler(),
            new GuestReconciler(guests),
            new BackupJobReconciler(name -> new WebBackupJobApi(remotes.transport(name)), journal),
            new FirewallReconciler(name -> new WebFirewallApi(remotes.transport(name)), journal)));
  }

  @Bean(destroyMethod = "close")
  ReconcileLoop reconcileLoop(
      ControllerProperties properties,
      SnapshotTracker snapshots,
      InventoryCollector inventory,
      KindReconcilers kinds,
      StoreActionJournal journal,
      ExecutorTimers timers,
      StatusRecording recording,
      LiveEvents live,
      Conditions conditions,
      Clock clock) {
    LoopSettings settings =
        new LoopSettings(
            properties.inventoryInterval(),
            properties.defaultPolicy(),
            properties.actionsPerRemote(),
            LoopSettings.DEFAULT_CYCLE_TIMEOUT,
            ActionFailures.BACK_OFF,
            LoopSettings.DEFAULT_REPORT_WAIT);
    ReconcileLoop loop =
        new ReconcileLoop(
            snapshots,
            inventory,
            kinds,
            journal,
            settings,
            (reconciler, budget) ->
                new ReconcileQueue<>(
                    reconciler,
                    RetryPolicy.defaults(),
                    timers,
                    () -> ThreadLocalRandom.current().nextDouble(),
                    MAX_CONCURRENT_RECONCILES,
                    settings.actionsPerRemote(),
                    budget),
            clock);
    loop.suspend(properties.suspended());
    SuspendSwitch operator = new SuspendSwitch(properties.dataDir().toAbsolutePath());
    java.util.concurrent.atomic.AtomicBoolean wasOn =
        new java.util.concurrent.atomic.AtomicBoolean();
    loop.suspendWhile(
        () -> {
          boolean on = operator.isOn();
          if (wasOn.getAndSet(on) != on) {
            if (on) {
              LOG.warn(
                  "suspended by {}: {}",
                  operator.marker(),
                  operator.reason().orElse("no reason given"));
            } else {
              LOG.warn("resumed: {} is gone", operator.marker());
            }
          }
          return on;
        });
    loop.observe(
        new LoopObserver() {
          @Override
          public void reportPublished(DriftReport report, String commitSha) {
            recording.submit(report, Optional.of(commitSha).filter(s -> !s.isEmpty()));
          }
        });
    loop.observe(live);
    loop.observe(new RemoteConditions(conditions));
    return loop;
  }

  @Bean
  GitSource gitSource(ControllerProperties properties) {
    ControllerProperties.Repository repo = properties.repository();
    if (repo == null || repo.url() == null) {
      throw new IllegalStateException("set pdm.repository.url to the desired-state repository");
    }
    return new GitSource(gitSettings(repo, properties.dataDir().resolve("git")));
  }

  @Bean
  CommitFiles commitFiles(GitSource source) {
    return source.files();
  }

  @Bean(destroyMethod = "close")
  GitPoller gitPoller(
      ControllerProperties properties,
      GitSource source,
      SnapshotTracker snapshots,
      ReconcileLoop loop,
      JdbcStatusStore store,
      JdbcResourceStore resources,
      LiveEvents live,
      Conditions conditions,
      PolicyInForce policy,
      BootstrapLogin bootstrap,
      Clock clock) {
    SourceConditions sourceConditions = new SourceConditions(conditions, source.displayUrl());
    return new GitPoller(
        source,
        snapshots,
        properties.repository().pollInterval(),
        0.1,
        () -> ThreadLocalRandom.current().nextDouble(),
        outcome -> {
          sourceConditions.commit(outcome);
          if (outcome instanceof CommitOutcome.Accepted) {
            bootstrap.snapshotAccepted(policy.policy().hasAdminOnRoot());
          }
          store.recordCommit(outcome, clock.instant());
          resources.event(commitEvent(outcome), clock.instant());
          live.commitFetched(outcome.commit().sha());
          loop.onCommit(outcome);
        },
        sourceConditions::fetched);
  }

  /** The repository's settings with its credentials resolved; a missing secret stops the start. */
  static GitSourceSettings gitSettings(ControllerProperties.Repository repo, Path workDir) {
    GitSourceSettings settings =
        GitSourceSettings.of(repo.url(), repo.branch(), workDir)
            .withSubdirectoryIfPresent(repo.subdirectory());
    if (repo.tokenEnv() != null || repo.tokenFile() != null) {
      SecretRef ref =
          new SecretRef(
              Optional.ofNullable(repo.tokenEnv()),
              Optional.ofNullable(repo.tokenFile()).map(Path::toString));
      SecretResolver secrets = new SecretResolver(System.getenv());
      try {
        secrets.resolve(ref); // a token missing at start stops the start
        // Read again at every fetch: a rotated token file needs no restart.
        settings =
            settings.withHttpsToken(
                () -> {
                  try {
                    return secrets.resolve(ref);
                  } catch (SecretResolver.SecretUnavailableException e) {
                    throw new GitSourceException("the repository token: " + e.getMessage());
                  }
                });
      } catch (SecretResolver.SecretUnavailableException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "the repository token (pdm.repository.token-env or token-file, one of them): "
                + e.getMessage());
      }
    }
    if (repo.sshKeyFile() != null || repo.knownHostsFile() != null) {
      if (repo.sshKeyFile() == null || repo.knownHostsFile() == null) {
        throw new IllegalStateException(
            "set both pdm.repository.ssh-key-file and pdm.repository.known-hosts-file");
      }
      settings =
          settings.withSsh(
              new GitSourceSettings.SshCredentials(repo.sshKeyFile(), repo.knownHostsFile()));
    }
    return settings;
  }

  private static JdbcResourceStore.NewEvent commitEvent(CommitOutcome outcome) {
    boolean accepted = outcome instanceof CommitOutcome.Accepted;
    String subject = outcome.commit().message().lines().findFirst().orElse("");
    return new JdbcResourceStore.NewEvent(
        accepted ? EventType.COMMIT_ACCEPTED : EventType.COMMIT_REJECTED,
        Optional.empty(),
        Optional.of(outcome.commit().sha()),
        (accepted
                ? "accepted: "
                : "rejected ("
                    + ((CommitOutcome.Rejected) outcome).problems().size()
                    + " problems): ")
            + subject);
  }

  @Bean
  ControllerLifecycle controllerLifecycle(ReconcileLoop loop, GitPoller poller) {
    return new ControllerLifecycle(loop, poller);
  }
}
