package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.ports.FleetMetrics;
import io.pdmgitops.controller.ports.FleetStatusAdapter;
import io.pdmgitops.controller.ports.FleetTableAdapter;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.webui.api.ApiRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The JSON API and metrics, served by WebFlux. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {
  @Bean
  FleetMetrics fleetMetrics(ReconcileLoop loop) {
    return new FleetMetrics(loop);
  }

  @Bean
  RouterFunction<ServerResponse> apiRoutes(
      ReconcileLoop loop, SnapshotTracker snapshots, JdbcStatusStore store, FleetMetrics metrics) {
    return ApiRoutes.routes(
        new FleetStatusAdapter(loop, snapshots, store), new FleetTableAdapter(loop), metrics);
  }
}
