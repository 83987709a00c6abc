package io.pdmgitops.controller.app;

import io.pdmgitops.controller.backups.LastBackups;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.health.BackupsOverview;
import io.pdmgitops.controller.health.ClusterOverview;
import io.pdmgitops.controller.health.FirewallOverview;
import io.pdmgitops.controller.health.FleetIndex;
import io.pdmgitops.controller.health.HealthAdapter;
import io.pdmgitops.controller.health.HealthMetrics;
import io.pdmgitops.controller.health.HealthOverview;
import io.pdmgitops.controller.health.LastSweep;
import io.pdmgitops.controller.health.OverviewReads;
import io.pdmgitops.controller.health.OverviewTicker;
import io.pdmgitops.controller.health.RepositoriesOverview;
import io.pdmgitops.controller.health.SdnOverview;
import io.pdmgitops.controller.health.SubscriptionOverview;
import io.pdmgitops.controller.health.UpdatesAdapter;
import io.pdmgitops.controller.health.UpdatesOverview;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.ports.FleetMetrics;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.health.BackupServerHealth;
import io.pdmgitops.model.health.ClusterHealth;
import io.pdmgitops.model.health.FirewallHealth;
import io.pdmgitops.model.health.NodeRepositories;
import io.pdmgitops.model.health.NodeSubscription;
import io.pdmgitops.model.health.NodeUpdates;
import io.pdmgitops.model.health.SdnHealth;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.health.HealthRoutes;
import io.pdmgitops.webui.health.UpdatesRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Fleet health: the overviews, each read on its own interval ({@code pdm.health.*-interval},
 * defaults from PDM's practice), and the Health page and API over their findings. {@code @Order} is
 * the order of the page's tabs.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {
  /** Subscriptions, hourly: they change when someone enters or renews a key. */
  @Bean
  @Order(1)
  HealthOverview<List<NodeSubscription>> subscriptionOverview(
      SnapshotTracker snapshots,
      ReconcileLoop loop,
      RemoteClients clients,
      Clock clock,
      @Value("${pdm.health.subscriptions-interval:1h}") Duration every) {
    return SubscriptionOverview.of(
        remotes(snapshots, RemoteType.PVE), sweep(loop), clients, every, clock);
  }

  /** Pending updates and kernels, hourly: the node's own cache changes when its index is. */
  @Bean
  @Order(2)
  HealthOverview<List<NodeUpdates>> updatesOverview(
      SnapshotTracker snapshots,
      ReconcileLoop loop,
      RemoteClients clients,
      Clock clock,
      @Value("${pdm.health.updates-interval:1h}") Duration every) {
    return UpdatesOverview.of(
        remotes(snapshots, RemoteType.PVE), sweep(loop), clients, every, clock);
  }

  /**
   * APT sources, hourly, judged with the subscriptions overview's last answer for each node (the
   * enterprise repository needs an active key) and the updates overview's (is Ceph installed).
   */
  @Bean
  @Order(3)
  HealthOverview<List<NodeRepositories>> repositoriesOverview(
      SnapshotTracker snapshots,
      ReconcileLoop loop,
      RemoteClients clients,
      Clock clock,
      HealthOverview<List<NodeSubscription>> subscriptionOverview,
      HealthOverview<List<NodeUpdates>> updatesOverview,
      @Value("${pdm.health.repositories-interval:1h}") Duration every) {
    return RepositoriesOverview.of(
        remotes(snapshots, RemoteType.PVE),
        sweep(loop),
        clients,
        every,
        clock,
        (remote, node) ->
            subscriptionOverview
                .reads()
                .answer(remote)
                .flatMap(nodes -> nodes.stream().filter(n -> n.node().equals(node)).findFirst()),
        (remote, node) ->
            updatesOverview
                .reads()
                .answer(remote)
                .flatMap(nodes -> nodes.stream().filter(n -> n.node().equals(node)).findFirst())
                .flatMap(NodeUpdates::cephVersion));
  }

  /**
   * Quorum, nodes and HA, every minute: a lost quorum or an HA resource in error needs someone now,
   * and two requests per remote are cheap.
   */
  @Bean
  @Order(4)
  HealthOverview<ClusterHealth> clusterOverview(
      SnapshotTracker snapshots,
      RemoteClients clients,
      Clock clock,
      @Value("${pdm.health.cluster-interval:1m}") Duration every) {
    return ClusterOverview.of(remotes(snapshots, RemoteType.PVE), clients, every, clock);
  }

  /**
   * The PBS remotes' datastores, jobs and newest snapshots, every 10 minutes (PDM's practice for
   * backup overviews); the guest page's last backup and the backup-missing rule read its answers.
   */
  @Bean
  @Order(5)
  HealthOverview<BackupServerHealth> backupsOverview(
      SnapshotTracker snapshots,
      RemoteClients clients,
      Clock clock,
      @Value("${pdm.health.backups-interval:${pdm.backups.refresh-interval:10m}}") Duration every) {
    return BackupsOverview.of(remotes(snapshots, RemoteType.PBS), clients, every, clock);
  }

  @Bean
  LastBackups lastBackups(HealthOverview<BackupServerHealth> backupsOverview) {
    return new LastBackups(backupsOverview.reads());
  }

  @Bean
  FleetIndex fleetIndex(FleetPort fleet) {
    return new FleetIndex(fleet);
  }

  /** Firewall switches and policies, every 5 minutes: a guest left open matters soon. */
  @Bean
  @Order(6)
  HealthOverview<FirewallHealth> firewallOverview(
      SnapshotTracker snapshots,
      ReconcileLoop loop,
      RemoteClients clients,
      FleetIndex index,
      Clock clock,
      @Value("${pdm.health.firewall-interval:5m}") Duration every) {
    return FirewallOverview.of(
        remotes(snapshots, RemoteType.PVE), sweep(loop), clients, index::production, every, clock);
  }

  /** SDN zones, vnets and their state per node, every 5 minutes. */
  @Bean
  @Order(7)
  HealthOverview<SdnHealth> sdnOverview(
      SnapshotTracker snapshots,
      RemoteClients clients,
      Clock clock,
      @Value("${pdm.health.sdn-interval:5m}") Duration every) {
    return SdnOverview.of(remotes(snapshots, RemoteType.PVE), clients, every, clock);
  }

  /** The loop's last sweep, which the per-node overviews read from. */
  static LastSweep sweep(ReconcileLoop loop) {
    return name -> loop.latestObserved().flatMap(o -> o.inventory().remote(name));
  }

  /** The declared remotes of one type, from the snapshot in force. */
  static Supplier<List<Remote>> remotes(SnapshotTracker snapshots, RemoteType type) {
    return () ->
        snapshots
            .state()
            .map(s -> s.remotes().stream().filter(r -> r.spec().type() == type).toList())
            .orElse(List.of());
  }

  @Bean(destroyMethod = "close")
  OverviewTicker overviewTicker(List<HealthOverview<?>> overviews) {
    return new OverviewTicker(
        overviews.stream().<OverviewReads<?>>map(HealthOverview::reads).toList());
  }

  @Bean
  HealthAdapter health(
      List<HealthOverview<?>> overviews,
      HealthOverview<BackupServerHealth> backupsOverview,
      SnapshotTracker snapshots,
      FleetIndex index,
      Clock clock) {
    return new HealthAdapter(
        overviews,
        List.of(
            BackupsOverview.missing(
                backupsOverview.reads(),
                () -> BackupsOverview.declared(snapshots.state(), index::resource))),
        clock);
  }

  @Bean
  HealthMetrics healthMetrics(
      FleetMetrics metrics, HealthAdapter health, List<HealthOverview<?>> overviews, Clock clock) {
    return new HealthMetrics(metrics.registry(), health, overviews, clock);
  }

  @Bean
  RouterFunction<ServerResponse> healthApi(HealthAdapter health) {
    return HealthRoutes.api(health);
  }

  @Bean
  RouterFunction<ServerResponse> healthPages(HealthAdapter health) {
    return HealthRoutes.pages(health);
  }

  @Bean
  UpdatesAdapter updates(SnapshotTracker snapshots, RemoteClients clients, AuditTrail audit) {
    return new UpdatesAdapter(snapshots, clients, audit);
  }

  @Bean
  RouterFunction<ServerResponse> updatesApi(UpdatesAdapter updates) {
    return UpdatesRoutes.api(updates);
  }

  @Bean
  RouterFunction<ServerResponse> updatesPages(UpdatesAdapter updates) {
    return UpdatesRoutes.page(updates);
  }
}
