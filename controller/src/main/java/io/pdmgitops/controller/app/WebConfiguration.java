package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.CommitFiles;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.ports.FleetMetrics;
import io.pdmgitops.controller.ports.FleetStatusAdapter;
import io.pdmgitops.controller.ports.FleetTableAdapter;
import io.pdmgitops.controller.ports.GuestDetailAdapter;
import io.pdmgitops.controller.ports.HistoryAdapter;
import io.pdmgitops.controller.ports.LiveEvents;
import io.pdmgitops.controller.ports.RemotesAdapter;
import io.pdmgitops.controller.ports.TaskCollector;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.WebPorts;
import io.pdmgitops.webui.api.ApiRoutes;
import io.pdmgitops.webui.live.LiveRoutes;
import io.pdmgitops.webui.pages.PageRoutes;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The pages, the JSON API and metrics, served by WebFlux. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {
  @Bean
  FleetMetrics fleetMetrics(ReconcileLoop loop) {
    return new FleetMetrics(loop);
  }

  @Bean
  FleetStatusAdapter fleetStatus(
      ReconcileLoop loop, SnapshotTracker snapshots, JdbcStatusStore store) {
    return new FleetStatusAdapter(loop, snapshots, store);
  }

  @Bean
  FleetTableAdapter fleetTable(ReconcileLoop loop) {
    return new FleetTableAdapter(loop);
  }

  @Bean
  HistoryAdapter history(JdbcStatusStore store) {
    return new HistoryAdapter(store);
  }

  @Bean
  RemotesAdapter remotes(
      ReconcileLoop loop,
      FleetTableAdapter table,
      InventoryCollector inventory,
      RemoteClients clients) {
    return new RemotesAdapter(loop, table, inventory, clients);
  }

  @Bean
  GuestDetailAdapter guestDetails(
      FleetTableAdapter table,
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      JdbcStatusStore store,
      CommitFiles files,
      RemoteClients clients) {
    return new GuestDetailAdapter(table, loop, snapshots, store, files, clients);
  }

  @Bean
  TaskCollector tasks(
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      RemoteClients clients,
      JdbcStatusStore store,
      Clock clock) {
    return new TaskCollector(loop, snapshots, clients, store, clock);
  }

  @Bean
  WebPorts webPorts(
      FleetStatusAdapter status,
      FleetTableAdapter table,
      HistoryAdapter history,
      RemotesAdapter remotes,
      GuestDetailAdapter details,
      TaskCollector tasks,
      CommitFiles files,
      FleetMetrics metrics) {
    return new WebPorts(status, table, history, remotes, details, tasks, files, metrics);
  }

  @Bean
  RouterFunction<ServerResponse> apiRoutes(WebPorts ports) {
    return ApiRoutes.routes(ports);
  }

  @Bean
  RouterFunction<ServerResponse> liveRoutes(LiveEvents live) {
    return LiveRoutes.routes(live);
  }

  @Bean
  RouterFunction<ServerResponse> pageRoutes(WebPorts ports) {
    return PageRoutes.routes(ports);
  }
}
