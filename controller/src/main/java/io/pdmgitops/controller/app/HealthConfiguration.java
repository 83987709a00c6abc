package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.health.HealthAdapter;
import io.pdmgitops.controller.health.OverviewReads;
import io.pdmgitops.controller.health.OverviewTicker;
import io.pdmgitops.controller.health.SubscriptionOverview;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.health.NodeSubscription;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.health.HealthRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Fleet health: the overviews, each read on its own interval ({@code pdm.health.*-interval}), and
 * the Health page and API over their findings.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {
  /** Subscriptions, hourly as PDM's practice: they change when someone enters or renews a key. */
  @Bean
  OverviewReads<List<NodeSubscription>> subscriptionReads(
      SnapshotTracker snapshots,
      ReconcileLoop loop,
      RemoteClients clients,
      Clock clock,
      @Value("${pdm.health.subscriptions-interval:1h}") Duration every) {
    return SubscriptionOverview.reads(
        () ->
            snapshots
                .state()
                .map(
                    s ->
                        s.remotes().stream()
                            .filter(r -> r.spec().type() == RemoteType.PVE)
                            .toList())
                .orElse(List.of()),
        loop,
        clients,
        every,
        clock);
  }

  @Bean(destroyMethod = "close")
  OverviewTicker overviewTicker(OverviewReads<List<NodeSubscription>> subscriptionReads) {
    return new OverviewTicker(List.of(subscriptionReads));
  }

  @Bean
  HealthAdapter health(OverviewReads<List<NodeSubscription>> subscriptionReads, Clock clock) {
    return new HealthAdapter(subscriptionReads, clock);
  }

  @Bean
  RouterFunction<ServerResponse> healthApi(HealthAdapter health) {
    return HealthRoutes.api(health);
  }

  @Bean
  RouterFunction<ServerResponse> healthPages(HealthAdapter health) {
    return HealthRoutes.pages(health);
  }
}
