package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.RefTrees;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.loop.SuspendSwitch;
import io.pdmgitops.controller.plan.Plans;
import io.pdmgitops.controller.ports.ControlAdapter;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.reconcilers.engine.KindReconcilers;
import io.pdmgitops.webui.control.ControlRoutes;
import io.pdmgitops.webui.plan.PlanRoutes;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * What CI and the command line call besides webhooks: plans for merge requests (POST /api/v1/plan),
 * reconcile now, suspend and resume.
 */
@Configuration(proxyBeanMethods = false)
class CiConfiguration {
  @Bean
  Plans plans(
      ControllerProperties properties,
      SnapshotTracker snapshots,
      ReconcileLoop loop,
      KindReconcilers kinds) {
    RefTrees refs =
        new RefTrees(
            LoopConfiguration.gitSettings(
                properties.repository(), properties.dataDir().resolve("git")));
    return new Plans(
        snapshots,
        () -> loop.latestObserved().map(ReconcileLoop.Observed::inventory),
        refs,
        kinds.rulebook(),
        properties.defaultPolicy(),
        properties.dataDir().resolve("plans"));
  }

  @Bean
  RouterFunction<ServerResponse> planRoutes(Plans plans) {
    return PlanRoutes.routes(plans);
  }

  @Bean
  ControlAdapter controls(
      ControllerProperties properties,
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      AuditTrail audit,
      Clock clock) {
    return new ControlAdapter(
        loop, snapshots, new SuspendSwitch(properties.dataDir().toAbsolutePath()), audit, clock);
  }

  @Bean
  RouterFunction<ServerResponse> controlRoutes(ControlAdapter controls) {
    return ControlRoutes.routes(controls);
  }
}
